using Emulator.Core;

namespace Emulator.Services.Organizations;

/// <summary>CreateOrganization, DescribeOrganization, DeleteOrganization.</summary>
public static class OrganizationOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<CreateOrganizationRequest, OrganizationResponse>("CreateOrganization", Create);
        table.Read<Empty, OrganizationResponse>("DescribeOrganization", Describe);
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
}
