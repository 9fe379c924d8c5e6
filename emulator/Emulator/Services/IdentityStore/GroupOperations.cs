using System.Text.Json.Nodes;
using Emulator.Services.Sso;
using Emulator.Services.TrustModel;

namespace Emulator.Services.IdentityStore;

/// <summary>Groups: create, describe, update (displayName, description), delete, list, look up by display name.</summary>
public static class GroupOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<CreateGroupRequest, GroupIdResponse>("CreateGroup", Create);
        table.Read<GroupRequest, Group>("DescribeGroup", Describe);
        table.Write<UpdateRequest, NoOutput>("UpdateGroup", Update);
        table.Write<GroupRequest, NoOutput>("DeleteGroup", Delete);
        table.Read<ListRequest, ListGroupsResponse>("ListGroups", List);
        table.Read<AlternateIdentifierRequest, GroupIdResponse>("GetGroupId", GetGroupId);
    }

    public static GroupIdResponse Create(OperationContext context, CreateGroupRequest request)
    {
        var instance = IdentityStoreAccess.Store(context, request.IdentityStoreId, "CreateGroup");
        var displayName = request.DisplayName ?? throw IdentityStoreErrors.Required("displayName");
        if (FindByName(context, request.IdentityStoreId, displayName) is not null) throw IdentityStoreErrors.Duplicate("DisplayName");
        var group = new SsoGroupDoc
        {
            GroupId = IdentityStoreAccess.NewId(instance.IdentityStoreId),
            IdentityStoreId = instance.IdentityStoreId,
            DisplayName = displayName,
            Description = request.Description,
            AttributesJson = new JsonObject { ["CreatedAt"] = context.Now.ToString("O"), ["UpdatedAt"] = context.Now.ToString("O") }.ToJsonString(),
        };
        context.Tx.SsoGroups.Insert(group);
        return new(group.GroupId, group.IdentityStoreId);
    }

    public static Group Describe(OperationContext context, GroupRequest request) =>
        Shape(Find(context, request.IdentityStoreId, request.GroupId, "DescribeGroup"));

    public static NoOutput Update(OperationContext context, UpdateRequest request)
    {
        var group = Find(context, request.IdentityStoreId, request.GroupId ?? throw IdentityStoreErrors.Required("groupId"), "UpdateGroup");
        foreach (var operation in request.Operations)
        {
            var text = operation.AttributeValue is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            switch (operation.AttributePath.ToLowerInvariant())
            {
                case "displayname":
                    if (string.IsNullOrEmpty(text)) throw IdentityStoreErrors.InvalidAttributeValue(operation.AttributePath);
                    if (FindByName(context, group.IdentityStoreId, text) is { } other && other.GroupId != group.GroupId)
                        throw IdentityStoreErrors.Duplicate("DisplayName");
                    group.DisplayName = text;
                    break;
                case "description":
                    if (operation.AttributeValue is not null && text is null) throw IdentityStoreErrors.InvalidAttributeValue(operation.AttributePath);
                    group.Description = text;
                    break;
                default:
                    throw IdentityStoreErrors.InvalidAttributePath(operation.AttributePath);
            }
        }
        var attributes = JsonNode.Parse(group.AttributesJson)!.AsObject();
        attributes["UpdatedAt"] = context.Now.ToString("O");
        group.AttributesJson = attributes.ToJsonString();
        context.Tx.SsoGroups.Update(group);
        return new NoOutput();
    }

    /// <summary>The group's memberships and account assignments go with it.</summary>
    public static NoOutput Delete(OperationContext context, GroupRequest request)
    {
        var group = Find(context, request.IdentityStoreId, request.GroupId, "DeleteGroup");
        context.Tx.SsoGroupMemberships.DeleteMany(m => m.GroupId == group.GroupId);
        SsoProvisioning.RemovePrincipal(context.Tx, "GROUP", group.GroupId);
        context.Tx.SsoGroups.Delete(group.GroupId);
        return new NoOutput();
    }

    /// <summary>Filters: one, on DisplayName.</summary>
    public static ListGroupsResponse List(OperationContext context, ListRequest request)
    {
        IdentityStoreAccess.Store(context, request.IdentityStoreId, "ListGroups");
        var groups = context.Tx.SsoGroups.Find(g => g.IdentityStoreId == request.IdentityStoreId).ToList().AsEnumerable();
        foreach (var filter in request.Filters ?? [])
        {
            if (!IdentityStoreAccess.SameText(filter.AttributePath, "DisplayName")) throw IdentityStoreErrors.InvalidFilter(filter.AttributePath);
            groups = groups.Where(g => IdentityStoreAccess.SameText(g.DisplayName, filter.AttributeValue));
        }
        var page = IdentityStoreAccess.Slice(groups, g => g.GroupId, request.MaxResults, request.NextToken);
        return new(page.Items.Select(Shape).ToList(), page.NextToken);
    }

    public static GroupIdResponse GetGroupId(OperationContext context, AlternateIdentifierRequest request)
    {
        IdentityStoreAccess.Store(context, request.IdentityStoreId, "GetGroupId");
        SsoGroupDoc? found = null;
        if (request.AlternateIdentifier.UniqueAttribute is { } unique)
        {
            if (!IdentityStoreAccess.SameText(unique.AttributePath, "displayName")) throw IdentityStoreErrors.InvalidAttributePath(unique.AttributePath);
            var wanted = unique.AttributeValue is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw IdentityStoreErrors.InvalidAttributeValue(unique.AttributePath);
            found = FindByName(context, request.IdentityStoreId, wanted);
        }
        return found is null ? throw IdentityStoreErrors.NotFound("GROUP", null) : new(found.GroupId, found.IdentityStoreId);
    }

    public static SsoGroupDoc Find(OperationContext context, string identityStoreId, string groupId, string action)
    {
        IdentityStoreAccess.Store(context, identityStoreId, action);
        return context.Tx.SsoGroups.FindById(groupId) is { } group && group.IdentityStoreId == identityStoreId
            ? group
            : throw IdentityStoreErrors.NotFound("GROUP", groupId);
    }

    private static SsoGroupDoc? FindByName(OperationContext context, string identityStoreId, string displayName) =>
        context.Tx.SsoGroups.Find(g => g.IdentityStoreId == identityStoreId).FirstOrDefault(g => IdentityStoreAccess.SameText(g.DisplayName, displayName));

    private static Group Shape(SsoGroupDoc g)
    {
        var attributes = JsonNode.Parse(g.AttributesJson)!.AsObject();
        var externalIds = (attributes["ExternalIds"] as JsonArray)?.Select(e => new ExternalId((string)e!["Issuer"]!, (string)e["Id"]!)).ToList();
        return new(g.GroupId, g.IdentityStoreId, g.DisplayName, g.Description, Time(attributes["CreatedAt"]), Time(attributes["UpdatedAt"]), externalIds);
    }

    private static DateTimeOffset? Time(JsonNode? node) => node is null ? null : DateTimeOffset.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture);
}
