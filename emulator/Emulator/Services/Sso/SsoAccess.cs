using Emulator.Services.Iam;
using Emulator.Services.TrustModel;
using Emulator.State;

namespace Emulator.Services.Sso;

/// <summary>One role a user can reach from the portal: the account, the permission set (its name is the portal's role name) and the IAM role behind it.</summary>
public sealed record PortalRole(string AccountId, string AccountName, string Email, string PermissionSetName, string PermissionSetArn, RoleDoc Role, string SessionDuration);

/// <summary>What a directory user may reach: assignments to the user or to any of the user's groups, in accounts still in the organization.</summary>
public static class SsoAccess
{
    /// <summary>Empty while Identity Center is unavailable (trusted access off) — callers decide how to refuse.</summary>
    public static IReadOnlyList<PortalRole> RolesFor(Tx tx, SsoInstanceDoc instance, string userId)
    {
        if (!SsoRules.IsAvailable(tx, instance)) return [];
        var principals = SsoDirectory.GroupsOf(tx, userId).Select(g => ("GROUP", g)).Append(("USER", userId)).ToHashSet();
        var assignments = tx.AccountAssignments.Find(a => a.InstanceArn == instance.InstanceArn).ToList()
            .Where(a => principals.Contains((a.PrincipalType, a.PrincipalId)));

        var roles = new List<PortalRole>();
        foreach (var (accountId, permissionSetArn) in assignments.Select(a => (a.AccountId, a.PermissionSetArn)).Distinct())
        {
            if (!SsoRules.AccountIsServed(tx, instance, accountId)) continue;
            var provisioned = tx.ProvisionedPermissionSets.FindById(ProvisionedPermissionSetDoc.Key(accountId, permissionSetArn));
            var permissionSet = tx.PermissionSets.FindById(permissionSetArn);
            if (provisioned is null || permissionSet is null) continue;
            if (tx.Roles.FindById(RoleDoc.Key(accountId, provisioned.RoleName)) is not { } role) continue;
            var account = tx.Accounts.FindById(accountId);
            roles.Add(new PortalRole(accountId, account?.Name ?? accountId, account?.Email ?? "", permissionSet.Name,
                permissionSetArn, role, permissionSet.SessionDuration));
        }
        return roles.OrderBy(r => r.AccountId, StringComparer.Ordinal).ThenBy(r => r.PermissionSetName, StringComparer.Ordinal).ToList();
    }
}
