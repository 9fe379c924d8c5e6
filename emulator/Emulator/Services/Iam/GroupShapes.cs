namespace Emulator.Services.Iam;

// IAM groups and user/group inline policies: request and response records, spelled as the IAM model spells its members.

public sealed record Group(string Path, string GroupName, string GroupId, string Arn, DateTimeOffset CreateDate)
{
    public static Group From(GroupDoc doc) => new(doc.Path, doc.GroupName, doc.GroupId, doc.Arn, doc.CreateDate);
}

public sealed record CreateGroupRequest(string GroupName, string? Path);

public sealed record GroupResponse(Group Group);

public sealed record GroupNameRequest(string GroupName);

public sealed record GetGroupRequest(string GroupName, string? Marker, int? MaxItems);

public sealed record GetGroupResponse(Group Group, IReadOnlyList<User> Users, bool IsTruncated, string? Marker);

public sealed record ListGroupsRequest(string? PathPrefix, string? Marker, int? MaxItems);

public sealed record ListGroupsResponse(IReadOnlyList<Group> Groups, bool IsTruncated, string? Marker);

public sealed record UpdateGroupRequest(string GroupName, string? NewGroupName, string? NewPath);

public sealed record GroupUserRequest(string GroupName, string UserName);

public sealed record ListGroupsForUserRequest(string UserName, string? Marker, int? MaxItems);

public sealed record GroupPolicyArnRequest(string GroupName, string PolicyArn);

public sealed record ListAttachedGroupPoliciesRequest(string GroupName, string? PathPrefix, string? Marker, int? MaxItems);

public sealed record PutGroupPolicyRequest(string GroupName, string PolicyName, string PolicyDocument);

public sealed record GroupPolicyNameRequest(string GroupName, string PolicyName);

public sealed record GetGroupPolicyResponse(string GroupName, string PolicyName, string PolicyDocument);

public sealed record ListByGroupRequest(string GroupName, string? Marker, int? MaxItems);

public sealed record PutUserPolicyRequest(string UserName, string PolicyName, string PolicyDocument);

public sealed record UserPolicyNameRequest(string UserName, string PolicyName);

public sealed record GetUserPolicyResponse(string UserName, string PolicyName, string PolicyDocument);

public sealed record ListByUserRequest(string UserName, string? Marker, int? MaxItems);
