using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulator.Core;

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

    /// <summary>
    /// An identity-based policy (managed, user, group or role inline): a policy the evaluator can read, no Principal,
    /// a Resource in every statement, at most <paramref name="maxSize"/> characters without white space.
    /// </summary>
    public static void EnsurePermissionsPolicy(string document, int maxSize, Func<AwsException> tooLarge)
    {
        if (!Authorization.PolicyParser.TryParse(document, "", out var policy, out var error)) throw IamErrors.MalformedPolicyDocument(error!);
        if (policy.Statements.Any(s => s.Principals is not null || s.NotPrincipals is not null)) throw IamErrors.PrincipalInIdentityPolicy();
        if (policy.Statements.Any(s => s.Resources is null && s.NotResources is null)) throw IamErrors.MissingResource();
        if (PolicySize(document) > maxSize) throw tooLarge();
    }

    /// <summary>IAM's quotas count a policy's characters without white space.</summary>
    public static int PolicySize(string document) => document.Count(c => !char.IsWhiteSpace(c));

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
