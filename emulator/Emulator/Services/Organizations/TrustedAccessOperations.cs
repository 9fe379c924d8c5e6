using Emulator.State;
using Emulator.Services.TrustModel;

namespace Emulator.Services.Organizations;

/// <summary>EnableAWSServiceAccess, DisableAWSServiceAccess, ListAWSServiceAccessForOrganization.</summary>
public static class TrustedAccessOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<ServicePrincipalRequest, NoOutput>("EnableAWSServiceAccess", Enable);
        table.Write<ServicePrincipalRequest, NoOutput>("DisableAWSServiceAccess", Disable);
        table.Read<PageRequest, ListAWSServiceAccessForOrganizationResponse>("ListAWSServiceAccessForOrganization", List);
    }

    /// <summary>Enabling twice is a no-op that keeps DateEnabled; missing linked roles are re-created either way.</summary>
    public static NoOutput Enable(OperationContext context, ServicePrincipalRequest request)
    {
        var organization = OrganizationAccess.RequireManagement(context);
        if (organization.FeatureSet != "ALL") throw OrganizationsErrors.NotInAllFeaturesMode();
        if (!ServicePrincipals.TrustedAccess.Contains(request.ServicePrincipal)) throw OrganizationsErrors.UnrecognizedServicePrincipal();
        TrustedAccessRules.Enable(context.Tx, organization.Id, request.ServicePrincipal, context.Now);
        return new NoOutput();
    }

    /// <summary>Disabling keeps every role the service created; disabling a principal that is not enabled is a no-op.</summary>
    public static NoOutput Disable(OperationContext context, ServicePrincipalRequest request)
    {
        var organization = OrganizationAccess.RequireManagement(context);
        if (organization.FeatureSet != "ALL") throw OrganizationsErrors.NotInAllFeaturesMode();
        if (!ServicePrincipals.TrustedAccess.Contains(request.ServicePrincipal)) throw OrganizationsErrors.UnrecognizedServicePrincipal();
        if (PolicyTypes.EnabledTypeOf(organization, request.ServicePrincipal) is { } policyType)
            throw OrganizationsErrors.PolicyTypeEnabledForService(policyType);
        TrustedAccessRules.Disable(context.Tx, organization.Id, request.ServicePrincipal);
        return new NoOutput();
    }

    public static ListAWSServiceAccessForOrganizationResponse List(OperationContext context, PageRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListAWSServiceAccessForOrganization");
        var enabled = context.Tx.TrustedServices.FindBy(Indexes.TrustedServicesByOrganization, organization.Id)
            .OrderBy(s => s.ServicePrincipal, StringComparer.Ordinal);
        var page = Paging.Slice(enabled, s => s.ServicePrincipal, request.NextToken, request.MaxResults ?? 20, OrganizationsErrors.InvalidNextToken);
        return new(page.Items.Select(s => new EnabledServicePrincipal(s.ServicePrincipal, s.DateEnabled)).ToList(), page.NextToken);
    }
}
