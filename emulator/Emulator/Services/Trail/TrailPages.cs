using JsonSerializer = System.Text.Json.JsonSerializer;
using System.Text.Json.Serialization;
using LiteDB;

namespace Emulator.Services.Trail;

/// <summary>
/// The trail's durable form: LiteDB documents ("pages") of up to <see cref="PageSize"/> events each, keyed by the first
/// event's sequence (19 digits, so ids sort in recording order), the events held in <see cref="TrailPageCodec"/>'s
/// compact binary (<c>packed</c>). One commit saves its events as one page (or a few), so a burst of reads costs one
/// document and one pass over its events, not a document per event. Pages saved before it hold the events as one UTF-8
/// JSON array (<c>events</c>, written by source-generated code) and are still read.
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
        ["packed"] = TrailPageCodec.Write(events),
    };

    public static IReadOnlyList<TrailEntry> Entries(BsonDocument page) =>
        page["packed"] is { IsBinary: true } packed ? TrailPageCodec.Read(packed.AsBinary)
        : page["events"] is { IsBinary: true } events ? JsonSerializer.Deserialize(events.AsBinary, TrailPageJson.Default.IReadOnlyListTrailEntry) ?? []
        : [];
}

/// <summary>How a page's events were written before <see cref="TrailPageCodec"/> (still read): names as declared, nulls and defaults left out, principal kinds by name.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<TrailEntry>))]
internal sealed partial class TrailPageJson : JsonSerializerContext;
