using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulator.Core;
using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>
/// Whether the organization's resource policy (PutResourcePolicy) lets a member account make an Organizations call
/// as a delegated administrator. The simple cases only: Principal ("*", an account id, an account's root ARN, a user
/// or role ARN), Action/NotAction with wildcards, Effect (an explicit Deny wins); Resource and Condition are not
/// evaluated. The authz branch's evaluator replaces this body at merge.
/// </summary>
public static class OrganizationsResourcePolicy
{
    /// <param name="action">The IAM action, e.g. "organizations:CreatePolicy".</param>
    public static bool Allows(Tx tx, Caller caller, string action, OrganizationDoc organization)
    {
        if (tx.OrganizationResourcePolicies.FindById(organization.Id) is not { } policy) return false;
        if (tx.Accounts.FindById(caller.AccountId)?.OrganizationId != organization.Id) return false;
        JsonNode? document;
        try { document = JsonNode.Parse(policy.Content); }
        catch (System.Text.Json.JsonException) { return false; }
        var allowed = false;
        foreach (var statement in Statements(document))
        {
            if (!PrincipalMatches(statement, caller) || !ActionMatches(statement, action)) continue;
            var effect = statement["Effect"]?.GetValue<string>();
            if (effect == "Deny") return false;
            if (effect == "Allow") allowed = true;
        }
        return allowed;
    }

    private static IEnumerable<JsonObject> Statements(JsonNode? document) => document?["Statement"] switch
    {
        JsonObject single => [single],
        JsonArray many => many.OfType<JsonObject>(),
        _ => [],
    };

    private static bool ActionMatches(JsonObject statement, string action)
    {
        if (statement["Action"] is { } actions) return Strings(actions).Any(p => Wildcard(p, action));
        if (statement["NotAction"] is { } notActions) return !Strings(notActions).Any(p => Wildcard(p, action));
        return false;
    }

    private static bool PrincipalMatches(JsonObject statement, Caller caller)
    {
        var principal = statement["Principal"];
        if (principal is JsonValue value && value.TryGetValue<string>(out var star)) return star == "*";
        if (principal?["AWS"] is not { } aws) return false;
        return Strings(aws).Any(p => p == "*" || p == caller.AccountId || p == $"arn:aws:iam::{caller.AccountId}:root" || NamesCaller(p, caller));
    }

    /// <summary>A user or role ARN names the caller when account and name match (a role's sessions act as the role).</summary>
    private static bool NamesCaller(string arn, Caller caller)
    {
        if (arn == caller.Arn) return true;
        var role = Regex.Match(arn, @"^arn:aws:iam::(\d{12}):role/(?:.*/)?([^/]+)$");
        var session = Regex.Match(caller.Arn, @"^arn:aws:sts::(\d{12}):assumed-role/([^/]+)/");
        return role.Success && session.Success && role.Groups[1].Value == session.Groups[1].Value && role.Groups[2].Value == session.Groups[2].Value;
    }

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonArray array => array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0),
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>IAM action matching: case-insensitive, '*' any run of characters, '?' one character.</summary>
    public static bool Wildcard(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase);
}
