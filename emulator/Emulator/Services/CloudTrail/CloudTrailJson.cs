using System.Text.Json.Serialization;

namespace Emulator.Services.CloudTrail;

/// <summary>
/// The request and response records of CloudTrail's operations, serialized by source-generated code (no reflection).
/// A new operation adds its records here, one line each; <c>WireJsonContextTests</c> names any that are missing.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LookupEventsRequest))]
[JsonSerializable(typeof(LookupEventsResponse))]
internal sealed partial class CloudTrailJson : JsonSerializerContext;
