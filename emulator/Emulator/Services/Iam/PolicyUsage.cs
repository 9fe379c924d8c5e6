using Emulator.State;

namespace Emulator.Services.Iam;

/// <summary>One use of a managed policy by a group, role or user: as a permissions policy or as its permissions boundary.</summary>
public sealed record PolicyUse(string PolicyArn, string EntityType, string Name, string Id, string Path, bool AsBoundary);

/// <summary>Where an account's managed policies are used (GetPolicy's counts, ListPolicies' filters, ListEntitiesForPolicy, DeletePolicy's conflict).</summary>
public static class PolicyUsage
{
    public static IEnumerable<PolicyUse> In(Tx tx, string accountId)
    {
        foreach (var group in tx.Groups.Find(g => g.AccountId == accountId))
            foreach (var policy in group.AttachedPolicies)
                yield return new(policy.PolicyArn, "Group", group.GroupName, group.GroupId, group.Path, false);
        foreach (var role in tx.Roles.FindBy(Indexes.RolesByAccount, accountId))
        {
            foreach (var policy in role.AttachedPolicies) yield return new(policy.PolicyArn, "Role", role.RoleName, role.RoleId, role.Path, false);
            if (role.PermissionsBoundaryArn is { } boundary) yield return new(boundary, "Role", role.RoleName, role.RoleId, role.Path, true);
        }
        foreach (var user in tx.Users.Find(u => u.AccountId == accountId))
        {
            foreach (var policy in user.AttachedPolicies) yield return new(policy.PolicyArn, "User", user.UserName, user.UserId, user.Path, false);
            if (user.PermissionsBoundaryArn is { } boundary) yield return new(boundary, "User", user.UserName, user.UserId, user.Path, true);
        }
    }

    /// <summary>Attachment and boundary counts by policy ARN.</summary>
    public static IReadOnlyDictionary<string, (int Attachments, int Boundaries)> Counts(Tx tx, string accountId) =>
        In(tx, accountId).GroupBy(u => u.PolicyArn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(u => !u.AsBoundary), g.Count(u => u.AsBoundary)), StringComparer.Ordinal);
}
