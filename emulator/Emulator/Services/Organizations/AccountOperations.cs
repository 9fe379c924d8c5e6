using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>ListAccounts, DescribeAccount, RemoveAccountFromOrganization, LeaveOrganization, CloseAccount.</summary>
public static class AccountOperations
{
    public static void Register(OperationTable table)
    {
        table.Read<PageRequest, ListAccountsResponse>("ListAccounts", List);
        table.Read<AccountIdRequest, AccountResponse>("DescribeAccount", Describe);
        table.Write<AccountIdRequest, NoOutput>("RemoveAccountFromOrganization", Remove);
        table.Write<Empty, NoOutput>("LeaveOrganization", Leave);
        table.Write<AccountIdRequest, NoOutput>("CloseAccount", Close);
    }

    /// <summary>Every account of the organization by id, closed (SUSPENDED) ones included.</summary>
    public static ListAccountsResponse List(OperationContext context, PageRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListAccounts");
        var page = Paging.SliceAfter(
            (after, count) => context.Tx.Accounts.FindBy(Indexes.AccountsByOrganization, organization.Id, after, count),
            a => a.Id, request.NextToken, request.MaxResults ?? Pages.DefaultSize, OrganizationsErrors.InvalidNextToken);
        return new(page.Items.Select(a => OrganizationTree.ToAccount(context.Tx, organization, a)).ToList(), page.NextToken);
    }

    public static AccountResponse Describe(OperationContext context, AccountIdRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "DescribeAccount");
        var account = OrganizationTree.RequireMember(context.Tx, organization, request.AccountId);
        return new(OrganizationTree.ToAccount(context.Tx, organization, account));
    }

    /// <summary>
    /// The management account cannot be removed: MasterCannotLeaveOrganizationException (chosen over ConstraintViolation
    /// ACCOUNT_CANNOT_LEAVE_ORGANIZATION, UNCONFIRMED). Delegated administrators must be deregistered first. The
    /// 4-day wait period and the standalone-readiness checks of real AWS are not modelled.
    /// </summary>
    public static NoOutput Remove(OperationContext context, AccountIdRequest request)
    {
        var organization = OrganizationAccess.RequireManagement(context);
        if (request.AccountId == organization.ManagementAccountId) throw OrganizationsErrors.MasterCannotLeave();
        var account = OrganizationTree.RequireMember(context.Tx, organization, request.AccountId);
        RequireNotDelegatedAdministrator(context, organization, account.Id);
        Membership.Detach(context.Tx, account);
        return new NoOutput();
    }

    public static NoOutput Leave(OperationContext context, Empty request)
    {
        var organization = OrganizationAccess.Membership(context);
        if (context.Caller.AccountId == organization.ManagementAccountId) throw OrganizationsErrors.MasterCannotLeave();
        RequireNotDelegatedAdministrator(context, organization, context.Caller.AccountId);
        Membership.Detach(context.Tx, context.Tx.Accounts.FindById(context.Caller.AccountId));
        return new NoOutput();
    }

    /// <summary>
    /// AWS closes accounts asynchronously (PENDING_CLOSURE, then SUSPENDED); the emulator goes straight to SUSPENDED.
    /// The account stays in the organization and in ListAccounts (AWS keeps it for 90 days). Close quotas are not modelled.
    /// </summary>
    public static NoOutput Close(OperationContext context, AccountIdRequest request)
    {
        var organization = OrganizationAccess.RequireManagement(context);
        if (request.AccountId == organization.ManagementAccountId) throw OrganizationsErrors.CannotCloseManagementAccount();
        var account = OrganizationTree.RequireMember(context.Tx, organization, request.AccountId);
        if (account.Status != "ACTIVE") throw OrganizationsErrors.AccountAlreadyClosed();
        account.Status = "SUSPENDED";
        context.Tx.Accounts.Update(account);
        return new NoOutput();
    }

    private static void RequireNotDelegatedAdministrator(OperationContext context, OrganizationDoc organization, string accountId)
    {
        if (context.Tx.DelegatedAdministrators.Exists(d => d.OrganizationId == organization.Id && d.AccountId == accountId))
            throw OrganizationsErrors.CannotRemoveDelegatedAdministrator();
    }
}
