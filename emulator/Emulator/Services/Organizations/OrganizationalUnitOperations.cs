using Emulator.Core;

namespace Emulator.Services.Organizations;

/// <summary>
/// The organization's tree: Create/Describe/Update/DeleteOrganizationalUnit, ListOrganizationalUnitsForParent,
/// ListAccountsForParent, ListChildren, ListParents, MoveAccount. Reads are open to delegated administrators too;
/// changes only to the management account.
/// </summary>
public static class OrganizationalUnitOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<CreateOrganizationalUnitRequest, OrganizationalUnitResponse>("CreateOrganizationalUnit", Create);
        table.Read<OrganizationalUnitIdRequest, OrganizationalUnitResponse>("DescribeOrganizationalUnit", Describe);
        table.Write<UpdateOrganizationalUnitRequest, OrganizationalUnitResponse>("UpdateOrganizationalUnit", Update);
        table.Write<OrganizationalUnitIdRequest, NoOutput>("DeleteOrganizationalUnit", Delete);
        table.Read<ParentPageRequest, ListOrganizationalUnitsForParentResponse>("ListOrganizationalUnitsForParent", ListForParent);
        table.Read<ParentPageRequest, ListAccountsResponse>("ListAccountsForParent", ListAccountsForParent);
        table.Read<ListChildrenRequest, ListChildrenResponse>("ListChildren", ListChildren);
        table.Read<ListParentsRequest, ListParentsResponse>("ListParents", ListParents);
        table.Write<MoveAccountRequest, NoOutput>("MoveAccount", Move);
    }

    /// <summary>OU ids are "ou-" + the root's suffix + "-" + 8 random characters.</summary>
    public static OrganizationalUnitResponse Create(OperationContext context, CreateOrganizationalUnitRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagement(context);
        if (!OrganizationTree.IsParent(tx, organization, request.ParentId)) throw OrganizationsErrors.ParentNotFound();
        if (OrganizationTree.Chain(tx, organization, request.ParentId).Count > OrganizationTree.MaxOuDepth)
            throw OrganizationsErrors.OuDepthLimitExceeded();
        RequireUniqueName(context, organization, request.ParentId, request.Name, exceptId: null);
        var tags = Tagging.Checked(request.Tags);

        var ou = new OrganizationalUnitDoc
        {
            Id = $"ou-{organization.RootId[2..]}-{Ids.LowerAlphanumeric(8)}",
            OrganizationId = organization.Id,
            ParentId = request.ParentId,
            Name = request.Name,
        };
        tx.OrganizationalUnits.Insert(ou);
        Tagging.Put(tx, organization.Id, ou.Id, tags);
        PolicyAttachments.OnTargetAdded(tx, organization, ou.Id, context.Now);
        return new(OrganizationTree.ToOu(tx, organization, ou));
    }

    public static OrganizationalUnitResponse Describe(OperationContext context, OrganizationalUnitIdRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "DescribeOrganizationalUnit");
        return new(OrganizationTree.ToOu(context.Tx, organization, RequireOu(context, organization, request.OrganizationalUnitId)));
    }

    public static OrganizationalUnitResponse Update(OperationContext context, UpdateOrganizationalUnitRequest request)
    {
        var organization = OrganizationAccess.RequireManagement(context);
        var ou = RequireOu(context, organization, request.OrganizationalUnitId);
        if (request.Name is { } name && name != ou.Name)
        {
            RequireUniqueName(context, organization, ou.ParentId, name, exceptId: ou.Id);
            ou.Name = name;
            context.Tx.OrganizationalUnits.Update(ou);
        }
        return new(OrganizationTree.ToOu(context.Tx, organization, ou));
    }

    public static NoOutput Delete(OperationContext context, OrganizationalUnitIdRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagement(context);
        var ou = RequireOu(context, organization, request.OrganizationalUnitId);
        if (tx.OrganizationalUnits.Exists(o => o.OrganizationId == organization.Id && o.ParentId == ou.Id) ||
            tx.Accounts.Exists(a => a.OrganizationId == organization.Id && a.ParentId == ou.Id))
            throw OrganizationsErrors.OrganizationalUnitNotEmpty();
        tx.OrganizationalUnits.Delete(ou.Id);
        PolicyAttachments.OnTargetRemoved(tx, ou.Id);
        return new NoOutput();
    }

    public static ListOrganizationalUnitsForParentResponse ListForParent(OperationContext context, ParentPageRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListOrganizationalUnitsForParent");
        var ous = ChildOus(context, organization, request.ParentId);
        var page = Pages.Of(ous, o => o.Id, request.NextToken, request.MaxResults);
        return new(page.Items.Select(o => OrganizationTree.ToOu(context.Tx, organization, o)).ToList(), page.NextToken);
    }

    public static ListAccountsResponse ListAccountsForParent(OperationContext context, ParentPageRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListAccountsForParent");
        var accounts = ChildAccounts(context, organization, request.ParentId);
        var page = Pages.Of(accounts, a => a.Id, request.NextToken, request.MaxResults);
        return new(page.Items.Select(a => OrganizationTree.ToAccount(context.Tx, organization, a)).ToList(), page.NextToken);
    }

    public static ListChildrenResponse ListChildren(OperationContext context, ListChildrenRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListChildren");
        var ids = request.ChildType == "ACCOUNT"
            ? ChildAccounts(context, organization, request.ParentId).Select(a => a.Id)
            : ChildOus(context, organization, request.ParentId).Select(o => o.Id);
        var page = Pages.Of(ids, id => id, request.NextToken, request.MaxResults);
        return new(page.Items.Select(id => new Child(id, request.ChildType)).ToList(), page.NextToken);
    }

    /// <summary>Every account and OU has exactly one parent: the root or an OU.</summary>
    public static ListParentsResponse ListParents(OperationContext context, ListParentsRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListParents");
        var parentId = request.ChildId.StartsWith("ou-", StringComparison.Ordinal)
            ? OrganizationTree.FindOu(tx, organization, request.ChildId)?.ParentId
            : OrganizationTree.FindMember(tx, organization, request.ChildId) is { } account ? account.ParentId ?? organization.RootId : null;
        if (parentId is null) throw OrganizationsErrors.ChildNotFound();
        var page = Pages.Of([new Parent(parentId, OrganizationTree.ParentType(organization, parentId))], p => p.Id, request.NextToken, request.MaxResults);
        return new(page.Items, page.NextToken);
    }

    /// <summary>
    /// An account that is not in this organization, or not directly under SourceParentId, is AccountNotFoundException
    /// (UNCONFIRMED for the second case); moving to the parent it is already in is DuplicateAccountException.
    /// </summary>
    public static NoOutput Move(OperationContext context, MoveAccountRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagement(context);
        if (!OrganizationTree.IsParent(tx, organization, request.SourceParentId)) throw OrganizationsErrors.SourceParentNotFound();
        if (!OrganizationTree.IsParent(tx, organization, request.DestinationParentId)) throw OrganizationsErrors.DestinationParentNotFound();
        var account = OrganizationTree.RequireMember(tx, organization, request.AccountId);
        var current = account.ParentId ?? organization.RootId;
        if (current == request.DestinationParentId) throw OrganizationsErrors.DuplicateAccount();
        if (current != request.SourceParentId) throw OrganizationsErrors.AccountNotFound();
        account.ParentId = request.DestinationParentId;
        tx.Accounts.Update(account);
        return new NoOutput();
    }

    private static OrganizationalUnitDoc RequireOu(OperationContext context, OrganizationDoc organization, string ouId) =>
        OrganizationTree.FindOu(context.Tx, organization, ouId) ?? throw OrganizationsErrors.OrganizationalUnitNotFound();

    private static void RequireUniqueName(OperationContext context, OrganizationDoc organization, string parentId, string name, string? exceptId)
    {
        if (context.Tx.OrganizationalUnits.Find(o => o.OrganizationId == organization.Id && o.ParentId == parentId)
            .Any(o => o.Id != exceptId && string.Equals(o.Name, name, StringComparison.Ordinal)))
            throw OrganizationsErrors.DuplicateOrganizationalUnit();
    }

    private static IEnumerable<OrganizationalUnitDoc> ChildOus(OperationContext context, OrganizationDoc organization, string parentId)
    {
        if (!OrganizationTree.IsParent(context.Tx, organization, parentId)) throw OrganizationsErrors.ParentNotFound();
        return context.Tx.OrganizationalUnits.Find(o => o.OrganizationId == organization.Id && o.ParentId == parentId)
            .OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<AccountDoc> ChildAccounts(OperationContext context, OrganizationDoc organization, string parentId)
    {
        if (!OrganizationTree.IsParent(context.Tx, organization, parentId)) throw OrganizationsErrors.ParentNotFound();
        return OrganizationTree.Members(context.Tx, organization).Where(a => (a.ParentId ?? organization.RootId) == parentId)
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
    }
}
