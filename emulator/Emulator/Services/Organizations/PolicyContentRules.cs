using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Emulator.Services.Organizations;

/// <summary>
/// What a policy document of each type must look like. Too long: ConstraintViolation POLICY_CONTENT_LIMIT_EXCEEDED;
/// otherwise not valid: MalformedPolicyDocumentException.
/// <list type="bullet">
/// <item>SCP and RCP: the IAM grammar subset of the SCP/RCP syntax pages — Version (2012-10-17), Id, Statement (one
/// object or a non-empty list); each statement Sid?, Effect Allow|Deny, exactly one of Action/NotAction ("*" or
/// "service:action" with wildcards), at most one of Resource/NotResource, Condition? (an object of objects). RCPs
/// take Principal/NotPrincipal ("*" or {"AWS": …}); SCPs take none.</item>
/// <item>Management policies (tag, backup, AI opt-out, chatbot, declarative, …): a JSON object whose keys are either
/// names (whose values are objects) or the inheritance operators @@assign, @@append, @@remove,
/// @@operators_allowed_for_child_policies (a list of @@all, @@none, @@assign, @@append, @@remove).</item>
/// </list>
/// </summary>
public static partial class PolicyContentRules
{
    public static readonly IReadOnlySet<string> ValueOperators = new HashSet<string>(StringComparer.Ordinal) { "@@assign", "@@append", "@@remove" };

    public const string ChildOperators = "@@operators_allowed_for_child_policies";

    private static readonly IReadOnlySet<string> ChildOperatorValues =
        new HashSet<string>(StringComparer.Ordinal) { "@@all", "@@none", "@@assign", "@@append", "@@remove" };

    private static readonly IReadOnlySet<string> StatementKeys =
        new HashSet<string>(StringComparer.Ordinal) { "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition" };

    [GeneratedRegex(@"^(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+)$")]
    private static partial Regex ActionPattern();

    public static void Check(string type, string content)
    {
        var rule = PolicyTypes.Rule(type);
        if (content.Length > rule.MaxContentLength) throw OrganizationsErrors.PolicyContentLimitExceeded();
        JsonNode? document;
        try { document = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false }); }
        catch (JsonException) { throw OrganizationsErrors.MalformedPolicyDocument(); }
        var valid = document is JsonObject root && (rule.Kind == PolicyKind.Authorization
            ? IsAuthorizationPolicy(root, allowPrincipal: type == PolicyTypes.ResourceControl)
            : IsManagementNode(root));
        if (!valid) throw OrganizationsErrors.MalformedPolicyDocument();
    }

    private static bool IsAuthorizationPolicy(JsonObject policy, bool allowPrincipal)
    {
        if (policy.Any(p => p.Key is not ("Version" or "Id" or "Statement"))) return false;
        if (policy["Version"] is { } version && !(IsString(version, out var v) && v == "2012-10-17")) return false;
        return policy["Statement"] switch
        {
            JsonObject statement => IsStatement(statement, allowPrincipal),
            JsonArray { Count: > 0 } statements => statements.All(s => s is JsonObject o && IsStatement(o, allowPrincipal)),
            _ => false,
        };
    }

    private static bool IsStatement(JsonObject statement, bool allowPrincipal)
    {
        foreach (var (key, _) in statement)
            if (!StatementKeys.Contains(key) && !(allowPrincipal && key is "Principal" or "NotPrincipal")) return false;
        if (!(statement["Effect"] is { } effect && IsString(effect, out var e) && e is "Allow" or "Deny")) return false;
        if (statement.ContainsKey("Action") == statement.ContainsKey("NotAction")) return false;
        if (statement.ContainsKey("Resource") && statement.ContainsKey("NotResource")) return false;
        if (!AreStrings(statement["Action"] ?? statement["NotAction"], a => ActionPattern().IsMatch(a))) return false;
        if ((statement["Resource"] ?? statement["NotResource"]) is { } resource && !AreStrings(resource, r => r.Length > 0)) return false;
        if (statement["Condition"] is { } condition && !(condition is JsonObject c && c.All(p => p.Value is JsonObject))) return false;
        if (allowPrincipal && statement.ContainsKey("Principal") == statement.ContainsKey("NotPrincipal")) return false;
        if ((statement["Principal"] ?? statement["NotPrincipal"]) is { } principal && !IsPrincipal(principal)) return false;
        return true;
    }

    private static bool IsPrincipal(JsonNode principal) =>
        IsString(principal, out var star) ? star == "*" : principal is JsonObject o && o.All(p => p.Key == "AWS" && AreStrings(p.Value, s => s.Length > 0));

    private static bool IsManagementNode(JsonObject node)
    {
        foreach (var (key, value) in node)
        {
            if (value is null) return false;
            if (key == ChildOperators)
            {
                if (!AreStrings(value, ChildOperatorValues.Contains) || value is not JsonArray) return false;
            }
            else if (key.StartsWith("@@", StringComparison.Ordinal))
            {
                if (!ValueOperators.Contains(key)) return false;
            }
            else if (value is not JsonObject child || !IsManagementNode(child)) return false;
        }
        return true;
    }

    private static bool AreStrings(JsonNode? node, Func<string, bool> valid) => node switch
    {
        JsonArray { Count: > 0 } array => array.All(item => item is not null && IsString(item, out var s) && valid(s)),
        JsonValue value => IsString(value, out var s) && valid(s),
        _ => false,
    };

    private static bool IsString(JsonNode node, out string text)
    {
        text = "";
        return node is JsonValue value && value.TryGetValue(out text!);
    }
}
