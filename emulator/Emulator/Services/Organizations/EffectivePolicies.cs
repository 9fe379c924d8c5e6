using System.Text.Json.Nodes;

namespace Emulator.Services.Organizations;

public sealed record EffectivePolicyResult(JsonObject Content, IReadOnlyList<EffectivePolicyValidationError> Errors);

/// <summary>
/// Management-policy inheritance ("Understanding management policy inheritance"): levels are merged from the root
/// down to the account. At each setting, @@assign replaces the inherited value, @@append adds to a list, @@remove takes
/// from it. @@operators_allowed_for_child_policies on a node limits the operators lower levels may use on that node and
/// below (@@all, @@none, or a list); a lower level's disallowed operator is ignored and reported as a validation error.
/// The effective policy keeps the resulting values without operators.
/// </summary>
public static class EffectivePolicies
{
    public const string OperatorNotAllowed = "OPERATOR_NOT_ALLOWED";

    private static readonly string[] AllOperators = ["@@assign", "@@append", "@@remove"];

    public static EffectivePolicyResult Compute(IReadOnlyList<IReadOnlyList<LevelPolicy>> levels)
    {
        var tree = new JsonObject();
        var limits = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var errors = new List<EffectivePolicyValidationError>();
        foreach (var level in levels)
        {
            var newLimits = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var policy in level)
                if (JsonNode.Parse(policy.Content) is JsonObject content)
                    Merge(tree, content, "", limits, newLimits, errors, policy.PolicyId);
            foreach (var (path, operators) in newLimits)
                limits[path] = limits.TryGetValue(path, out var existing) ? [.. existing.Intersect(operators)] : operators;
        }
        return new(Strip(tree), errors);
    }

    private static void Merge(JsonObject target, JsonObject source, string path, Dictionary<string, HashSet<string>> limits,
        Dictionary<string, HashSet<string>> newLimits, List<EffectivePolicyValidationError> errors, string policyId)
    {
        foreach (var (key, value) in source)
        {
            if (key == PolicyContentRules.ChildOperators)
            {
                newLimits[path] = Expand(value);
            }
            else if (PolicyContentRules.ValueOperators.Contains(key))
            {
                if (Allowed(limits, path).Contains(key)) Apply(target, key, value!);
                else errors.Add(new(OperatorNotAllowed,
                    $"The operator {key} is not allowed here by the policies inherited from a parent.", path.TrimStart('/'), [policyId]));
            }
            else if (value is JsonObject child)
            {
                if (target[key] is not JsonObject merged) target[key] = merged = new JsonObject();
                Merge(merged, child, $"{path}/{key}", limits, newLimits, errors, policyId);
            }
        }
    }

    private static HashSet<string> Expand(JsonNode? operators)
    {
        var names = operators is JsonArray array ? array.Select(o => (string?)o ?? "").ToList() : [];
        if (names.Contains("@@all")) return [.. AllOperators];
        return [.. names.Where(AllOperators.Contains)];
    }

    /// <summary>The limit set nearest above (or at) the path; every operator when none is set.</summary>
    private static IReadOnlySet<string> Allowed(Dictionary<string, HashSet<string>> limits, string path)
    {
        for (var current = path; ; current = current[..current.LastIndexOf('/')])
        {
            if (limits.TryGetValue(current, out var allowed)) return allowed;
            if (current.Length == 0) return AllOperators.ToHashSet();
        }
    }

    private static void Apply(JsonObject setting, string op, JsonNode value)
    {
        var current = setting["@@assign"];
        setting["@@assign"] = op switch
        {
            "@@assign" => value.DeepClone(),
            "@@append" => new JsonArray([.. Items(current).Concat(Items(value).Where(v => !Items(current).Any(c => JsonNode.DeepEquals(c, v))))
                .Select(v => v!.DeepClone())]),
            _ => current is JsonArray
                ? new JsonArray([.. Items(current).Where(c => !Items(value).Any(v => JsonNode.DeepEquals(c, v))).Select(c => c!.DeepClone())])
                : null,
        };
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array,
        _ => [node],
    };

    /// <summary>The merged tree without operators: a setting becomes its value.</summary>
    private static JsonObject Strip(JsonObject node)
    {
        var result = new JsonObject();
        foreach (var (key, value) in node)
        {
            if (key.StartsWith("@@", StringComparison.Ordinal) || value is not JsonObject child) continue;
            if (child.ContainsKey("@@assign"))
            {
                if (child["@@assign"] is { } assigned) result[key] = assigned.DeepClone();
            }
            else result[key] = Strip(child);
        }
        return result;
    }
}
