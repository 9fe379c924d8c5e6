using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>Who may call what (aws-facts §1.4): the caller's organization, and the management/delegated-administrator checks.</summary>
public static class OrganizationAccess
{
    /// <summary>The caller's organization; AWSOrganizationsNotInUseException for a standalone account.</summary>
    public static OrganizationDoc Membership(OperationContext context) =>
        OrganizationOf(context.Tx, context.Caller.AccountId) ?? throw OrganizationsErrors.NotInUse();

    public static OrganizationDoc? OrganizationOf(Tx tx, string accountId) =>
        tx.Accounts.FindById(accountId) is { OrganizationId: { } id } ? tx.Organizations.FindById(id) : null;

    /// <summary>Operations only the management account may call.</summary>
    public static OrganizationDoc RequireManagement(OperationContext context)
    {
        var organization = Membership(context);
        if (organization.ManagementAccountId != context.Caller.AccountId) throw OrganizationsErrors.AccessDenied();
        return organization;
    }

    /// <summary>Operations the management account or a delegated administrator (of any service) may call.</summary>
    public static OrganizationDoc RequireManagementOrDelegatedAdministrator(OperationContext context)
    {
        var organization = Membership(context);
        var caller = context.Caller.AccountId;
        if (organization.ManagementAccountId == caller) return organization;
        var delegated = context.Tx.DelegatedAdministrators.Exists(d => d.OrganizationId == organization.Id && d.AccountId == caller);
        return delegated ? organization : throw OrganizationsErrors.AccessDenied();
    }
}
