using System.Text.Json.Serialization;

namespace Emulator.Services.SsoOidc;

/// <summary>
/// The request and response records of SSO OIDC's operations, serialized by source-generated code (no reflection).
/// A new operation adds its records here, one line each; <c>WireJsonContextTests</c> names any that are missing.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RegisterClientRequest))]
[JsonSerializable(typeof(RegisterClientResponse))]
[JsonSerializable(typeof(StartDeviceAuthorizationRequest))]
[JsonSerializable(typeof(StartDeviceAuthorizationResponse))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(CreateTokenResponse))]
[JsonSerializable(typeof(CreateTokenWithIAMRequest))]
internal sealed partial class SsoOidcJson : JsonSerializerContext;
