using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.Services.Authorization;

public enum Effect { Allow, Deny }

/// <summary>One condition test: <c>"StringEquals": {"aws:username": ["alice"]}</c> is (StringEquals, aws:username, [alice]).</summary>
public sealed record ConditionTest(string Operator, string Key, IReadOnlyList<string> Values);

/// <summary>
/// A policy statement as written. <see cref="Principals"/> maps a principal type ("AWS", "Service", "Federated",
/// "CanonicalUser", or "*" for <c>"Principal": "*"</c>) to its values; null when the element is absent.
/// </summary>
public sealed record Statement(
    string? Sid,
    Effect Effect,
    IReadOnlyList<string>? Actions,
    IReadOnlyList<string>? NotActions,
    IReadOnlyList<string>? Resources,
    IReadOnlyList<string>? NotResources,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Principals,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? NotPrincipals,
    IReadOnlyList<ConditionTest> Conditions,
    int Index);

/// <summary>A parsed policy document; <see cref="Source"/> names it in simulator answers (see <see cref="PolicySources"/>).</summary>
public sealed record Policy(string? Version, IReadOnlyList<Statement> Statements, string Source = "")
{
    /// <summary>The JSON it was parsed from (the simulator reports statement positions in it).</summary>
    public string Text { get; init; } = "";
}

public sealed class PolicyFormatException(string message) : Exception(message);

/// <summary>Reads IAM policy JSON: <c>Statement</c> as an object or an array, every element as a string or an array of strings.</summary>
public static class PolicyParser
{
    public static bool TryParse(string json, string source, out Policy policy, out string? error)
    {
        try { policy = Parse(json, source); error = null; return true; }
        catch (PolicyFormatException failure) { policy = new Policy(null, []); error = failure.Message; return false; }
    }

    public static Policy Parse(string json, string source = "")
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException) { throw new PolicyFormatException("This policy contains invalid Json"); }
        if (root is not JsonObject document) throw new PolicyFormatException("This policy contains invalid Json");
        var version = (document["Version"] as JsonValue)?.ToString();
        if (version is not (null or "2012-10-17" or "2008-10-17"))
            throw new PolicyFormatException("The policy failed legacy parsing");
        var statements = document["Statement"] switch
        {
            JsonObject single => [single],
            JsonArray list when list.All(s => s is JsonObject) => list.Cast<JsonObject>().ToList(),
            _ => throw new PolicyFormatException("Syntax errors in policy."),
        };
        return new Policy(version, statements.Select((s, i) => ParseStatement(s, i)).ToList(), source) { Text = json };
    }

    private static Statement ParseStatement(JsonObject statement, int index)
    {
        var effect = (statement["Effect"] as JsonValue)?.ToString() switch
        {
            "Allow" => Effect.Allow,
            "Deny" => Effect.Deny,
            _ => throw new PolicyFormatException("Syntax errors in policy."),
        };
        var actions = Strings(statement["Action"]);
        var notActions = Strings(statement["NotAction"]);
        if ((actions is null) == (notActions is null)) throw new PolicyFormatException("Syntax errors in policy.");
        return new Statement(
            (statement["Sid"] as JsonValue)?.ToString(), effect, actions, notActions,
            Strings(statement["Resource"]), Strings(statement["NotResource"]),
            Principals(statement["Principal"]), Principals(statement["NotPrincipal"]),
            Conditions(statement["Condition"]), index);
    }

    private static IReadOnlyList<string>? Strings(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value => [Scalar(value)],
        JsonArray list => list.Select(item => item is JsonValue v ? Scalar(v) : throw new PolicyFormatException("Syntax errors in policy.")).ToList(),
        _ => throw new PolicyFormatException("Syntax errors in policy."),
    };

    /// <summary>Condition values may be written as numbers or booleans; they compare as their text.</summary>
    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    private static IReadOnlyDictionary<string, IReadOnlyList<string>>? Principals(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when Scalar(value) == "*" => new Dictionary<string, IReadOnlyList<string>> { ["*"] = ["*"] },
        JsonObject map => map.ToDictionary(p => p.Key, p => Strings(p.Value) ?? throw new PolicyFormatException("Syntax errors in policy.")),
        _ => throw new PolicyFormatException("Invalid principal in policy"),
    };

    private static IReadOnlyList<ConditionTest> Conditions(JsonNode? node) => node switch
    {
        null => [],
        JsonObject operators => operators.SelectMany(op => op.Value is JsonObject keys
            ? keys.Select(k => new ConditionTest(op.Key, k.Key, Strings(k.Value) ?? []))
            : throw new PolicyFormatException("Syntax errors in policy.")).ToList(),
        _ => throw new PolicyFormatException("Syntax errors in policy."),
    };
}
