using System.Text.Json.Serialization;

namespace Emulator.Services.SsoPortal;

/// <summary>
/// The request and response records of the SSO portal's operations, serialized by source-generated code (no reflection).
/// A new operation adds its records here, one line each; <c>WireJsonContextTests</c> names any that are missing.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ListAccountsRequest))]
[JsonSerializable(typeof(ListAccountsResponse))]
[JsonSerializable(typeof(ListAccountRolesRequest))]
[JsonSerializable(typeof(ListAccountRolesResponse))]
[JsonSerializable(typeof(GetRoleCredentialsRequest))]
[JsonSerializable(typeof(GetRoleCredentialsResponse))]
[JsonSerializable(typeof(AccessTokenRequest))]
internal sealed partial class SsoPortalJson : JsonSerializerContext;
