using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>TagResource, UntagResource, ListTagsForResource on accounts, roots, OUs, policies and the resource policy.</summary>
public static class TagOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<TagResourceRequest, NoOutput>("TagResource", TagResource);
        table.Write<UntagResourceRequest, NoOutput>("UntagResource", UntagResource);
        table.Read<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", List);
    }

    public static NoOutput TagResource(OperationContext context, TagResourceRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrAllowed(context, "TagResource");
        RequireTaggable(context.Tx, organization, request.ResourceId);
        Tagging.Put(context.Tx, organization.Id, request.ResourceId, Tagging.Checked(request.Tags));
        return new NoOutput();
    }

    public static NoOutput UntagResource(OperationContext context, UntagResourceRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrAllowed(context, "UntagResource");
        RequireTaggable(context.Tx, organization, request.ResourceId);
        if (request.TagKeys.Any(Tagging.IsSystemKey)) throw OrganizationsErrors.SystemTag();
        Tagging.Remove(context.Tx, request.ResourceId, request.TagKeys);
        return new NoOutput();
    }

    /// <summary>All of a resource's tags fit one page (at most 50), in the order they were added.</summary>
    public static ListTagsForResourceResponse List(OperationContext context, ListTagsForResourceRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListTagsForResource");
        RequireTaggable(context.Tx, organization, request.ResourceId);
        var tags = Tagging.Of(context.Tx, request.ResourceId);
        var page = Paging.Slice(tags.Select((t, i) => (Tag: t, Key: i.ToString("D3"))), t => t.Key, request.NextToken,
            Tagging.MaxTagsPerResource, OrganizationsErrors.InvalidNextToken);
        return new(page.Items.Select(t => t.Tag).ToList(), page.NextToken);
    }

    /// <summary>The resource must belong to the caller's organization; AWS-managed policies cannot be tagged (TargetNotFound).</summary>
    private static void RequireTaggable(Tx tx, OrganizationDoc organization, string resourceId)
    {
        var found = resourceId == organization.RootId
                    || OrganizationTree.FindOu(tx, organization, resourceId) is not null
                    || OrganizationTree.FindMember(tx, organization, resourceId) is not null
                    || tx.Policies.FindById(resourceId) is { } policy && policy.OrganizationId == organization.Id
                    || tx.OrganizationResourcePolicies.FindById(organization.Id) is { } resourcePolicy && resourcePolicy.PolicyId == resourceId;
        if (!found) throw OrganizationsErrors.TargetNotFound();
    }
}
