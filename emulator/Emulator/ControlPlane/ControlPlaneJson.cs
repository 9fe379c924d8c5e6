using System.Text.Json;
using System.Text.Json.Serialization;

namespace Emulator.ControlPlane;

/// <summary>
/// The JSON metadata of every body the /_emulator endpoints read or write, generated at build time. It goes first in
/// ASP.NET Core's resolver chain (web defaults, as before), so building the endpoints at the first request asks no
/// reflection for these types.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(StateResponse))]
[JsonSerializable(typeof(SsoSetupRequest))]
[JsonSerializable(typeof(SsoSetupResponse))]
[JsonSerializable(typeof(SsoUserRequest))]
[JsonSerializable(typeof(SsoUserResponse))]
[JsonSerializable(typeof(ControlPlaneError))]
[JsonSerializable(typeof(TrailEventsResponse))]
[JsonSerializable(typeof(IdentitySourceRequest))]
[JsonSerializable(typeof(IdentitySourceSyncRequest))]
[JsonSerializable(typeof(IdentitySourceResponse))]
[JsonSerializable(typeof(DeviceApprovalRequest))]
[JsonSerializable(typeof(DeviceApprovalResponse))]
[JsonSerializable(typeof(ClientConfig.AwsDataPathResponse))]
[JsonSerializable(typeof(string))]
internal sealed partial class ControlPlaneJson : JsonSerializerContext;
