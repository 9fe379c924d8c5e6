using Emulator.Services.Iam;
using Emulator.Services.Organizations;
using Emulator.State;

namespace Emulator.Services.TrustModel;

/// <summary>
/// The trust model, in one place. Organizations and IAM call these with their open transaction, so a rule's effects
/// commit together with the call that triggered them, or not at all.
/// <list type="number">
/// <item>Enabling trusted access creates the service's linked role in every account, and in accounts that join later.</item>
/// <item>Every service-linked role is protected (<see cref="ProtectedRoles"/>); its DeleteServiceLinkedRole task fails while the service uses it.</item>
/// <item>Disabling keeps every role; the deletion task can now succeed. Re-enabling re-creates missing roles and changes nothing else.</item>
/// <item>An account that joins an organization in all-features mode gets AWSServiceRoleForOrganizations.</item>
/// <item>Removing an account deletes the services' linked roles and Identity Center's roles there (the services' clean-up).</item>
/// <item>Deleting the organization keeps the management account's roles; it is refused while an Identity Center organization instance exists.</item>
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

    /// <summary>Turns trusted access off and deletes nothing else: the roles stay, and the services stop using them.</summary>
    public static void Disable(Tx tx, string organizationId, string servicePrincipal) =>
        tx.TrustedServices.Delete(TrustedServiceDoc.Key(organizationId, servicePrincipal));

    private static void OnAccessEnabled(Tx tx, string organizationId, string servicePrincipal, DateTimeOffset now)
    {
        if (!ServicePrincipals.FanOutOnTrustedAccess.TryGetValue(servicePrincipal, out var role)) return;
        var why = $"trusted access for {servicePrincipal} was enabled in organization {organizationId}";
        foreach (var accountId in tx.Accounts.FindIdsBy(Indexes.AccountsByOrganization, organizationId))
            if (!tx.Roles.ContainsId(RoleDoc.Key(accountId, role.RoleName)))
                EnsureLinkedRole(tx, accountId, role, now, why);
    }

    /// <summary>
    /// A member account joined (created or invited): in all-features mode Organizations creates its own linked role
    /// there, and every service with trusted access creates its linked role.
    /// </summary>
    public static void OnAccountJoined(Tx tx, OrganizationDoc organization, string accountId, DateTimeOffset now)
    {
        if (organization.FeatureSet == "ALL")
            EnsureLinkedRole(tx, accountId, ServicePrincipals.OrganizationsRole, now, $"the account joined organization {organization.Id}, which has all features");
        foreach (var service in tx.TrustedServices.FindBy(Indexes.TrustedServicesByOrganization, organization.Id))
            if (ServicePrincipals.FanOutOnTrustedAccess.TryGetValue(service.ServicePrincipal, out var role))
                EnsureLinkedRole(tx, accountId, role, now, $"the account joined organization {organization.Id}, where trusted access for {service.ServicePrincipal} is on");
    }

    /// <summary>Services with trusted access clean up in an account that leaves: their linked roles go, and Identity Center's.</summary>
    public static void OnAccountRemoved(Tx tx, string accountId)
    {
        foreach (var role in ServicePrincipals.FanOutOnTrustedAccess.Values)
            if (tx.Roles.Delete(RoleDoc.Key(accountId, role.RoleName)))
                tx.Trail.ServiceEvent(accountId, role.ServicePrincipal, "DeleteServiceLinkedRole", role.RoleName, "the account left its organization: the service cleans up its role");
        SsoRules.OnAccountRemoved(tx, accountId);
    }

    /// <summary>
    /// What deleting the organization does to the trust model: refused (OrganizationNotEmptyException) while an IAM
    /// Identity Center organization instance exists; otherwise trusted access ends and the management account, now
    /// standalone, keeps every role (no service clean-up, unlike an account that leaves).
    /// </summary>
    public static void OnOrganizationDeleting(Tx tx, OrganizationDoc organization)
    {
        if (tx.SsoInstances.Exists(i => i.OrganizationId == organization.Id))
            throw OrganizationsErrors.OrganizationHasIdentityCenter();
        tx.TrustedServices.DeleteMany(s => s.OrganizationId == organization.Id);
    }

    /// <param name="why">Why the service creates the role on its own (recorded as its service event); null when the caller asked for it (CreateServiceLinkedRole).</param>
    public static RoleDoc EnsureLinkedRole(Tx tx, string accountId, ServiceLinkedRoleSpec spec, DateTimeOffset now, string? why)
    {
        if (tx.Roles.FindById(RoleDoc.Key(accountId, spec.RoleName)) is { } existing) return existing;
        var role = RoleFactory.New(accountId, spec.RoleName, spec.Path, spec.TrustPolicy, now);
        role.Description = spec.Description;
        role.MaxSessionDuration = spec.MaxSessionDuration;
        role.LinkedService = spec.ServicePrincipal;
        role.AttachedPolicies.Add(new AttachedPolicyDoc { PolicyName = spec.ManagedPolicyName, PolicyArn = spec.ManagedPolicyArn });
        tx.Roles.Insert(role);
        if (why is not null) tx.Trail.ServiceEvent(accountId, spec.ServicePrincipal, "CreateServiceLinkedRole", spec.RoleName, why);
        return role;
    }
}
