using Emulator.Protocol;
using Emulator.Services.Trail;
using Emulator.State;
using System.Text.Json.Nodes;

namespace Emulator.Services.CloudTrail;

public sealed record LookupAttribute(string AttributeKey, string AttributeValue);

/// <remarks>The times stay JSON until the handler reads them, so a string that is no time is a SerializationException, not a failure.</remarks>
public sealed record LookupEventsRequest(
    List<LookupAttribute>? LookupAttributes, JsonNode? StartTime, JsonNode? EndTime, string? EventCategory, int? MaxResults, string? NextToken);

public sealed record EventResource(string ResourceType, string ResourceName);

public sealed record TrailEvent(
    string EventId, string EventName, string ReadOnly, string? AccessKeyId, EpochTimestamp EventTime, string EventSource,
    string? Username, List<EventResource> Resources, string CloudTrailEvent);

public sealed record LookupEventsResponse(List<TrailEvent> Events, string? NextToken);

/// <summary>
/// LookupEvents: the caller's own account's event history, newest first, filtered by at most one lookup attribute and
/// a time range, 50 events a page at most (CloudTrail's default and maximum).
/// </summary>
public static class LookupEventsOperation
{
    private const int MaxPage = 50;

    /// <summary>How each lookup attribute matches an event.</summary>
    private static readonly IReadOnlyDictionary<string, Func<TrailEntry, string, bool>> Matches =
        new Dictionary<string, Func<TrailEntry, string, bool>>(StringComparer.Ordinal)
        {
            ["EventId"] = (e, v) => e.EventId == v,
            ["EventName"] = (e, v) => e.EventName == v,
            ["ReadOnly"] = (e, v) => e.ReadOnly == bool.Parse(v),
            ["Username"] = (e, v) => e.Username == v,
            ["ResourceType"] = (e, v) => e.Resources.Any(r => r.ResourceType == v),
            ["ResourceName"] = (e, v) => e.Resources.Any(r => r.ResourceName == v),
            ["EventSource"] = (e, v) => e.EventSource == v,
            ["AccessKeyId"] = (e, v) => e.AccessKeyId == v,
        };

    public static void Register(OperationTable table) => table.Read<LookupEventsRequest, LookupEventsResponse>("LookupEvents", Lookup);

    private static LookupEventsResponse Lookup(OperationContext context, LookupEventsRequest request)
    {
        var attributes = request.LookupAttributes ?? [];
        if (attributes.Count > 1) throw CloudTrailErrors.OneLookupAttribute();
        var (startTime, endTime) = (TimeOf(request.StartTime, "StartTime"), TimeOf(request.EndTime, "EndTime"));
        if (startTime > endTime) throw CloudTrailErrors.InvalidTimeRange();
        var filter = attributes.SingleOrDefault();
        if (filter is { AttributeKey: "ReadOnly" } && !bool.TryParse(filter.AttributeValue, out _))
            throw CloudTrailErrors.InvalidReadOnlyValue(filter.AttributeValue);
        // Insights events are never recorded by the emulator.
        if (request.EventCategory == "insight") return new LookupEventsResponse([], null);

        var events = context.Tx.TrailEvents.NewestFirst()
            .Where(e => e.AccountId == context.Caller.AccountId)
            .Where(e => startTime is not { } start || e.EventTime >= start)
            .Where(e => endTime is not { } end || e.EventTime <= end)
            .Where(e => filter is null || Matches[filter.AttributeKey](e, filter.AttributeValue));
        var page = Paging.Slice(events, NewestFirstKey, request.NextToken, request.MaxResults ?? MaxPage, CloudTrailErrors.InvalidNextToken);
        return new LookupEventsResponse([.. page.Items.Select(Describe)], page.NextToken);
    }

    private static DateTimeOffset? TimeOf(JsonNode? node, string member)
    {
        if (node is null) return null;
        try { return Protocol.Timestamps.Read(node); }
        catch (Exception error) when (error is FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw CloudTrailErrors.NotATime(member);
        }
    }

    /// <summary>Ascending in this key is newest first.</summary>
    private static string NewestFirstKey(TrailEntry e) => TrailPages.Key(long.MaxValue - e.Sequence);

    private static TrailEvent Describe(TrailEntry e) => new(
        e.EventId, e.EventName, e.ReadOnly ? "true" : "false", e.AccessKeyId, e.EventTime, e.EventSource, e.Username,
        [.. e.Resources.Select(r => new EventResource(r.ResourceType, r.ResourceName))], TrailRecords.Render(e));
}
