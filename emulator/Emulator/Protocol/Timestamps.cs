using System.Globalization;
using System.Text.Json.Nodes;

namespace Emulator.Protocol;

/// <summary>Timestamp encodings per protocol: epoch seconds in JSON, ISO-8601 in XML.</summary>
public static class Timestamps
{
    public static DateTimeOffset Read(JsonNode node) =>
        node is JsonValue v && v.TryGetValue<double>(out var seconds) ? FromEpochSeconds(seconds) : Parse((string)node!);

    public static DateTimeOffset FromEpochSeconds(double seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static double ToEpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    public static string ToIso8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
