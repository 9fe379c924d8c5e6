using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Emulator.Protocol;

namespace Emulator.Services;

/// <summary>
/// How request/response records map to the model's members: exact member names, nulls omitted, enums as strings.
/// Each service declares its records in a source-generated context (e.g. <c>OrganizationsJson</c>) with exactly these
/// options (<c>[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
/// UseStringEnumConverter = true)]</c>), so answers are written by the generated serialization code; a type missing
/// from it still works through reflection, and <c>WireJsonContextTests</c> fails naming it.
/// </summary>
public static class WireJson
{
    private const string ReflectionOnlyWhereEnabled =
        "The reflection-based resolver and enum converter are used only when JsonSerializer.IsReflectionEnabledByDefault (false in the Native AOT form, whose compiler removes that branch).";

    /// <summary>
    /// The options requests are read with: the service's source-generated records (reflection for anything missing),
    /// <see cref="DateTimeOffset"/> members read from epoch seconds or ISO-8601 (and written as epoch seconds).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = ReflectionOnlyWhereEnabled)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = ReflectionOnlyWhereEnabled)]
    public static JsonSerializerOptions ForService(JsonSerializerContext? records)
    {
        if (records is not null) RequireWireOptions(records);
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new TimestampConverter() },
        };
        // A Native AOT build has no reflection-based serialization: there the context alone, whose enums are strings already.
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            options.TypeInfoResolver = records is null ? new DefaultJsonTypeInfoResolver() : JsonTypeInfoResolver.Combine(records, new DefaultJsonTypeInfoResolver());
            options.Converters.Insert(0, new JsonStringEnumConverter());
        }
        else options.TypeInfoResolver = records ?? throw new InvalidOperationException("Without reflection (Native AOT) every service needs its source-generated context.");
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// How a response record is written: by the context's own metadata when it lists the type (no converters in its
    /// options, so System.Text.Json runs the generated serialization code; the answers' timestamps are
    /// <see cref="EpochTimestamp"/>s), else by <paramref name="wire"/>'s.
    /// </summary>
    public static JsonTypeInfo ForResponse(Type type, JsonSerializerContext? records, JsonSerializerOptions wire) =>
        records?.GetTypeInfo(type) ?? wire.GetTypeInfo(type);

    private static void RequireWireOptions(JsonSerializerContext records)
    {
        var declared = records.Options;
        if (declared.DefaultIgnoreCondition != JsonIgnoreCondition.WhenWritingNull || declared.PropertyNamingPolicy is not null || declared.Converters.Count > 0)
            throw new InvalidOperationException(
                $"{records.GetType().Name} must be declared with [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)].");
    }

    /// <summary>Reads epoch seconds (JSON protocols) or ISO-8601 (Query); writes epoch seconds.</summary>
    private sealed class TimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Timestamps.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Timestamps.ToEpochSeconds(value));
    }
}
