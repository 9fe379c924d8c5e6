using Emulator.Services.TrustModel;

namespace Emulator.Services.Organizations;

/// <summary>
/// RegisterDelegatedAdministrator, DeregisterDelegatedAdministrator, ListDelegatedAdministrators,
/// ListDelegatedServicesForAccount (aws-facts §1.5). Any trusted-access principal may have delegated administrators;
/// IAM Identity Center (sso.amazonaws.com) requires trusted access first and allows exactly one.
/// </summary>
public static class DelegatedAdministratorOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<DelegatedAdministratorRequest, NoOutput>("RegisterDelegatedAdministrator", RegisterAdministrator);
        table.Write<DelegatedAdministratorRequest, NoOutput>("DeregisterDelegatedAdministrator", Deregister);
        table.Read<ListDelegatedAdministratorsRequest, ListDelegatedAdministratorsResponse>("ListDelegatedAdministrators", List);
        table.Read<ListDelegatedServicesForAccountRequest, ListDelegatedServicesForAccountResponse>("ListDelegatedServicesForAccount", ListServices);
    }

    /// <summary>Services that allow a single delegated administrator and need trusted access before registering one.</summary>
    private static readonly IReadOnlySet<string> SingleAdministratorServices = new HashSet<string>(StringComparer.Ordinal) { ServicePrincipals.Sso };

    public static NoOutput RegisterAdministrator(OperationContext context, DelegatedAdministratorRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagement(context);
        if (organization.FeatureSet != "ALL") throw OrganizationsErrors.NotInAllFeaturesMode();
        var principal = request.ServicePrincipal;
        if (!ServicePrincipals.TrustedAccess.Contains(principal)) throw OrganizationsErrors.UnrecognizedServicePrincipal();
        var account = OrganizationTree.RequireMember(tx, organization, request.AccountId);
        if (account.Id == organization.ManagementAccountId) throw OrganizationsErrors.CannotRegisterManagementAsDelegatedAdministrator();
        var key = Key(organization.Id, account.Id, principal);
        if (tx.DelegatedAdministrators.FindById(key) is not null) throw OrganizationsErrors.AccountAlreadyRegistered();
        if (SingleAdministratorServices.Contains(principal))
        {
            if (!TrustedAccessRules.IsEnabled(tx, organization.Id, principal)) throw OrganizationsErrors.ServiceAccessNotEnabled();
            var organizationId = organization.Id;
            if (tx.DelegatedAdministrators.Exists(d => d.OrganizationId == organizationId && d.ServicePrincipal == principal))
                throw OrganizationsErrors.DelegatedAdministratorExistsForService();
        }
        tx.DelegatedAdministrators.Insert(new DelegatedAdministratorDoc
        {
            Id = key,
            OrganizationId = organization.Id,
            AccountId = account.Id,
            ServicePrincipal = principal,
            DelegationEnabledDate = context.Now,
        });
        return new NoOutput();
    }

    public static NoOutput Deregister(OperationContext context, DelegatedAdministratorRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagement(context);
        if (!ServicePrincipals.TrustedAccess.Contains(request.ServicePrincipal)) throw OrganizationsErrors.UnrecognizedServicePrincipal();
        var account = OrganizationTree.RequireMember(tx, organization, request.AccountId);
        if (!tx.DelegatedAdministrators.Delete(Key(organization.Id, account.Id, request.ServicePrincipal)))
            throw OrganizationsErrors.AccountNotRegistered();
        return new NoOutput();
    }

    /// <summary>One entry per account; without a ServicePrincipal filter DelegationEnabledDate is the account's earliest.</summary>
    public static ListDelegatedAdministratorsResponse List(OperationContext context, ListDelegatedAdministratorsRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListDelegatedAdministrators");
        if (request.ServicePrincipal is { } filter && !ServicePrincipals.TrustedAccess.Contains(filter))
            throw OrganizationsErrors.UnrecognizedServicePrincipal();
        var organizationId = organization.Id;
        var administrators = tx.DelegatedAdministrators.Find(d => d.OrganizationId == organizationId)
            .Where(d => request.ServicePrincipal is null || d.ServicePrincipal == request.ServicePrincipal)
            .GroupBy(d => d.AccountId)
            .Select(g => (AccountId: g.Key, Since: g.Min(d => d.DelegationEnabledDate)))
            .OrderBy(a => a.AccountId, StringComparer.Ordinal);
        var page = Pages.Of(administrators, a => a.AccountId, request.NextToken, request.MaxResults);
        var items = new List<DelegatedAdministrator>();
        foreach (var (accountId, since) in page.Items)
        {
            if (OrganizationTree.FindMember(tx, organization, accountId) is not { } account) continue;
            items.Add(new DelegatedAdministrator(account.Id, OrganizationTree.AccountArn(organization, account.Id), account.Email,
                account.Name, account.Status, account.Status, account.JoinedMethod, account.JoinedTimestamp, since));
        }
        return new(items, page.NextToken);
    }

    public static ListDelegatedServicesForAccountResponse ListServices(OperationContext context, ListDelegatedServicesForAccountRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListDelegatedServicesForAccount");
        var account = OrganizationTree.RequireMember(tx, organization, request.AccountId);
        var organizationId = organization.Id;
        var accountId = account.Id;
        var services = tx.DelegatedAdministrators.Find(d => d.OrganizationId == organizationId && d.AccountId == accountId)
            .OrderBy(d => d.ServicePrincipal, StringComparer.Ordinal).ToList();
        if (services.Count == 0) throw OrganizationsErrors.AccountNotRegistered();
        var page = Pages.Of(services, d => d.ServicePrincipal, request.NextToken, request.MaxResults);
        return new(page.Items.Select(d => new DelegatedService(d.ServicePrincipal, d.DelegationEnabledDate)).ToList(), page.NextToken);
    }

    private static string Key(string organizationId, string accountId, string servicePrincipal) =>
        $"{organizationId}/{accountId}/{servicePrincipal}";
}
