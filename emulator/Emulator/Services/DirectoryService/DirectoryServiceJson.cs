using System.Text.Json.Serialization;

namespace Emulator.Services.DirectoryService;

/// <summary>
/// The request and response records of Directory Service's operations, serialized by source-generated code (no reflection).
/// A new operation adds its records here, one line each; <c>WireJsonContextTests</c> names any that are missing.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConnectDirectoryRequest))]
[JsonSerializable(typeof(DirectoryIdResult))]
[JsonSerializable(typeof(CreateMicrosoftADRequest))]
[JsonSerializable(typeof(DescribeDirectoriesRequest))]
[JsonSerializable(typeof(DescribeDirectoriesResult))]
[JsonSerializable(typeof(DirectoryIdRequest))]
[JsonSerializable(typeof(CreateAliasRequest))]
[JsonSerializable(typeof(CreateAliasResult))]
internal sealed partial class DirectoryServiceJson : JsonSerializerContext;
