namespace Emulator.Services.Authorization;

/// <summary>
/// How a parsed policy names where it came from (<see cref="Policy.Source"/>), and how the simulator reports it
/// (SourcePolicyType: user, group, role, aws-managed, user-managed, resource, none; SourcePolicyId: the policy's name,
/// or the simulator input's member and position, e.g. PolicyInputList.1).
/// </summary>
public static class PolicySources
{
    private const string InlineMarker = " inline policy ";

    /// <summary>An inline policy of a user, group or role: "user alice inline policy Admin".</summary>
    public static string Inline(string entityType, string entityName, string policyName) => $"{entityType} {entityName}{InlineMarker}{policyName}";

    /// <summary>A policy the simulator was given: "PolicyInputList.1", "PermissionsBoundaryPolicyInputList.1".</summary>
    public static string Input(string member, int position) => $"{member}.{position}";

    public const string ResourcePolicy = "ResourcePolicy";

    public static (string Type, string Id) Describe(string source)
    {
        if (source.StartsWith(AwsManagedPolicies.ArnPrefix, StringComparison.Ordinal)) return ("aws-managed", source[(source.LastIndexOf('/') + 1)..]);
        if (source.StartsWith("arn:aws:iam::", StringComparison.Ordinal)) return ("user-managed", source[(source.LastIndexOf('/') + 1)..]);
        if (source == ResourcePolicy) return ("resource", source);
        var inline = source.IndexOf(InlineMarker, StringComparison.Ordinal);
        var type = source.Split(' ', 2)[0];
        if (inline > 0 && type is "user" or "group" or "role") return (type, source[(inline + InlineMarker.Length)..]);
        return ("none", source);
    }
}
