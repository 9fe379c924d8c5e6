using Emulator.Services.Iam;
using Emulator.Services.Organizations;
using Emulator.State;

namespace Emulator.Services.TrustModel;

/// <summary>
/// The trust model, in one place. Organizations and IAM call these with their open transaction, so a rule's effects
/// commit together with the call that triggered them, or not at all.
/// <list type="number">
/// <item>Enabling trusted access creates the service's linked role in every account, and in accounts that join later.</item>
/// <item>While trusted access is on and the account is a member, customers cannot change or delete that role.</item>
/// <item>Disabling keeps every role; the lock lifts. Re-enabling re-creates missing roles and changes nothing else.</item>
/// <item>Removing an account deletes the service's linked role there (the service's clean-up).</item>
/// </list>
/// </summary>
public static class TrustedAccessRules
{
    public static bool IsEnabled(Tx tx, string organizationId, string servicePrincipal) =>
        tx.TrustedServices.FindById(TrustedServiceDoc.Key(organizationId, servicePrincipal)) is not null;

    /// <summary>Trusted access for the principal is on in the organization the account belongs to.</summary>
    public static bool IsEnabledForAccount(Tx tx, string accountId, string servicePrincipal) =>
        tx.Accounts.FindById(accountId) is { OrganizationId: { } organizationId } &&
        IsEnabled(tx, organizationId, servicePrincipal);

    /// <summary>Turns trusted access on (keeping DateEnabled if it already is) and creates the service's linked roles.</summary>
    public static void Enable(Tx tx, string organizationId, string servicePrincipal, DateTimeOffset now)
    {
        if (!IsEnabled(tx, organizationId, servicePrincipal))
            tx.TrustedServices.Insert(new TrustedServiceDoc
            {
                Id = TrustedServiceDoc.Key(organizationId, servicePrincipal),
                OrganizationId = organizationId,
                ServicePrincipal = servicePrincipal,
                DateEnabled = now,
            });
        OnAccessEnabled(tx, organizationId, servicePrincipal, now);
    }

    private static void OnAccessEnabled(Tx tx, string organizationId, string servicePrincipal, DateTimeOffset now)
    {
        if (!ServicePrincipals.FanOutOnTrustedAccess.TryGetValue(servicePrincipal, out var role)) return;
        foreach (var account in tx.Accounts.FindBy(Indexes.AccountsByOrganization, organizationId))
            EnsureLinkedRole(tx, account.Id, role, now);
    }

    public static void OnAccountJoined(Tx tx, string organizationId, string accountId, DateTimeOffset now)
    {
        foreach (var service in tx.TrustedServices.FindBy(Indexes.TrustedServicesByOrganization, organizationId))
            if (ServicePrincipals.FanOutOnTrustedAccess.TryGetValue(service.ServicePrincipal, out var role))
                EnsureLinkedRole(tx, accountId, role, now);
    }

    /// <summary>Services with trusted access clean up in an account that leaves: their linked roles go.</summary>
    public static void OnAccountRemoved(Tx tx, string accountId)
    {
        foreach (var role in ServicePrincipals.FanOutOnTrustedAccess.Values)
            tx.Roles.Delete(RoleDoc.Key(accountId, role.RoleName));
        SsoRules.OnAccountRemoved(tx, accountId);
    }

    /// <summary>
    /// Whether the owning service still uses the role, so that customers may not change or delete it:
    /// AWSReservedSSO_* roles always; AWSServiceRoleForOrganizations while the account is a member;
    /// any other linked role while its service has trusted access in the account's organization.
    /// </summary>
    public static bool IsInUse(Tx tx, RoleDoc role)
    {
        if (role.ReservedBy is not null) return true;
        if (role.LinkedService is null) return false;
        if (role.LinkedService == ServicePrincipals.Organizations)
            return tx.Accounts.FindById(role.AccountId) is { OrganizationId: not null };
        return IsEnabledForAccount(tx, role.AccountId, role.LinkedService);
    }

    /// <summary>Throws UnmodifiableEntity when a customer change to the role is refused.</summary>
    public static void EnsureMutable(Tx tx, RoleDoc role)
    {
        if (IsInUse(tx, role)) throw IamErrors.UnmodifiableEntity(role.RoleName);
    }

    public static RoleDoc EnsureLinkedRole(Tx tx, string accountId, ServiceLinkedRoleSpec spec, DateTimeOffset now)
    {
        if (tx.Roles.FindById(RoleDoc.Key(accountId, spec.RoleName)) is { } existing) return existing;
        var role = RoleFactory.New(accountId, spec.RoleName, spec.Path,
            RoleFactory.TrustPolicy("Service", spec.ServicePrincipal), now);
        role.Description = spec.Description;
        role.LinkedService = spec.ServicePrincipal;
        role.AttachedPolicies.Add(new AttachedPolicyDoc { PolicyName = spec.ManagedPolicyName, PolicyArn = spec.ManagedPolicyArn });
        tx.Roles.Insert(role);
        return role;
    }
}
