using Emulator.Services.Iam;
using Emulator.Services.Organizations;
using Emulator.Services.Trail;
using Emulator.Services.TrustModel;
using Emulator.State;

namespace Emulator.WebConsole;

/// <summary>What the console page shows, read from one snapshot: the organizations as trees, Identity Center, the trail.</summary>
public sealed record ConsoleModel(
    IReadOnlyList<OrganizationNode> Organizations,
    IReadOnlyList<AccountNode> StandaloneAccounts,
    IReadOnlyList<IdentityCenterView> IdentityCenters,
    IReadOnlyList<TrailEntry> Events,
    TimelineFilter Filter,
    IReadOnlyList<string> KnownAccounts,
    IReadOnlyList<string> KnownSources,
    string? Notice);

public sealed record OrganizationNode(
    OrganizationDoc Organization, ContainerNode Root, IReadOnlyList<TrustedServiceRow> TrustedServices, IReadOnlyList<string> EnabledPolicyTypes);

/// <summary>The root or an OU: its accounts, its child OUs and the policies attached to it.</summary>
public sealed record ContainerNode(string Id, string Name, IReadOnlyList<string> Policies, IReadOnlyList<ContainerNode> Children, IReadOnlyList<AccountNode> Accounts);

public sealed record AccountNode(string Id, string Name, string Status, IReadOnlyList<string> Policies, IReadOnlyList<RoleRow> Roles);

/// <summary>A service-linked or AWSReservedSSO_* role; <see cref="LockReason"/> is null when the role is unlocked.</summary>
public sealed record RoleRow(string Name, string Service, string? LockReason);

public sealed record TrustedServiceRow(string ServicePrincipal, bool Enabled);

public sealed record IdentityCenterView(
    string InstanceArn, string IdentityStoreId, string OwnerAccountId, bool Available,
    IReadOnlyList<(string Id, string Name)> Users, IReadOnlyList<(string Id, string Name)> Groups,
    IReadOnlyList<(string Arn, string Name)> PermissionSets, IReadOnlyList<string> Accounts,
    IReadOnlyDictionary<(string PrincipalId, string AccountId), IReadOnlyList<string>> Assignments);

/// <summary>The timeline's filters (query string: account, service, caller, errors).</summary>
public sealed record TimelineFilter(string? Account, string? Service, string? Caller, bool ErrorsOnly)
{
    public const int MaxShown = 200;

    public bool Matches(TrailEntry e) =>
        (string.IsNullOrEmpty(Account) || e.AccountId == Account) &&
        (string.IsNullOrEmpty(Service) || e.EventSource == Service) &&
        (string.IsNullOrEmpty(Caller) || e.CallerName.Contains(Caller, StringComparison.OrdinalIgnoreCase)) &&
        (!ErrorsOnly || e.ErrorCode is not null);
}

public static class ConsoleModels
{
    public static ConsoleModel Of(Tx tx, TimelineFilter filter, string? notice)
    {
        var accounts = tx.Accounts.FindAll().ToList();
        var organizations = tx.Organizations.FindAll().OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => Organization(tx, o)).ToList();
        var standalone = tx.Roles.FindAll().Where(r => ProtectedRoles.IsProtected(r)).Select(r => r.AccountId)
            .Where(id => tx.Accounts.FindById(id) is not { OrganizationId: not null })
            .Distinct().Order(StringComparer.Ordinal)
            .Select(id => Account(tx, id, tx.Accounts.FindById(id)?.Name ?? "", tx.Accounts.FindById(id)?.Status ?? "standalone", [])).ToList();
        var events = tx.TrailEvents.NewestFirst().Where(filter.Matches).Take(TimelineFilter.MaxShown).ToList();
        var recent = tx.TrailEvents.NewestFirst().Take(5000).ToList();
        return new ConsoleModel(organizations, standalone, [.. tx.SsoInstances.FindAll().Select(i => IdentityCenter(tx, i))], events, filter,
            [.. recent.Select(e => e.AccountId).Distinct().Order(StringComparer.Ordinal)],
            [.. recent.Select(e => e.EventSource).Distinct().Order(StringComparer.Ordinal)], notice);
    }

    private static OrganizationNode Organization(Tx tx, OrganizationDoc organization)
    {
        var trusted = ServicePrincipals.FanOutOnTrustedAccess.Keys
            .Union(tx.TrustedServices.FindBy(Indexes.TrustedServicesByOrganization, organization.Id).Select(s => s.ServicePrincipal))
            .Order(StringComparer.Ordinal)
            .Select(p => new TrustedServiceRow(p, TrustedAccessRules.IsEnabled(tx, organization.Id, p))).ToList();
        return new OrganizationNode(organization, Container(tx, organization, organization.RootId, "Root"), trusted, organization.EnabledPolicyTypes);
    }

    private static ContainerNode Container(Tx tx, OrganizationDoc organization, string id, string name) => new(
        id, name, PoliciesOf(tx, organization, id),
        [.. tx.OrganizationalUnits.Find(ou => ou.OrganizationId == organization.Id && ou.ParentId == id).OrderBy(ou => ou.Name, StringComparer.Ordinal)
            .Select(ou => Container(tx, organization, ou.Id, ou.Name))],
        [.. tx.Accounts.FindBy(Indexes.AccountsByOrganization, organization.Id).Where(a => (a.ParentId ?? organization.RootId) == id)
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => Account(tx, a.Id, a.Name, a.Status, PoliciesOf(tx, organization, a.Id)))]);

    private static List<string> PoliciesOf(Tx tx, OrganizationDoc organization, string targetId) =>
        [.. tx.PolicyAttachments.Find(a => a.OrganizationId == organization.Id && a.TargetId == targetId)
            .Select(a => tx.Policies.FindById(a.PolicyId) is { } policy ? $"{policy.Name} ({policy.Type})" : a.PolicyId)];

    private static AccountNode Account(Tx tx, string id, string name, string status, List<string> policies) => new(
        id, name, status, policies,
        [.. tx.Roles.FindBy(Indexes.RolesByAccount, id).Where(ProtectedRoles.IsProtected).OrderBy(r => r.RoleName, StringComparer.Ordinal)
            .Select(r => new RoleRow(r.RoleName, r.LinkedService ?? r.ReservedBy!, LockReason(tx, r)))]);

    /// <summary>Why the owning service keeps the role (it refuses to delete it), or null when the role may be deleted.</summary>
    private static string? LockReason(Tx tx, RoleDoc role) => !ProtectedRoles.IsInUse(tx, role) ? null
        : role.ReservedBy is not null ? $"IAM Identity Center manages it for a permission set assigned in this account"
        : role.LinkedService == ServicePrincipals.Organizations ? "the account is a member of an organization"
        : $"trusted access for {role.LinkedService} is on";

    private static IdentityCenterView IdentityCenter(Tx tx, Services.Sso.SsoInstanceDoc instance)
    {
        var assignments = tx.AccountAssignments.Find(a => a.InstanceArn == instance.InstanceArn).ToList();
        var permissionSets = tx.PermissionSets.Find(p => p.InstanceArn == instance.InstanceArn).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var names = permissionSets.ToDictionary(p => p.PermissionSetArn, p => p.Name);
        return new IdentityCenterView(
            instance.InstanceArn, instance.IdentityStoreId, instance.OwnerAccountId, SsoRules.IsAvailable(tx, instance),
            [.. tx.SsoUsers.Find(u => u.IdentityStoreId == instance.IdentityStoreId).OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => (u.UserId, u.UserName))],
            [.. tx.SsoGroups.Find(g => g.IdentityStoreId == instance.IdentityStoreId).OrderBy(g => g.DisplayName, StringComparer.Ordinal).Select(g => (g.GroupId, g.DisplayName))],
            [.. permissionSets.Select(p => (p.PermissionSetArn, p.Name))],
            [.. assignments.Select(a => a.AccountId).Distinct().Order(StringComparer.Ordinal)],
            assignments.GroupBy(a => (a.PrincipalId, a.AccountId)).ToDictionary(g => g.Key,
                g => (IReadOnlyList<string>)[.. g.Select(a => names.GetValueOrDefault(a.PermissionSetArn, a.PermissionSetArn)).Order(StringComparer.Ordinal)]));
    }
}
