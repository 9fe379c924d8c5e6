using Emulator.Protocol;
namespace Emulator.Services.IdentityStore;

// Request and response records, spelled exactly as the identitystore model spells its members. Users travel as JSON
// objects (UserOperations), so that every attribute a client sends comes back as it was sent.

public sealed record Filter(string AttributePath, string AttributeValue);

public sealed record UniqueAttribute(string AttributePath, System.Text.Json.Nodes.JsonNode? AttributeValue);

public sealed record ExternalId(string Issuer, string Id);

public sealed record AlternateIdentifier(UniqueAttribute? UniqueAttribute, ExternalId? ExternalId);

public sealed record AttributeOperation(string AttributePath, System.Text.Json.Nodes.JsonNode? AttributeValue);

public sealed record CreateGroupRequest(string IdentityStoreId, string? DisplayName, string? Description);

public sealed record GroupIdResponse(string GroupId, string IdentityStoreId);

public sealed record GroupRequest(string IdentityStoreId, string GroupId);

public sealed record UpdateRequest(string IdentityStoreId, string? GroupId, string? UserId, List<AttributeOperation> Operations);

public sealed record Group(
    string GroupId, string IdentityStoreId, string DisplayName, string? Description, EpochTimestamp? CreatedAt, EpochTimestamp? UpdatedAt,
    List<ExternalId>? ExternalIds = null);

public sealed record ListRequest(string IdentityStoreId, List<Filter>? Filters, int? MaxResults, string? NextToken);

public sealed record ListGroupsResponse(IReadOnlyList<Group> Groups, string? NextToken);

public sealed record AlternateIdentifierRequest(string IdentityStoreId, AlternateIdentifier AlternateIdentifier);

public sealed record UserIdResponse(string UserId, string IdentityStoreId);

public sealed record MemberId(string? UserId);

public sealed record MembershipRequest(string IdentityStoreId, string GroupId, MemberId MemberId);

public sealed record MembershipIdRequest(string IdentityStoreId, string MembershipId);

public sealed record MembershipIdResponse(string MembershipId, string IdentityStoreId);

public sealed record GroupMembership(string IdentityStoreId, string MembershipId, string GroupId, MemberId MemberId);

public sealed record DescribeGroupMembershipResponse(string IdentityStoreId, string MembershipId, string GroupId, MemberId MemberId);

public sealed record ListGroupMembershipsRequest(string IdentityStoreId, string GroupId, int? MaxResults, string? NextToken);

public sealed record ListGroupMembershipsForMemberRequest(string IdentityStoreId, MemberId MemberId, int? MaxResults, string? NextToken);

public sealed record ListGroupMembershipsResponse(IReadOnlyList<GroupMembership> GroupMemberships, string? NextToken);

public sealed record IsMemberInGroupsRequest(string IdentityStoreId, MemberId MemberId, List<string> GroupIds);

public sealed record GroupMembershipExistenceResult(string GroupId, MemberId MemberId, bool MembershipExists);

public sealed record IsMemberInGroupsResponse(IReadOnlyList<GroupMembershipExistenceResult> Results);
