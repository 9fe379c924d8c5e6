namespace Emulator.Services.Iam;

/// <summary>Inline policies of a role, user or group: one set of rules (names case-insensitive, a size quota per entity, sorted listing).</summary>
public static class InlinePolicies
{
    /// <summary>IAM quotas: all inline policies of one entity together, white space not counted.</summary>
    public const int MaxPerRole = 10_240;
    public const int MaxPerUser = 2_048;
    public const int MaxPerGroup = 5_120;

    /// <summary>The stored spelling of a policy name, or null.</summary>
    public static string? NameIn(IEnumerable<string> names, string policyName) =>
        names.FirstOrDefault(n => string.Equals(n, policyName, StringComparison.OrdinalIgnoreCase));

    /// <summary>A valid permissions policy whose size, with the entity's other inline policies, stays within the quota.</summary>
    public static void EnsureFits(IEnumerable<string> otherDocuments, string document, int max, string entityKind, string entityName)
    {
        IamInput.EnsurePermissionsPolicy(document, max, () => IamErrors.InlinePolicySizeQuota(entityKind, entityName, max));
        if (otherDocuments.Sum(IamInput.PolicySize) + IamInput.PolicySize(document) > max)
            throw IamErrors.InlinePolicySizeQuota(entityKind, entityName, max);
    }

    /// <summary>Puts a policy into a role's or group's inline policies: names are unique case-insensitively; an existing name is replaced.</summary>
    public static void Put(Dictionary<string, string> policies, string policyName, string document, int max, string entityKind, string entityName)
    {
        var existing = NameIn(policies.Keys, policyName);
        EnsureFits(policies.Where(p => p.Key != existing).Select(p => p.Value), document, max, entityKind, entityName);
        if (existing is not null) policies.Remove(existing);
        policies[policyName] = document;
    }

    /// <summary>The stored name of an inline policy, or the entity's NoSuchEntity.</summary>
    public static string Find(Dictionary<string, string> policies, string policyName, Func<Core.AwsException> missing) =>
        NameIn(policies.Keys, policyName) ?? throw missing();

    public static ListRolePoliciesResponse List(IEnumerable<string> names, string? marker, int? maxItems)
    {
        var (items, truncated, next) = IamInput.Page(names.OrderBy(n => n, StringComparer.Ordinal), n => n, marker, maxItems);
        return new(items, truncated, next);
    }
}
