using Emulator.Services.Sso;

namespace Emulator.Services.IdentityStore;

/// <summary>Group memberships (users only, as in AWS).</summary>
public static class MembershipOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<MembershipRequest, MembershipIdResponse>("CreateGroupMembership", Create);
        table.Write<MembershipIdRequest, NoOutput>("DeleteGroupMembership", Delete);
        table.Read<MembershipIdRequest, DescribeGroupMembershipResponse>("DescribeGroupMembership", Describe);
        table.Read<ListGroupMembershipsRequest, ListGroupMembershipsResponse>("ListGroupMemberships", List);
        table.Read<ListGroupMembershipsForMemberRequest, ListGroupMembershipsResponse>("ListGroupMembershipsForMember", ListForMember);
        table.Read<IsMemberInGroupsRequest, IsMemberInGroupsResponse>("IsMemberInGroups", IsMemberInGroups);
        table.Read<MembershipRequest, MembershipIdResponse>("GetGroupMembershipId", GetId);
    }

    public static MembershipIdResponse Create(OperationContext context, MembershipRequest request)
    {
        var group = GroupOperations.Find(context, request.IdentityStoreId, request.GroupId, "CreateGroupMembership");
        var user = User(context, request.IdentityStoreId, request.MemberId, "CreateGroupMembership");
        if (context.Tx.SsoGroupMemberships.Exists(m => m.GroupId == group.GroupId && m.UserId == user.UserId))
            throw IdentityStoreErrors.Duplicate("GroupMembership");
        var membership = new SsoGroupMembershipDoc
        {
            MembershipId = IdentityStoreAccess.NewId(request.IdentityStoreId),
            IdentityStoreId = request.IdentityStoreId,
            GroupId = group.GroupId,
            UserId = user.UserId,
        };
        context.Tx.SsoGroupMemberships.Insert(membership);
        return new(membership.MembershipId, membership.IdentityStoreId);
    }

    public static NoOutput Delete(OperationContext context, MembershipIdRequest request)
    {
        var membership = Find(context, request, "DeleteGroupMembership");
        context.Tx.SsoGroupMemberships.Delete(membership.MembershipId);
        return new NoOutput();
    }

    public static DescribeGroupMembershipResponse Describe(OperationContext context, MembershipIdRequest request)
    {
        var m = Find(context, request, "DescribeGroupMembership");
        return new(m.IdentityStoreId, m.MembershipId, m.GroupId, new MemberId(m.UserId));
    }

    public static ListGroupMembershipsResponse List(OperationContext context, ListGroupMembershipsRequest request)
    {
        var group = GroupOperations.Find(context, request.IdentityStoreId, request.GroupId, "ListGroupMemberships");
        var memberships = context.Tx.SsoGroupMemberships.Find(m => m.GroupId == group.GroupId).ToList();
        return Page(memberships, request.MaxResults, request.NextToken);
    }

    public static ListGroupMembershipsResponse ListForMember(OperationContext context, ListGroupMembershipsForMemberRequest request)
    {
        var user = User(context, request.IdentityStoreId, request.MemberId, "ListGroupMembershipsForMember");
        var memberships = context.Tx.SsoGroupMemberships.Find(m => m.UserId == user.UserId).ToList();
        return Page(memberships, request.MaxResults, request.NextToken);
    }

    public static IsMemberInGroupsResponse IsMemberInGroups(OperationContext context, IsMemberInGroupsRequest request)
    {
        var user = User(context, request.IdentityStoreId, request.MemberId, "IsMemberInGroups");
        var groups = SsoDirectory.GroupsOf(context.Tx, user.UserId).ToHashSet();
        return new(request.GroupIds.Select(g => new GroupMembershipExistenceResult(g, new MemberId(user.UserId), groups.Contains(g))).ToList());
    }

    public static MembershipIdResponse GetId(OperationContext context, MembershipRequest request)
    {
        var group = GroupOperations.Find(context, request.IdentityStoreId, request.GroupId, "GetGroupMembershipId");
        var user = User(context, request.IdentityStoreId, request.MemberId, "GetGroupMembershipId");
        var membership = context.Tx.SsoGroupMemberships.FindOne(m => m.GroupId == group.GroupId && m.UserId == user.UserId)
            ?? throw IdentityStoreErrors.NotFound("GROUP_MEMBERSHIP", null);
        return new(membership.MembershipId, membership.IdentityStoreId);
    }

    private static SsoUserDoc User(OperationContext context, string identityStoreId, MemberId member, string action) =>
        UserOperations.Find(context, identityStoreId, member.UserId ?? throw IdentityStoreErrors.Required("memberId.userId"), action);

    private static SsoGroupMembershipDoc Find(OperationContext context, MembershipIdRequest request, string action)
    {
        IdentityStoreAccess.Store(context, request.IdentityStoreId, action);
        return context.Tx.SsoGroupMemberships.FindById(request.MembershipId) is { } m && m.IdentityStoreId == request.IdentityStoreId
            ? m
            : throw IdentityStoreErrors.NotFound("GROUP_MEMBERSHIP", request.MembershipId);
    }

    private static ListGroupMembershipsResponse Page(List<SsoGroupMembershipDoc> memberships, int? maxResults, string? token)
    {
        var page = IdentityStoreAccess.Slice(memberships, m => m.MembershipId, maxResults, token);
        return new(page.Items.Select(m => new GroupMembership(m.IdentityStoreId, m.MembershipId, m.GroupId, new MemberId(m.UserId))).ToList(), page.NextToken);
    }
}
