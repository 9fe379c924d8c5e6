using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Emulator.Services.Sts;

/// <summary>
/// A minimal evaluation of a role's trust policy for sts:AssumeRole by an IAM principal. A statement applies when its
/// Action matches (string or list, wildcards allowed) and its Principal is "*" or has an AWS entry naming "*", the
/// caller's account (id or root ARN) or the caller's exact ARN. Service and Federated principals never name an IAM
/// caller. An applying Deny wins; otherwise an applying Allow grants. Conditions, NotPrincipal and NotAction are not
/// evaluated (an emulator simplification).
/// </summary>
public static class TrustPolicies
{
    public static bool Allows(string trustPolicy, IReadOnlyCollection<string> callerPrincipals, string action = "sts:AssumeRole")
    {
        JsonNode? root;
        try { root = JsonNode.Parse(trustPolicy); }
        catch (JsonException) { return false; }
        var statements = root?["Statement"] switch
        {
            JsonArray list => list.OfType<JsonObject>().ToList(),
            JsonObject single => [single],
            _ => [],
        };
        var allowed = false;
        foreach (var statement in statements)
        {
            if (!Strings(statement["Action"]).Any(pattern => Matches(pattern, action))) continue;
            if (!NamesCaller(statement["Principal"], callerPrincipals)) continue;
            var effect = (statement["Effect"] as JsonValue)?.ToString();
            if (effect == "Deny") return false;
            if (effect == "Allow") allowed = true;
        }
        return allowed;
    }

    private static bool NamesCaller(JsonNode? principal, IReadOnlyCollection<string> callerPrincipals) => principal switch
    {
        JsonValue value => value.ToString() == "*",
        JsonObject map => Strings(map["AWS"]).Any(p => p == "*" || callerPrincipals.Contains(p)),
        _ => false,
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonArray list => list.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var t) ? t : null).OfType<string>(),
        _ => [],
    };

    /// <summary>IAM action patterns: case-insensitive, '*' any run of characters, '?' one character.</summary>
    private static bool Matches(string pattern, string action) =>
        Regex.IsMatch(action, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase);
}
