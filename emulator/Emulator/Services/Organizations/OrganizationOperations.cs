using Emulator.Core;
using Emulator.Services.TrustModel;

namespace Emulator.Services.Organizations;

/// <summary>CreateOrganization, DescribeOrganization, DeleteOrganization, ListRoots.</summary>
public static class OrganizationOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<CreateOrganizationRequest, OrganizationResponse>("CreateOrganization", Create);
        table.Read<Empty, OrganizationResponse>("DescribeOrganization", Describe);
        table.Write<Empty, NoOutput>("DeleteOrganization", Delete);
        table.Read<PageRequest, ListRootsResponse>("ListRoots", ListRoots);
    }

    public static OrganizationResponse Create(OperationContext context, CreateOrganizationRequest request)
    {
        var tx = context.Tx;
        var accountId = context.Caller.AccountId;
        if (OrganizationAccess.OrganizationOf(tx, accountId) is not null) throw OrganizationsErrors.AlreadyInOrganization();

        var existing = tx.Accounts.FindById(accountId);
        var organization = new OrganizationDoc
        {
            Id = "o-" + Ids.LowerAlphanumeric(10),
            FeatureSet = request.FeatureSet ?? "ALL",
            ManagementAccountId = accountId,
            ManagementAccountEmail = existing?.Email ?? $"{accountId}@example.com",
            RootId = "r-" + Ids.LowerAlphanumeric(4),
            CreatedAt = context.Now,
        };
        tx.Organizations.Insert(organization);
        var account = existing ?? new AccountDoc { Id = accountId, Name = "Management account", Email = organization.ManagementAccountEmail };
        account.OrganizationId = organization.Id;
        account.ParentId = organization.RootId;
        account.JoinedMethod = "INVITED";
        account.JoinedTimestamp = context.Now;
        account.Status = "ACTIVE";
        tx.Accounts.Upsert(account);
        return new OrganizationResponse(Organization.From(organization));
    }

    public static OrganizationResponse Describe(OperationContext context, Empty request) =>
        new(Organization.From(OrganizationAccess.Membership(context)));

    /// <summary>
    /// Only an organization whose sole account is the management account can be deleted. Closed (SUSPENDED) members
    /// still count (UNCONFIRMED); remove them first. The management account becomes standalone and keeps its roles;
    /// open invitations become CANCELED; OUs, trusted access, delegated administrators, account-creation records,
    /// policies, tags and the resource policy go.
    /// Refused while the organization has an IAM Identity Center instance (the trust model's rule).
    /// </summary>
    public static NoOutput Delete(OperationContext context, Empty request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagement(context);
        if (OrganizationTree.Members(tx, organization).Any(a => a.Id != organization.ManagementAccountId))
            throw OrganizationsErrors.OrganizationNotEmpty();

        TrustedAccessRules.OnOrganizationDeleting(tx, organization);
        Membership.DetachManagement(tx, tx.Accounts.FindById(organization.ManagementAccountId));
        tx.OrganizationalUnits.DeleteMany(o => o.OrganizationId == organization.Id);
        tx.DelegatedAdministrators.DeleteMany(d => d.OrganizationId == organization.Id);
        tx.CreateAccountStatuses.DeleteMany(c => c.OrganizationId == organization.Id);
        tx.Policies.DeleteMany(p => p.OrganizationId == organization.Id);
        tx.PolicyAttachments.DeleteMany(a => a.OrganizationId == organization.Id);
        tx.OrganizationTags.DeleteMany(t => t.OrganizationId == organization.Id);
        tx.OrganizationResourcePolicies.Delete(organization.Id);
        foreach (var handshake in tx.Handshakes.Find(h => h.OrganizationId == organization.Id && h.State == "OPEN").ToList())
        {
            handshake.State = "CANCELED";
            tx.Handshakes.Update(handshake);
        }
        tx.Organizations.Delete(organization.Id);
        return new NoOutput();
    }

    public static ListRootsResponse ListRoots(OperationContext context, PageRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListRoots");
        var page = Pages.Of([OrganizationTree.ToRoot(organization)], r => r.Id, request.NextToken, request.MaxResults);
        return new(page.Items, page.NextToken);
    }
}
