using System.Text.Json.Nodes;
using Emulator.Tests.Support;

namespace Emulator.Tests.Trail;

/// <summary>CloudTrail LookupEvents through the wire, as the SDKs send it.</summary>
public static class TrailSteps
{
    public const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";

    public static Task<AwsAnswer> LookupEvents(this AwsClient client, object? input = null) =>
        client.Json(Target, "LookupEvents", input, "cloudtrail");

    /// <summary>Every event of the caller's history (newest first) with this lookup attribute, following NextToken.</summary>
    public static async Task<List<JsonObject>> Events(this AwsClient client, string? key = null, string? value = null)
    {
        var events = new List<JsonObject>();
        string? token = null;
        do
        {
            var answer = (await client.LookupEvents(new
            {
                LookupAttributes = key is null ? null : new[] { new { AttributeKey = key, AttributeValue = value } },
                NextToken = token,
            })).EnsureSuccess();
            events.AddRange(answer.Json["Events"]!.AsArray().Select(e => e!.AsObject()));
            token = (string?)answer.Json["NextToken"];
        }
        while (token is not null);
        return events;
    }

    /// <summary>The records (CloudTrailEvent parsed) of the caller's events with this name.</summary>
    public static async Task<List<JsonObject>> Records(this AwsClient client, string eventName) =>
        [.. (await client.Events("EventName", eventName)).Select(Record)];

    /// <summary>Reads and refused calls are recorded a moment after they are answered: polls until the predicate holds.</summary>
    public static Task<List<JsonObject>> WaitForRecords(this AwsClient client, string eventName, Func<List<JsonObject>, bool> done) =>
        Eventually.Until(() => client.Records(eventName), done, TimeSpan.FromSeconds(5));

    public static JsonObject Record(JsonObject lookedUp) => JsonNode.Parse((string)lookedUp["CloudTrailEvent"]!)!.AsObject();

    public static string? Text(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.')) current = current?[part];
        return current?.ToString();
    }
}
