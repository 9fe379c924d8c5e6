namespace Emulator.Services.Iam;

// IAM managed policies: request and response records, spelled as the IAM model spells its members.

public sealed record ManagedPolicy(
    string PolicyName, string PolicyId, string Arn, string Path, string DefaultVersionId, int AttachmentCount,
    int PermissionsBoundaryUsageCount, bool IsAttachable, string? Description, DateTimeOffset CreateDate, DateTimeOffset UpdateDate,
    IReadOnlyList<Tag>? Tags);

public sealed record PolicyVersion(string? Document, string VersionId, bool IsDefaultVersion, DateTimeOffset CreateDate);

public sealed record CreatePolicyRequest(string PolicyName, string PolicyDocument, string? Path, string? Description, IReadOnlyList<Tag>? Tags);

public sealed record PolicyResponse(ManagedPolicy Policy);

public sealed record PolicyArnRequest(string PolicyArn);

public sealed record PolicyVersionRequest(string PolicyArn, string VersionId);

public sealed record PolicyVersionResponse(PolicyVersion PolicyVersion);

public sealed record CreatePolicyVersionRequest(string PolicyArn, string PolicyDocument, bool? SetAsDefault);

public sealed record ListPolicyVersionsRequest(string PolicyArn, string? Marker, int? MaxItems);

public sealed record ListPolicyVersionsResponse(IReadOnlyList<PolicyVersion> Versions, bool IsTruncated, string? Marker);

public sealed record ListPoliciesRequest(
    string? Scope, bool? OnlyAttached, string? PathPrefix, string? PolicyUsageFilter, string? Marker, int? MaxItems);

public sealed record ListPoliciesResponse(IReadOnlyList<ManagedPolicy> Policies, bool IsTruncated, string? Marker);

public sealed record ListEntitiesForPolicyRequest(
    string PolicyArn, string? EntityFilter, string? PathPrefix, string? PolicyUsageFilter, string? Marker, int? MaxItems);

public sealed record PolicyGroup(string GroupName, string GroupId);

public sealed record PolicyUser(string UserName, string UserId);

public sealed record PolicyRole(string RoleName, string RoleId);

public sealed record ListEntitiesForPolicyResponse(
    IReadOnlyList<PolicyGroup> PolicyGroups, IReadOnlyList<PolicyUser> PolicyUsers, IReadOnlyList<PolicyRole> PolicyRoles,
    bool IsTruncated, string? Marker);
