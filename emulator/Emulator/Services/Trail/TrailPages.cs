using JsonSerializer = System.Text.Json.JsonSerializer;
using System.Text.Json.Serialization;
using LiteDB;

namespace Emulator.Services.Trail;

/// <summary>
/// The trail's durable form: LiteDB documents ("pages") of up to <see cref="PageSize"/> events each, keyed by the first
/// event's sequence (19 digits, so ids sort in recording order), the events held as one UTF-8 JSON array written by
/// source-generated code. One commit saves its events as one page (or a few), so a burst of reads costs one document
/// and one serialization pass, not a document per event.
/// </summary>
public static class TrailPages
{
    public const string Collection = "trail";
    public const int PageSize = 1000;

    public static string Key(long sequence) => sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static BsonDocument Page(IReadOnlyList<TrailEntry> events) => new()
    {
        ["_id"] = Key(events[0].Sequence),
        ["count"] = events.Count,
        ["events"] = JsonSerializer.SerializeToUtf8Bytes(events, TrailPageJson.Default.IReadOnlyListTrailEntry),
    };

    public static IReadOnlyList<TrailEntry> Entries(BsonDocument page) =>
        page["events"] is { IsBinary: true } events ? JsonSerializer.Deserialize(events.AsBinary, TrailPageJson.Default.IReadOnlyListTrailEntry) ?? [] : [];
}

/// <summary>How a page's events are written: names as declared, nulls and defaults left out, principal kinds by name.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<TrailEntry>))]
internal sealed partial class TrailPageJson : JsonSerializerContext;
