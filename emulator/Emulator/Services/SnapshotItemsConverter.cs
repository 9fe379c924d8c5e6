using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Emulator.Services;

/// <summary>
/// A list of answer records that reads build once per snapshot (<see cref="State.SnapshotMemo{TKey,TValue}"/>, e.g.
/// Organizations's <c>Account</c>): each item's JSON is written once by its generated serializer and kept beside the
/// item (a weak table, so the bytes go when the item does — with its snapshot), then copied raw into every page that
/// lists it. Put on a response property: <c>[property: JsonConverter(typeof(SnapshotItemsConverter&lt;T&gt;))]</c>.
/// </summary>
public sealed class SnapshotItemsConverter<T> : JsonConverter<IReadOnlyList<T>> where T : class
{
    private static readonly ConditionalWeakTable<T, byte[]> Written = new();

    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"Expected a list of {typeof(T).Name}.");
        var itemType = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(JsonSerializer.Deserialize(ref reader, itemType)!);
        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> items, JsonSerializerOptions options)
    {
        var itemType = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in items)
        {
            if (item is null)
            {
                writer.WriteNullValue();
                continue;
            }
            if (!Written.TryGetValue(item, out var json))
            {
                json = JsonSerializer.SerializeToUtf8Bytes(item, itemType);
                Written.TryAdd(item, json);
            }
            writer.WriteRawValue(json, skipInputValidation: true);
        }
        writer.WriteEndArray();
    }
}
