using Emulator.Services.Iam;
using Emulator.Services.Sso;
using Emulator.State;

namespace Emulator.Services.TrustModel;

/// <summary>
/// When IAM Identity Center works, and what it cleans up. The organization instance works only while trusted access
/// for sso.amazonaws.com is on; turning it off deletes nothing. An account that leaves the organization is cleaned up:
/// its assignments, provisioned permission sets and AWSReservedSSO_* roles go (its linked role goes via TrustedAccessRules).
/// </summary>
public static class SsoRules
{
    public static bool IsAvailable(Tx tx, SsoInstanceDoc instance) =>
        instance.OrganizationId is null || TrustedAccessRules.IsEnabled(tx, instance.OrganizationId, ServicePrincipals.Sso);

    /// <summary>The organization instance serves accounts of its organization; an account instance only its own account.</summary>
    public static bool AccountIsServed(Tx tx, SsoInstanceDoc instance, string accountId) =>
        instance.OrganizationId is null
            ? accountId == instance.OwnerAccountId
            : tx.Accounts.FindById(accountId)?.OrganizationId == instance.OrganizationId;

    public static void OnAccountRemoved(Tx tx, string accountId)
    {
        tx.AccountAssignments.DeleteMany(a => a.AccountId == accountId);
        foreach (var provisioned in tx.ProvisionedPermissionSets.Find(p => p.AccountId == accountId).ToList())
        {
            tx.Roles.Delete(RoleDoc.Key(accountId, provisioned.RoleName));
            tx.ProvisionedPermissionSets.Delete(provisioned.Id);
        }
    }
}
