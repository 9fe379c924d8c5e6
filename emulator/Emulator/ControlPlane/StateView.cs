using Emulator.State;

namespace Emulator.ControlPlane;

public sealed record StateResponse(
    IReadOnlyList<OrganizationView> Organizations, IReadOnlyList<AccountView> Accounts, IReadOnlyList<SsoInstanceView> SsoInstances);

public sealed record SsoInstanceView(
    string InstanceArn, string IdentityStoreId, string OwnerAccountId, string? OrganizationId, bool Available,
    int Users, int PermissionSets, int AccountAssignments);

public sealed record OrganizationView(
    string Id, string Arn, string FeatureSet, string ManagementAccountId, string RootId, IReadOnlyList<TrustedServiceView> TrustedServices,
    IReadOnlyList<string> RootPolicyTypes, IReadOnlyList<PolicyAttachmentView> PolicyAttachments);

/// <summary>One policy attached to one target (root, OU or account), in attach order.</summary>
public sealed record PolicyAttachmentView(string TargetId, string TargetType, string PolicyId, string PolicyName, string PolicyType);

public sealed record TrustedServiceView(string ServicePrincipal, DateTimeOffset DateEnabled);

public sealed record AccountView(string Id, string? Name, string? Email, string? OrganizationId, string? Status, IReadOnlyList<RoleView> Roles);

public sealed record RoleView(string RoleName, string Arn, string Path, string? LinkedService, bool Protected);

/// <summary>A read-only snapshot of the whole state for GET /_emulator/state.</summary>
public static class StateView
{
    public static StateResponse Of(Tx tx)
    {
        var organizations = tx.Organizations.FindAll().OrderBy(o => o.Id).Select(o => new OrganizationView(
            o.Id, o.Arn, o.FeatureSet, o.ManagementAccountId, o.RootId,
            tx.TrustedServices.Find(s => s.OrganizationId == o.Id).OrderBy(s => s.ServicePrincipal)
                .Select(s => new TrustedServiceView(s.ServicePrincipal, s.DateEnabled)).ToList(),
            o.EnabledPolicyTypes, PolicyAttachmentsOf(tx, o))).ToList();

        var rolesByAccount = tx.Roles.FindAll().GroupBy(r => r.AccountId).ToDictionary(g => g.Key, g => g.ToList());
        var known = tx.Accounts.FindAll().ToDictionary(a => a.Id);
        var accounts = known.Keys.Union(rolesByAccount.Keys).Order(StringComparer.Ordinal).Select(id =>
        {
            known.TryGetValue(id, out var account);
            var roles = rolesByAccount.GetValueOrDefault(id) ?? [];
            return new AccountView(id, account?.Name, account?.Email, account?.OrganizationId, account?.Status,
                roles.OrderBy(r => r.RoleName, StringComparer.Ordinal)
                    .Select(r => new RoleView(r.RoleName, r.Arn, r.Path, r.LinkedService,
                        Services.TrustModel.ProtectedRoles.IsProtected(r))).ToList());
        }).ToList();
        var instances = tx.SsoInstances.FindAll().OrderBy(i => i.Id).Select(i => new SsoInstanceView(
            i.InstanceArn, i.IdentityStoreId, i.OwnerAccountId, i.OrganizationId, Services.TrustModel.SsoRules.IsAvailable(tx, i),
            tx.SsoUsers.Count(u => u.IdentityStoreId == i.IdentityStoreId),
            tx.PermissionSets.Count(p => p.InstanceArn == i.InstanceArn),
            tx.AccountAssignments.Count(a => a.InstanceArn == i.InstanceArn))).ToList();
        return new StateResponse(organizations, accounts, instances);
    }

    private static List<PolicyAttachmentView> PolicyAttachmentsOf(Tx tx, Services.Organizations.OrganizationDoc organization) =>
        tx.PolicyAttachments.Find(a => a.OrganizationId == organization.Id).OrderBy(a => a.Sequence).Select(a => new PolicyAttachmentView(
            a.TargetId, Services.Organizations.PolicyTargets.Find(tx, organization, a.TargetId)?.Type ?? "",
            a.PolicyId, Services.Organizations.PolicyCatalog.Find(tx, organization, a.PolicyId)?.Name ?? "", a.PolicyType)).ToList();
}
