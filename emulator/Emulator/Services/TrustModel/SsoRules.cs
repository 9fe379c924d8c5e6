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
    /// <summary>The Identity Center gate: an organization instance works only while sso.amazonaws.com has trusted access.</summary>
    public static bool IsAvailable(Tx tx, SsoInstanceDoc instance) =>
        instance.OrganizationId is null || TrustedAccessRules.IsEnabled(tx, instance.OrganizationId, ServicePrincipals.Sso);

    /// <summary>The gate for an API: throws the surface's own refusal (each protocol words it differently) while unavailable.</summary>
    public static void EnsureAvailable(Tx tx, SsoInstanceDoc instance, Func<Exception> refusal)
    {
        if (!IsAvailable(tx, instance)) throw refusal();
    }

    /// <summary>
    /// Who administers an instance (sso-admin and identitystore): for the organization instance, its management account
    /// and the delegated administrator registered for sso.amazonaws.com; for an account instance, its owner.
    /// </summary>
    public static bool IsAdministrator(Tx tx, SsoInstanceDoc instance, string accountId)
    {
        if (instance.OrganizationId is null) return accountId == instance.OwnerAccountId;
        if (tx.Organizations.FindById(instance.OrganizationId) is not { } organization) return false;
        return organization.ManagementAccountId == accountId || IsDelegatedAdministrator(tx, instance, accountId);
    }

    public static bool IsDelegatedAdministrator(Tx tx, SsoInstanceDoc instance, string accountId) =>
        instance.OrganizationId is { } organizationId &&
        tx.DelegatedAdministrators.Exists(d => d.OrganizationId == organizationId && d.AccountId == accountId && d.ServicePrincipal == ServicePrincipals.Sso);

    /// <summary>A delegated administrator may not manage access to the management account (aws-facts §5.5).</summary>
    public static bool MayManageAccount(Tx tx, SsoInstanceDoc instance, string callerAccountId, string targetAccountId) =>
        instance.OrganizationId is null ||
        tx.Organizations.FindById(instance.OrganizationId) is not { } organization ||
        organization.ManagementAccountId != targetAccountId ||
        callerAccountId == organization.ManagementAccountId;

    /// <summary>The organization instance serves accounts of its organization; an account instance only its own account.</summary>
    public static bool AccountIsServed(Tx tx, SsoInstanceDoc instance, string accountId) =>
        instance.OrganizationId is null
            ? accountId == instance.OwnerAccountId
            : tx.Accounts.FindById(accountId)?.OrganizationId == instance.OrganizationId;

    public static void OnAccountRemoved(Tx tx, string accountId)
    {
        tx.AccountAssignments.DeleteMany(a => a.AccountId == accountId);
        foreach (var provisioned in tx.ProvisionedPermissionSets.Find(p => p.AccountId == accountId).ToList())
            SsoProvisioning.Deprovision(tx, accountId, provisioned.PermissionSetArn);
    }
}
