namespace Emulator.Services.SsoAdmin;

/// <summary>TagResource, UntagResource, ListTagsForResource for instances and permission sets.</summary>
public static class TagOperations
{
    private const int MaxTags = 50;

    public static void Register(OperationTable table)
    {
        table.Write<TagResourceRequest, NoOutput>("TagResource", Tag);
        table.Write<UntagResourceRequest, NoOutput>("UntagResource", Untag);
        table.Read<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", List);
    }

    public static NoOutput Tag(OperationContext context, TagResourceRequest request)
    {
        var (tags, save) = Resource(context, request.InstanceArn, request.ResourceArn, "TagResource");
        foreach (var tag in request.Tags) tags[tag.Key] = tag.Value;
        if (tags.Count > MaxTags) throw SsoAdminErrors.TagQuota();
        save(tags);
        return new NoOutput();
    }

    public static NoOutput Untag(OperationContext context, UntagResourceRequest request)
    {
        var (tags, save) = Resource(context, request.InstanceArn, request.ResourceArn, "UntagResource");
        foreach (var key in request.TagKeys) tags.Remove(key);
        save(tags);
        return new NoOutput();
    }

    public static ListTagsForResourceResponse List(OperationContext context, ListTagsForResourceRequest request)
    {
        var (tags, _) = Resource(context, request.InstanceArn, request.ResourceArn, "ListTagsForResource");
        var page = SsoAdminAccess.Slice(tags.Select(t => new Tag(t.Key, t.Value)), t => t.Key, null, request.NextToken);
        return new(page.Items, page.NextToken);
    }

    /// <summary>The resource's current tags and how to store new ones; the instance comes from the ARN when InstanceArn is absent.</summary>
    private static (Dictionary<string, string> Tags, Action<Dictionary<string, string>> Save) Resource(
        OperationContext context, string? instanceArn, string resourceArn, string action)
    {
        var tx = context.Tx;
        var parts = resourceArn.Split('/');
        if (resourceArn.Contains(":permissionSet/") && parts.Length == 3)
        {
            var instance = SsoAdminAccess.Instance(context, instanceArn ?? $"arn:aws:sso:::instance/{parts[1]}", action);
            var permissionSet = SsoAdminAccess.PermissionSet(context, instance, resourceArn);
            return (new Dictionary<string, string>(permissionSet.Tags), tags =>
            {
                permissionSet.Tags = tags;
                tx.PermissionSets.Update(permissionSet);
            });
        }
        if (resourceArn.Contains(":instance/"))
        {
            var instance = SsoAdminAccess.Instance(context, resourceArn, action);
            var doc = tx.SsoInstanceTags.FindById(instance.InstanceArn) ?? new SsoInstanceTagsDoc { InstanceArn = instance.InstanceArn };
            return (new Dictionary<string, string>(doc.Tags), tags =>
            {
                doc.Tags = tags;
                tx.SsoInstanceTags.Upsert(doc);
            });
        }
        throw SsoAdminErrors.ResourceNotFound(resourceArn);
    }
}
