using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Emulator.Protocol;

namespace Emulator.Services;

/// <summary>
/// How request/response records map to the model's members: exact member names, nulls omitted, enums as strings.
/// Each service declares its records in a source-generated context (e.g. <c>OrganizationsJson</c>); a type missing
/// from it still works through reflection, and <c>WireJsonContextTests</c> fails naming it.
/// </summary>
public static class WireJson
{
    /// <summary>Reflection-based, timestamps written as ISO-8601: for documents kept in the store and tests without HTTP.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new TimestampConverter(epochSeconds: false) },
    };

    /// <summary>
    /// The wire options of one service: its source-generated records (reflection for anything missing), timestamps
    /// read as epoch seconds or ISO-8601 and written as epoch seconds (the JSON protocols; XML writes its own).
    /// </summary>
    public static JsonSerializerOptions ForService(JsonSerializerContext? records)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = records is null
                ? new DefaultJsonTypeInfoResolver()
                : JsonTypeInfoResolver.Combine(records, new DefaultJsonTypeInfoResolver()),
            Converters = { new JsonStringEnumConverter(), new TimestampConverter(epochSeconds: true) },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Reads epoch seconds (JSON protocols) or ISO-8601 (Query); writes epoch seconds or ISO-8601.</summary>
    private sealed class TimestampConverter(bool epochSeconds) : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number
                ? Timestamps.FromEpochSeconds(reader.GetDouble())
                : Timestamps.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            if (epochSeconds) writer.WriteNumberValue(Timestamps.ToEpochSeconds(value));
            else writer.WriteStringValue(value.ToUniversalTime().ToString("O"));
        }
    }
}
