using Emulator.Protocol;
using System.Net;

namespace Emulator.Services.Iam;

// Request and response records, spelled exactly as the IAM model spells its members.

public sealed record Tag(string Key, string Value);

public sealed record AttachedPermissionsBoundary(string PermissionsBoundaryType, string PermissionsBoundaryArn);

public sealed record Role(
    string Path, string RoleName, string RoleId, string Arn, DateTimeOffset CreateDate,
    string? AssumeRolePolicyDocument, string? Description, int? MaxSessionDuration,
    AttachedPermissionsBoundary? PermissionsBoundary, IReadOnlyList<Tag>? Tags)
{
    /// <summary>IAM returns policy documents URL-encoded inside the XML; botocore decodes them.</summary>
    /// <param name="withDetails">GetRole-style detail (tags, boundary); ListRoles leaves those out, as AWS does.</param>
    public static Role From(RoleDoc doc, bool withDetails = true) => new(
        doc.Path, doc.RoleName, doc.RoleId, doc.Arn, doc.CreateDate,
        PolicyDocuments.Encode(doc.AssumeRolePolicyDocument), doc.Description, doc.MaxSessionDuration,
        withDetails && doc.PermissionsBoundaryArn is not null ? new AttachedPermissionsBoundary("PermissionsBoundaryPolicy", doc.PermissionsBoundaryArn) : null,
        withDetails ? IamTags.ToWire(doc.Tags) : null);
}

public sealed record RoleNameRequest(string RoleName);

public sealed record RoleResponse(Role Role);

/// <summary>GetRole's answer, built once per snapshot (<see cref="RoleOperations.Get"/>).</summary>
public sealed record GetRoleResponse(Role Role) : ISnapshotAnswer;

public sealed record ListRolesRequest(string? Marker, int? MaxItems, string? PathPrefix);

public sealed record ListRolesResponse(IReadOnlyList<Role> Roles, bool IsTruncated, string? Marker);

public sealed record CreateRoleRequest(
    string RoleName, string AssumeRolePolicyDocument, string? Path, string? Description, int? MaxSessionDuration,
    string? PermissionsBoundary, IReadOnlyList<Tag>? Tags);

public sealed record UpdateRoleRequest(string RoleName, string? Description, int? MaxSessionDuration);

/// <summary>UpdateRole's output is an empty structure.</summary>
public sealed record UpdateRoleResponse;

public sealed record UpdateRoleDescriptionRequest(string RoleName, string Description);

public sealed record UpdateAssumeRolePolicyRequest(string RoleName, string PolicyDocument);

public sealed record RolePolicyArnRequest(string RoleName, string PolicyArn);

public sealed record AttachedPolicy(string PolicyName, string PolicyArn);

public sealed record ListAttachedRolePoliciesRequest(string RoleName, string? PathPrefix, string? Marker, int? MaxItems);

public sealed record UserPolicyArnRequest(string UserName, string PolicyArn);

public sealed record ListAttachedUserPoliciesRequest(string UserName, string? PathPrefix, string? Marker, int? MaxItems);

/// <summary>The output of ListAttachedRolePolicies and ListAttachedUserPolicies (the same members).</summary>
public sealed record ListAttachedRolePoliciesResponse(IReadOnlyList<AttachedPolicy> AttachedPolicies, bool IsTruncated, string? Marker);

public sealed record PutRolePolicyRequest(string RoleName, string PolicyName, string PolicyDocument);

public sealed record RolePolicyNameRequest(string RoleName, string PolicyName);

public sealed record GetRolePolicyResponse(string RoleName, string PolicyName, string PolicyDocument);

public sealed record ListByRoleRequest(string RoleName, string? Marker, int? MaxItems);

public sealed record ListRolePoliciesResponse(IReadOnlyList<string> PolicyNames, bool IsTruncated, string? Marker);

public sealed record PutRolePermissionsBoundaryRequest(string RoleName, string PermissionsBoundary);

public sealed record TagRoleRequest(string RoleName, IReadOnlyList<Tag> Tags);

public sealed record UntagRoleRequest(string RoleName, IReadOnlyList<string> TagKeys);

public sealed record ListRoleTagsResponse(IReadOnlyList<Tag> Tags, bool IsTruncated, string? Marker);

public sealed record CreateServiceLinkedRoleRequest(string AWSServiceName, string? Description, string? CustomSuffix);

public sealed record CreateServiceLinkedRoleResponse(Role Role);

public sealed record DeleteServiceLinkedRoleResponse(string DeletionTaskId);

public sealed record DeletionTaskIdRequest(string DeletionTaskId);

public sealed record RoleUsageType(string? Region, IReadOnlyList<string>? Resources);

public sealed record DeletionTaskFailureReasonType(string? Reason, IReadOnlyList<RoleUsageType>? RoleUsageList);

public sealed record GetServiceLinkedRoleDeletionStatusResponse(string Status, DeletionTaskFailureReasonType? Reason);

public sealed record User(
    string? Path, string? UserName, string UserId, string Arn, DateTimeOffset CreateDate,
    AttachedPermissionsBoundary? PermissionsBoundary, IReadOnlyList<Tag>? Tags)
{
    public static User From(UserDoc doc, bool withDetails = true) => new(
        doc.Path, doc.UserName, doc.UserId, doc.Arn, doc.CreateDate,
        withDetails && doc.PermissionsBoundaryArn is not null ? new AttachedPermissionsBoundary("PermissionsBoundaryPolicy", doc.PermissionsBoundaryArn) : null,
        withDetails ? IamTags.ToWire(doc.Tags) : null);
}

public sealed record CreateUserRequest(string UserName, string? Path, string? PermissionsBoundary, IReadOnlyList<Tag>? Tags);

public sealed record UserResponse(User User);

public sealed record OptionalUserNameRequest(string? UserName);

public sealed record UserNameRequest(string UserName);

public sealed record ListUsersRequest(string? Marker, int? MaxItems, string? PathPrefix);

public sealed record ListUsersResponse(IReadOnlyList<User> Users, bool IsTruncated, string? Marker);

public sealed record AccessKey(string UserName, string AccessKeyId, string Status, string SecretAccessKey, DateTimeOffset CreateDate);

public sealed record CreateAccessKeyResponse(AccessKey AccessKey);

public sealed record ListAccessKeysRequest(string? UserName, string? Marker, int? MaxItems);

public sealed record AccessKeyMetadata(string UserName, string AccessKeyId, string Status, DateTimeOffset CreateDate);

public sealed record ListAccessKeysResponse(IReadOnlyList<AccessKeyMetadata> AccessKeyMetadata, bool IsTruncated, string? Marker);

public sealed record DeleteAccessKeyRequest(string AccessKeyId, string? UserName);

public static class PolicyDocuments
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> Encoded = new();

    /// <summary>
    /// A stored document is encoded once: the cache is keyed by the document's string object (a changed policy is a
    /// new string), and an entry goes when its document does.
    /// </summary>
    public static string Encode(string document) =>
        Encoded.GetValue(document, static text => WebUtility.UrlEncode(text).Replace("+", "%20"));
}
