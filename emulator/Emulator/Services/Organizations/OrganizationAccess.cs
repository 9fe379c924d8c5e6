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

    /// <summary>
    /// Operations the management account or a delegated administrator may call: an account registered for any service,
    /// or one the organization's resource policy allows for <paramref name="action"/> (an Organizations operation name).
    /// </summary>
    public static OrganizationDoc RequireManagementOrDelegatedAdministrator(OperationContext context, string action)
    {
        var organization = Membership(context);
        var caller = context.Caller.AccountId;
        if (organization.ManagementAccountId == caller) return organization;
        var delegated = context.Tx.DelegatedAdministrators.Exists(d => d.OrganizationId == organization.Id && d.AccountId == caller);
        return delegated || IsAllowedByResourcePolicy(context, organization, action) ? organization : throw OrganizationsErrors.AccessDenied();
    }

    /// <summary>
    /// Operations the management account may call, and a member account that the organization's resource policy allows
    /// for <paramref name="action"/> (delegated policy management).
    /// </summary>
    public static OrganizationDoc RequireManagementOrAllowed(OperationContext context, string action)
    {
        var organization = Membership(context);
        if (organization.ManagementAccountId == context.Caller.AccountId) return organization;
        return IsAllowedByResourcePolicy(context, organization, action) ? organization : throw OrganizationsErrors.AccessDenied();
    }

    private static bool IsAllowedByResourcePolicy(OperationContext context, OrganizationDoc organization, string action) =>
        OrganizationsResourcePolicy.Allows(context, "organizations:" + action, organization);
}
