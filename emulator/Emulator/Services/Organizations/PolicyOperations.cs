using Emulator.Core;

namespace Emulator.Services.Organizations;

/// <summary>
/// CreatePolicy, DescribePolicy, UpdatePolicy, DeletePolicy, ListPolicies. Changes are open to the management account
/// and to member accounts the organization's resource policy allows; reads also to delegated administrators.
/// Policies exist only in an organization with all features.
/// </summary>
public static class PolicyOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<CreatePolicyRequest, PolicyResponse>("CreatePolicy", Create);
        table.Read<PolicyIdRequest, PolicyResponse>("DescribePolicy", Describe);
        table.Write<UpdatePolicyRequest, PolicyResponse>("UpdatePolicy", Update);
        table.Write<PolicyIdRequest, NoOutput>("DeletePolicy", Delete);
        table.Read<ListPoliciesRequest, ListPoliciesResponse>("ListPolicies", List);
    }

    /// <summary>
    /// A policy may be created before its type is enabled (only attaching needs that). Names are unique per type;
    /// each type holds at most 1,000 policies.
    /// </summary>
    public static PolicyResponse Create(OperationContext context, CreatePolicyRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrAllowed(context, "CreatePolicy");
        if (organization.FeatureSet != "ALL") throw OrganizationsErrors.PolicyTypeNotAvailableForOrganization();
        PolicyContentRules.Check(request.Type, request.Content);
        var tags = Tagging.Checked(request.Tags);
        var organizationId = organization.Id;
        var type = request.Type;
        var existing = tx.Policies.Find(p => p.OrganizationId == organizationId && p.Type == type).ToList();
        if (existing.Any(p => p.Name == request.Name)) throw OrganizationsErrors.DuplicatePolicy();
        if (existing.Count >= PolicyTypes.MaxPoliciesPerType) throw OrganizationsErrors.PolicyNumberLimitExceeded();

        var policy = new PolicyDoc
        {
            Id = "p-" + Ids.LowerAlphanumeric(8),
            OrganizationId = organization.Id,
            Type = request.Type,
            Name = request.Name,
            Description = request.Description,
            Content = request.Content,
            UpdatedAt = context.Now,
        };
        tx.Policies.Insert(policy);
        Tagging.Put(tx, organization.Id, policy.Id, tags);
        return new(PolicyCatalog.View(organization, policy).ToPolicy());
    }

    public static PolicyResponse Describe(OperationContext context, PolicyIdRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "DescribePolicy");
        return new(PolicyCatalog.Require(context.Tx, organization, request.PolicyId).ToPolicy());
    }

    public static PolicyResponse Update(OperationContext context, UpdatePolicyRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrAllowed(context, "UpdatePolicy");
        var policy = PolicyCatalog.RequireCustomer(tx, organization, request.PolicyId);
        if (request.Content is { } content) PolicyContentRules.Check(policy.Type, content);
        if (request.Name is { } name && name != policy.Name)
        {
            var organizationId = organization.Id;
            var type = policy.Type;
            if (tx.Policies.Exists(p => p.OrganizationId == organizationId && p.Type == type && p.Name == name)) throw OrganizationsErrors.DuplicatePolicy();
        }
        policy.Name = request.Name ?? policy.Name;
        policy.Description = request.Description ?? policy.Description;
        policy.Content = request.Content ?? policy.Content;
        policy.UpdatedAt = context.Now;
        tx.Policies.Update(policy);
        return new(PolicyCatalog.View(organization, policy).ToPolicy());
    }

    public static NoOutput Delete(OperationContext context, PolicyIdRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrAllowed(context, "DeletePolicy");
        var policy = PolicyCatalog.RequireCustomer(tx, organization, request.PolicyId);
        var policyId = policy.Id;
        if (tx.PolicyAttachments.Exists(a => a.PolicyId == policyId)) throw OrganizationsErrors.PolicyInUse();
        tx.Policies.Delete(policy.Id);
        Tagging.Forget(tx, policy.Id);
        return new NoOutput();
    }

    /// <summary>The AWS-managed policies of the type are listed too, whether or not the type is enabled.</summary>
    public static ListPoliciesResponse List(OperationContext context, ListPoliciesRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListPolicies");
        var page = Pages.Of(PolicyCatalog.OfType(context.Tx, organization, request.Filter), p => p.Id, request.NextToken, request.MaxResults);
        return new(page.Items.Select(p => p.Summary).ToList(), page.NextToken);
    }
}
