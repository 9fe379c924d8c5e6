using Emulator.State;
using Emulator.Core;
using Emulator.Services.Iam;
using Emulator.Services.TrustModel;

namespace Emulator.Services.Organizations;

/// <summary>CreateAccount, DescribeCreateAccountStatus, ListCreateAccountStatus.</summary>
public static class AccountCreationOperations
{
    public const string DefaultRoleName = "OrganizationAccountAccessRole";

    public static void Register(OperationTable table)
    {
        table.Write<CreateAccountRequest, CreateAccountStatusResponse>("CreateAccount", Create);
        table.Read<DescribeCreateAccountStatusRequest, CreateAccountStatusResponse>("DescribeCreateAccountStatus", Describe);
        table.Read<ListCreateAccountStatusRequest, ListCreateAccountStatusResponse>("ListCreateAccountStatus", List);
    }

    /// <summary>
    /// AWS creates accounts asynchronously. The emulator does the work inside this call and stores the outcome
    /// (SUCCEEDED, or FAILED with a FailureReason), but answers IN_PROGRESS as AWS does, so clients that poll
    /// DescribeCreateAccountStatus see the usual sequence. A duplicate email fails asynchronously (EMAIL_ALREADY_EXISTS).
    /// </summary>
    public static CreateAccountStatusResponse Create(OperationContext context, CreateAccountRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagement(context);
        var roleName = request.RoleName ?? DefaultRoleName;
        if (roleName.StartsWith("AWSServiceRoleFor", StringComparison.OrdinalIgnoreCase)) throw OrganizationsErrors.InvalidRoleName();
        var tags = Tagging.Checked(request.Tags);

        var status = new CreateAccountStatusDoc
        {
            Id = "car-" + Ids.LowerAlphanumeric(32),
            OrganizationId = organization.Id,
            Sequence = OrganizationTree.NextSequence(tx, organization),
            AccountName = request.AccountName,
            RequestedTimestamp = context.Now,
            CompletedTimestamp = context.Now,
        };
        if (tx.Accounts.FindBy(Indexes.AccountsByEmail, request.Email).Any())
        {
            status.State = "FAILED";
            status.FailureReason = "EMAIL_ALREADY_EXISTS";
        }
        else
        {
            var account = new AccountDoc { Id = NewAccountId(context), Name = request.AccountName, Email = request.Email };
            Membership.Join(tx, account, organization, "CREATED", context.Now);
            Tagging.Put(tx, organization.Id, account.Id, tags);
            CreateAccessRole(context, account.Id, roleName, organization.ManagementAccountId);
            status.State = "SUCCEEDED";
            status.AccountId = account.Id;
        }
        tx.CreateAccountStatuses.Insert(status);
        return new(new CreateAccountStatus(status.Id, status.AccountName, "IN_PROGRESS", status.RequestedTimestamp, null, null, null));
    }

    public static CreateAccountStatusResponse Describe(OperationContext context, DescribeCreateAccountStatusRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "DescribeCreateAccountStatus");
        var status = context.Tx.CreateAccountStatuses.FindById(request.CreateAccountRequestId);
        if (status is null || status.OrganizationId != organization.Id) throw OrganizationsErrors.CreateAccountStatusNotFound();
        return new(CreateAccountStatus.From(status));
    }

    /// <summary>Oldest request first; States filters (an empty list means no filter).</summary>
    public static ListCreateAccountStatusResponse List(OperationContext context, ListCreateAccountStatusRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListCreateAccountStatus");
        var states = request.States is { Count: > 0 } wanted ? wanted.ToHashSet(StringComparer.Ordinal) : null;
        var statuses = context.Tx.CreateAccountStatuses.Find(c => c.OrganizationId == organization.Id)
            .Where(c => states is null || states.Contains(c.State))
            .OrderBy(c => Pages.BySequence(c.Sequence, c.Id), StringComparer.Ordinal);
        var page = Pages.Of(statuses, c => Pages.BySequence(c.Sequence, c.Id), request.NextToken, request.MaxResults);
        return new(page.Items.Select(CreateAccountStatus.From).ToList(), page.NextToken);
    }

    private static string NewAccountId(OperationContext context)
    {
        while (true)
        {
            var id = Ids.AccountId();
            if (context.Tx.Accounts.FindById(id) is null && id != context.Options.DefaultAccount) return id;
        }
    }

    /// <summary>The role the management account uses to administer the new account: trusts it, allows everything.</summary>
    private static void CreateAccessRole(OperationContext context, string accountId, string roleName, string managementAccountId)
    {
        var role = RoleFactory.New(accountId, roleName, "/", RoleFactory.ManagementAccountTrustPolicy(managementAccountId), context.Now);
        // The inline policy's name is UNCONFIRMED (AWS shows a *:* policy that is not the managed AdministratorAccess).
        role.InlinePolicies["AdministratorAccess"] = RoleFactory.AdministratorPolicy;
        context.Tx.Roles.Upsert(role);
    }
}
