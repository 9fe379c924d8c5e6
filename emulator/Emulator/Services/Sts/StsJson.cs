using System.Text.Json.Serialization;

namespace Emulator.Services.Sts;

/// <summary>
/// The request and response records of STS's operations, serialized by source-generated code (no reflection).
/// A new operation adds its records here, one line each; <c>WireJsonContextTests</c> names any that are missing.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(GetAccessKeyInfoRequest))]
[JsonSerializable(typeof(GetAccessKeyInfoResponse))]
[JsonSerializable(typeof(Empty))]
[JsonSerializable(typeof(GetCallerIdentityResponse))]
[JsonSerializable(typeof(GetFederationTokenRequest))]
[JsonSerializable(typeof(GetFederationTokenResponse))]
[JsonSerializable(typeof(AssumeRoleRequest))]
[JsonSerializable(typeof(AssumeRoleResponse))]
[JsonSerializable(typeof(GetSessionTokenRequest))]
[JsonSerializable(typeof(GetSessionTokenResponse))]
internal sealed partial class StsJson : JsonSerializerContext;
