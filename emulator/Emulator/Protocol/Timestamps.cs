using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Emulator.Protocol;

/// <summary>Timestamp encodings per protocol: epoch seconds in JSON, ISO-8601 in XML.</summary>
public static class Timestamps
{
    public static DateTimeOffset Read(JsonNode node) =>
        node is JsonValue v && v.TryGetValue<double>(out var seconds) ? FromEpochSeconds(seconds) : Parse((string)node!);

    /// <summary>A JSON timestamp: epoch seconds (the JSON protocols) or ISO-8601 text (Query).</summary>
    public static DateTimeOffset Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number ? FromEpochSeconds(reader.GetDouble()) : Parse(reader.GetString()!);

    public static DateTimeOffset FromEpochSeconds(double seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static double ToEpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    public static string ToIso8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// A timestamp of a JSON protocol's answer record: written as epoch seconds with the milliseconds as a fraction, by a
/// converter on the type itself, so the source generator's serialization code (which runs only for options without
/// converters) writes the whole answer. Converts both ways with <see cref="DateTimeOffset"/>.
/// </summary>
[JsonConverter(typeof(EpochTimestampConverter))]
public readonly record struct EpochTimestamp(DateTimeOffset Time)
{
    public static implicit operator EpochTimestamp(DateTimeOffset time) => new(time);

    public static implicit operator DateTimeOffset(EpochTimestamp timestamp) => timestamp.Time;

    public override string ToString() => Time.ToString("O", CultureInfo.InvariantCulture);
}

public sealed class EpochTimestampConverter : JsonConverter<EpochTimestamp>
{
    public override EpochTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Timestamps.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, EpochTimestamp value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Timestamps.ToEpochSeconds(value.Time));
}
