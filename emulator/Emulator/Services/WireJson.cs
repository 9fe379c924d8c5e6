using System.Text.Json;
using System.Text.Json.Serialization;
using Emulator.Protocol;

namespace Emulator.Services;

/// <summary>How request/response records map to the model's members: exact member names, nulls omitted, enums as strings.</summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new TimestampConverter() },
    };

    /// <summary>Reads epoch seconds (JSON protocols) or ISO-8601 (Query); writes ISO-8601, which each codec re-encodes.</summary>
    private sealed class TimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Timestamps.Read(System.Text.Json.Nodes.JsonNode.Parse(ref reader)!);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString("O"));
    }
}
