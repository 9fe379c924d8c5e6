using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Emulator.Services.Iam;

/// <summary>Checks IAM applies beyond the model's constraints, and IAM's Marker/MaxItems paging.</summary>
public static partial class IamInput
{
    public const int DefaultMaxItems = 100;

    [GeneratedRegex(@"^arn:aws:iam::(aws|\d{12}):policy(/[\x21-\x7E]*)?/[\w+=,.@-]+$")]
    private static partial Regex PolicyArnPattern();

    /// <summary>A policy document must be a JSON object with a Statement; it is stored exactly as given.</summary>
    public static void EnsurePolicyDocument(string document)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(document); }
        catch (JsonException) { throw IamErrors.InvalidJson(); }
        if (node is not JsonObject policy) throw IamErrors.InvalidJson();
        if (policy["Statement"] is not (JsonObject or JsonArray)) throw IamErrors.PolicySyntax();
    }

    /// <summary>A managed policy ARN (AWS managed <c>arn:aws:iam::aws:policy/...</c> or customer managed).</summary>
    public static void EnsurePolicyArn(string arn)
    {
        if (!PolicyArnPattern().IsMatch(arn)) throw IamErrors.InvalidArn(arn);
    }

    /// <summary>The policy name is the last segment of the ARN's resource path.</summary>
    public static string PolicyName(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    /// <summary>The path of a policy ARN, e.g. "/" or "/aws-service-role/".</summary>
    public static string PolicyPath(string arn)
    {
        var resource = arn[(arn.IndexOf(":policy", StringComparison.Ordinal) + ":policy".Length)..];
        return resource[..(resource.LastIndexOf('/') + 1)];
    }

    /// <summary>One IAM page: items after the marker, IsTruncated, and the next marker.</summary>
    public static (IReadOnlyList<T> Items, bool IsTruncated, string? Marker) Page<T>(
        IEnumerable<T> ordered, Func<T, string> key, string? marker, int? maxItems)
    {
        var page = Paging.Slice(ordered, key, marker, maxItems ?? DefaultMaxItems, IamErrors.InvalidMarker);
        return (page.Items, page.NextToken is not null, page.NextToken);
    }
}
