using System.Buffers.Text;
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
    /// <summary>Below this many milliseconds (year 5138) the seconds have at most 14 digits and are written as plain decimals.</summary>
    private const long PlainBelow = 100_000_000_000_000;

    public override EpochTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Timestamps.Read(ref reader);

    /// <summary>
    /// The text <see cref="Utf8JsonWriter.WriteNumberValue(double)"/> writes for <see cref="Timestamps.ToEpochSeconds"/>
    /// (the shortest decimal that reads back: whole seconds, a point and the milliseconds without trailing zeros),
    /// composed from the integer milliseconds instead of formatting a double.
    /// </summary>
    public override void Write(Utf8JsonWriter writer, EpochTimestamp value, JsonSerializerOptions options)
    {
        var milliseconds = value.Time.ToUnixTimeMilliseconds();
        if (milliseconds is < 0 or >= PlainBelow)
        {
            writer.WriteNumberValue(Timestamps.ToEpochSeconds(value.Time));
            return;
        }
        Span<byte> text = stackalloc byte[20];
        Utf8Formatter.TryFormat(milliseconds / 1000, text, out var length);
        var fraction = (int)(milliseconds % 1000);
        if (fraction != 0)
        {
            text[length++] = (byte)'.';
            for (var unit = 100; fraction != 0; unit /= 10)
            {
                text[length++] = (byte)('0' + fraction / unit);
                fraction %= unit;
            }
        }
        writer.WriteRawValue(text[..length], skipInputValidation: true);
    }
}
