using Emulator.Core;

namespace Emulator.Services.Iam;

/// <summary>IAM groups: members, attached managed policies and inline policies (a user's groups' policies are the user's too).</summary>
public static class GroupOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<CreateGroupRequest, GroupResponse>("CreateGroup", Create);
        table.Read<GetGroupRequest, GetGroupResponse>("GetGroup", Get);
        table.Write<GroupNameRequest, NoOutput>("DeleteGroup", Delete);
        table.Read<ListGroupsRequest, ListGroupsResponse>("ListGroups", List);
        table.Write<UpdateGroupRequest, NoOutput>("UpdateGroup", Update);
        table.Write<GroupUserRequest, NoOutput>("AddUserToGroup", AddUser);
        table.Write<GroupUserRequest, NoOutput>("RemoveUserFromGroup", RemoveUser);
        table.Read<ListGroupsForUserRequest, ListGroupsResponse>("ListGroupsForUser", ListForUser);
        table.Write<GroupPolicyArnRequest, NoOutput>("AttachGroupPolicy", AttachPolicy);
        table.Write<GroupPolicyArnRequest, NoOutput>("DetachGroupPolicy", DetachPolicy);
        table.Read<ListAttachedGroupPoliciesRequest, ListAttachedRolePoliciesResponse>("ListAttachedGroupPolicies", ListAttachedPolicies);
        table.Write<PutGroupPolicyRequest, NoOutput>("PutGroupPolicy", PutInline);
        table.Read<GroupPolicyNameRequest, GetGroupPolicyResponse>("GetGroupPolicy", GetInline);
        table.Write<GroupPolicyNameRequest, NoOutput>("DeleteGroupPolicy", DeleteInline);
        table.Read<ListByGroupRequest, ListRolePoliciesResponse>("ListGroupPolicies", ListInline);
    }

    public static GroupDoc Find(OperationContext context, string groupName) =>
        context.Tx.Groups.FindById(GroupDoc.Key(context.Caller.AccountId, groupName)) ?? throw IamErrors.NoSuchGroup(groupName);

    /// <summary>The groups a user belongs to (members are kept by user name).</summary>
    public static IEnumerable<GroupDoc> Of(State.Tx tx, UserDoc user) =>
        tx.Groups.Find(g => g.AccountId == user.AccountId && g.UserNames.Contains(user.UserName, StringComparer.OrdinalIgnoreCase));

    public static GroupResponse Create(OperationContext context, CreateGroupRequest request)
    {
        var accountId = context.Caller.AccountId;
        if (context.Tx.Groups.FindById(GroupDoc.Key(accountId, request.GroupName)) is not null) throw IamErrors.GroupExists(request.GroupName);
        var group = new GroupDoc
        {
            Id = GroupDoc.Key(accountId, request.GroupName),
            AccountId = accountId,
            GroupName = request.GroupName,
            GroupId = KeyIds.UniqueId(KeyIds.Group, accountId),
            Path = request.Path ?? "/",
            CreateDate = context.Now,
        };
        context.Tx.Groups.Insert(group);
        return new(Group.From(group));
    }

    public static GetGroupResponse Get(OperationContext context, GetGroupRequest request)
    {
        var group = Find(context, request.GroupName);
        var users = group.UserNames.Select(name => context.Tx.Users.FindById(UserDoc.Key(group.AccountId, name))).OfType<UserDoc>()
            .OrderBy(u => u.Id, StringComparer.Ordinal);
        var (items, truncated, marker) = IamInput.Page(users, u => u.Id, request.Marker, request.MaxItems);
        return new(Group.From(group), items.Select(u => User.From(u, withDetails: false)).ToList(), truncated, marker);
    }

    /// <summary>As IAM: members, attached policies and inline policies must go first (DeleteConflict).</summary>
    public static NoOutput Delete(OperationContext context, GroupNameRequest request)
    {
        var group = Find(context, request.GroupName);
        if (group.UserNames.Count > 0) throw IamErrors.MustRemoveUsersFromGroup();
        if (group.AttachedPolicies.Count > 0) throw IamErrors.MustDetachPolicies();
        if (group.InlinePolicies.Count > 0) throw IamErrors.MustDeleteInlinePolicies();
        context.Tx.Groups.Delete(group.Id);
        return new NoOutput();
    }

    public static ListGroupsResponse List(OperationContext context, ListGroupsRequest request)
    {
        var prefix = request.PathPrefix ?? "/";
        var groups = context.Tx.Groups.Find(g => g.AccountId == context.Caller.AccountId)
            .Where(g => g.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(g => g.Id, StringComparer.Ordinal);
        return Page(groups, request.Marker, request.MaxItems);
    }

    /// <summary>Renames and/or moves the group; a new name must be free.</summary>
    public static NoOutput Update(OperationContext context, UpdateGroupRequest request)
    {
        var group = Find(context, request.GroupName);
        var renamed = request.NewGroupName is { } newName && !string.Equals(newName, group.GroupName, StringComparison.OrdinalIgnoreCase);
        if (renamed && context.Tx.Groups.FindById(GroupDoc.Key(group.AccountId, request.NewGroupName!)) is not null)
            throw IamErrors.GroupExists(request.NewGroupName!);
        context.Tx.Groups.Delete(group.Id);
        group.GroupName = request.NewGroupName ?? group.GroupName;
        group.Id = GroupDoc.Key(group.AccountId, group.GroupName);
        group.Path = request.NewPath ?? group.Path;
        context.Tx.Groups.Insert(group);
        return new NoOutput();
    }

    /// <summary>Adding a member twice changes nothing.</summary>
    public static NoOutput AddUser(OperationContext context, GroupUserRequest request)
    {
        var group = Find(context, request.GroupName);
        var user = UserOperations.Find(context, request.UserName);
        if (group.UserNames.Contains(user.UserName, StringComparer.OrdinalIgnoreCase)) return new NoOutput();
        group.UserNames.Add(user.UserName);
        context.Tx.Groups.Update(group);
        return new NoOutput();
    }

    public static NoOutput RemoveUser(OperationContext context, GroupUserRequest request)
    {
        var group = Find(context, request.GroupName);
        var user = UserOperations.Find(context, request.UserName);
        if (group.UserNames.RemoveAll(n => string.Equals(n, user.UserName, StringComparison.OrdinalIgnoreCase)) == 0)
            throw IamErrors.NoSuchUser(user.UserName);
        context.Tx.Groups.Update(group);
        return new NoOutput();
    }

    public static ListGroupsResponse ListForUser(OperationContext context, ListGroupsForUserRequest request)
    {
        var user = UserOperations.Find(context, request.UserName);
        return Page(Of(context.Tx, user).OrderBy(g => g.Id, StringComparer.Ordinal), request.Marker, request.MaxItems);
    }

    public static NoOutput AttachPolicy(OperationContext context, GroupPolicyArnRequest request)
    {
        var group = Find(context, request.GroupName);
        ManagedPolicyAttachments.Attach(context.Tx, group.AccountId, group.AttachedPolicies, request.PolicyArn, isLinkedRole: false);
        context.Tx.Groups.Update(group);
        return new NoOutput();
    }

    public static NoOutput DetachPolicy(OperationContext context, GroupPolicyArnRequest request)
    {
        var group = Find(context, request.GroupName);
        ManagedPolicyAttachments.Detach(group.AttachedPolicies, request.PolicyArn);
        context.Tx.Groups.Update(group);
        return new NoOutput();
    }

    public static ListAttachedRolePoliciesResponse ListAttachedPolicies(OperationContext context, ListAttachedGroupPoliciesRequest request) =>
        ManagedPolicyAttachments.List(Find(context, request.GroupName).AttachedPolicies, request.PathPrefix, request.Marker, request.MaxItems);

    /// <summary>Inline policy names are unique per group, case-insensitively; putting an existing name replaces it.</summary>
    public static NoOutput PutInline(OperationContext context, PutGroupPolicyRequest request)
    {
        var group = Find(context, request.GroupName);
        InlinePolicies.Put(group.InlinePolicies, request.PolicyName, request.PolicyDocument, InlinePolicies.MaxPerGroup, "group", group.GroupName);
        context.Tx.Groups.Update(group);
        return new NoOutput();
    }

    public static GetGroupPolicyResponse GetInline(OperationContext context, GroupPolicyNameRequest request)
    {
        var group = Find(context, request.GroupName);
        var name = InlinePolicies.Find(group.InlinePolicies, request.PolicyName, () => IamErrors.NoSuchGroupPolicy(group.GroupName, request.PolicyName));
        return new(group.GroupName, name, PolicyDocuments.Encode(group.InlinePolicies[name]));
    }

    public static NoOutput DeleteInline(OperationContext context, GroupPolicyNameRequest request)
    {
        var group = Find(context, request.GroupName);
        group.InlinePolicies.Remove(InlinePolicies.Find(group.InlinePolicies, request.PolicyName, () => IamErrors.NoSuchGroupPolicy(group.GroupName, request.PolicyName)));
        context.Tx.Groups.Update(group);
        return new NoOutput();
    }

    public static ListRolePoliciesResponse ListInline(OperationContext context, ListByGroupRequest request) =>
        InlinePolicies.List(Find(context, request.GroupName).InlinePolicies.Keys, request.Marker, request.MaxItems);

    private static ListGroupsResponse Page(IEnumerable<GroupDoc> ordered, string? marker, int? maxItems)
    {
        var (items, truncated, next) = IamInput.Page(ordered, g => g.Id, marker, maxItems);
        return new(items.Select(Group.From).ToList(), truncated, next);
    }
}
