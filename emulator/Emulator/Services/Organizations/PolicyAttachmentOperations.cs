namespace Emulator.Services.Organizations;

/// <summary>AttachPolicy, DetachPolicy, ListPoliciesForTarget, ListTargetsForPolicy.</summary>
public static class PolicyAttachmentOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<AttachPolicyRequest, NoOutput>("AttachPolicy", Attach);
        table.Write<AttachPolicyRequest, NoOutput>("DetachPolicy", Detach);
        table.Read<ListPoliciesForTargetRequest, ListPoliciesResponse>("ListPoliciesForTarget", ListForTarget);
        table.Read<ListTargetsForPolicyRequest, ListTargetsForPolicyResponse>("ListTargetsForPolicy", ListTargets);
    }

    /// <summary>The type must be enabled in the root; a target holds each policy once and at most the type's quota.</summary>
    public static NoOutput Attach(OperationContext context, AttachPolicyRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrAllowed(context, "AttachPolicy");
        var policy = PolicyCatalog.Require(tx, organization, request.PolicyId);
        PolicyTargets.Require(tx, organization, request.TargetId);
        if (!PolicyTypes.IsEnabled(organization, policy.Type)) throw OrganizationsErrors.PolicyTypeNotEnabled();
        if (PolicyAttachments.IsAttached(tx, policy.Id, request.TargetId)) throw OrganizationsErrors.DuplicatePolicyAttachment();
        if (PolicyAttachments.OfTarget(tx, request.TargetId, policy.Type).Count >= PolicyTypes.Rule(policy.Type).MaxPerTarget)
            throw OrganizationsErrors.MaxPolicyTypeAttachmentLimitExceeded();
        PolicyAttachments.Attach(tx, organization, policy.Id, policy.Type, request.TargetId, context.Now);
        return new NoOutput();
    }

    /// <summary>Every target keeps at least one SCP; RCPFullAWSAccess never comes off (NON_DETACHABLE_POLICY).</summary>
    public static NoOutput Detach(OperationContext context, AttachPolicyRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrAllowed(context, "DetachPolicy");
        var policy = PolicyCatalog.Require(tx, organization, request.PolicyId);
        PolicyTargets.Require(tx, organization, request.TargetId);
        if (!PolicyAttachments.IsAttached(tx, policy.Id, request.TargetId)) throw OrganizationsErrors.PolicyNotAttached();
        if (policy.Id == AwsManagedPolicies.RcpFullAwsAccessId) throw OrganizationsErrors.NonDetachablePolicy();
        if (policy.Type == PolicyTypes.ServiceControl && PolicyAttachments.OfTarget(tx, request.TargetId, policy.Type).Count == 1)
            throw OrganizationsErrors.MinPolicyTypeAttachmentLimitExceeded();
        tx.PolicyAttachments.Delete(PolicyAttachmentDoc.Key(request.TargetId, policy.Id));
        return new NoOutput();
    }

    /// <summary>Policies directly attached to the target (not inherited ones), in the order they were attached.</summary>
    public static ListPoliciesResponse ListForTarget(OperationContext context, ListPoliciesForTargetRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListPoliciesForTarget");
        PolicyTargets.Require(tx, organization, request.TargetId);
        var attached = PolicyAttachments.OfTarget(tx, request.TargetId, request.Filter);
        var page = Pages.Of(attached, a => Pages.BySequence(a.Sequence, a.Id), request.NextToken, request.MaxResults);
        return new(page.Items.Select(a => PolicyCatalog.Require(tx, organization, a.PolicyId).Summary).ToList(), page.NextToken);
    }

    public static ListTargetsForPolicyResponse ListTargets(OperationContext context, ListTargetsForPolicyRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListTargetsForPolicy");
        var policy = PolicyCatalog.Require(tx, organization, request.PolicyId);
        var organizationId = organization.Id;
        var policyId = policy.Id;
        var attachments = tx.PolicyAttachments.Find(a => a.OrganizationId == organizationId && a.PolicyId == policyId)
            .OrderBy(a => a.Sequence).ToList();
        var page = Pages.Of(attachments, a => Pages.BySequence(a.Sequence, a.Id), request.NextToken, request.MaxResults);
        return new(page.Items.Select(a => PolicyTargets.Require(tx, organization, a.TargetId)).ToList(), page.NextToken);
    }
}
