using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Emulator.Services.IdentityStore;

/// <summary>
/// The request and response records of Identity Store's operations, serialized by source-generated code (no reflection).
/// A new operation adds its records here, one line each; <c>WireJsonContextTests</c> names any that are missing.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CreateGroupRequest))]
[JsonSerializable(typeof(GroupIdResponse))]
[JsonSerializable(typeof(GroupRequest))]
[JsonSerializable(typeof(Group))]
[JsonSerializable(typeof(UpdateRequest))]
[JsonSerializable(typeof(ListRequest))]
[JsonSerializable(typeof(ListGroupsResponse))]
[JsonSerializable(typeof(AlternateIdentifierRequest))]
[JsonSerializable(typeof(MembershipRequest))]
[JsonSerializable(typeof(MembershipIdResponse))]
[JsonSerializable(typeof(MembershipIdRequest))]
[JsonSerializable(typeof(DescribeGroupMembershipResponse))]
[JsonSerializable(typeof(ListGroupMembershipsRequest))]
[JsonSerializable(typeof(ListGroupMembershipsResponse))]
[JsonSerializable(typeof(ListGroupMembershipsForMemberRequest))]
[JsonSerializable(typeof(IsMemberInGroupsRequest))]
[JsonSerializable(typeof(IsMemberInGroupsResponse))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(UserIdResponse))]
internal sealed partial class IdentityStoreJson : JsonSerializerContext;
