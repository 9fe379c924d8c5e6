namespace Emulator.Services.Organizations;

/// <summary>
/// EnablePolicyType and DisablePolicyType. AWS enables and disables asynchronously (PENDING_ENABLE / PENDING_DISABLE);
/// the emulator finishes inside the call, so ListRoots shows ENABLED at once (clients that poll see it on the first poll).
/// </summary>
public static class PolicyTypeOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<PolicyTypeRequest, RootResponse>("EnablePolicyType", Enable);
        table.Write<PolicyTypeRequest, RootResponse>("DisablePolicyType", Disable);
    }

    public static RootResponse Enable(OperationContext context, PolicyTypeRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrAllowed(context, "EnablePolicyType");
        if (request.RootId != organization.RootId) throw OrganizationsErrors.RootNotFound();
        if (organization.FeatureSet != "ALL") throw OrganizationsErrors.PolicyTypeNotAvailableForOrganization();
        if (PolicyTypes.IsEnabled(organization, request.PolicyType)) throw OrganizationsErrors.PolicyTypeAlreadyEnabled();
        organization.EnabledPolicyTypes.Add(request.PolicyType);
        tx.Organizations.Update(organization);
        PolicyAttachments.OnTypeEnabled(tx, organization, request.PolicyType, context.Now);
        return new(OrganizationTree.ToRoot(organization));
    }

    /// <summary>Every policy of the type is detached from every target; the policies themselves stay.</summary>
    public static RootResponse Disable(OperationContext context, PolicyTypeRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrAllowed(context, "DisablePolicyType");
        if (request.RootId != organization.RootId) throw OrganizationsErrors.RootNotFound();
        if (!PolicyTypes.IsEnabled(organization, request.PolicyType)) throw OrganizationsErrors.PolicyTypeNotEnabled();
        organization.EnabledPolicyTypes.Remove(request.PolicyType);
        tx.Organizations.Update(organization);
        PolicyAttachments.OnTypeDisabled(tx, organization, request.PolicyType);
        return new(OrganizationTree.ToRoot(organization));
    }
}
