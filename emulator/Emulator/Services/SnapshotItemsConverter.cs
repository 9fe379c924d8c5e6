using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Emulator.Protocol;

namespace Emulator.Services;

/// <summary>
/// A list of answer records that reads build once per snapshot (<see cref="ISnapshotAnswer"/>, e.g. Organizations's
/// <c>Account</c>): each item's JSON is written once by its generated serializer and kept with the item
/// (<see cref="SnapshotAnswers"/>), then copied raw into every page that lists it. Put on a response property:
/// <c>[property: JsonConverter(typeof(SnapshotItemsConverter&lt;T&gt;))]</c>.
/// </summary>
public sealed class SnapshotItemsConverter<T> : JsonConverter<IReadOnlyList<T>> where T : class, ISnapshotAnswer
{
    private static readonly SnapshotAnswers Written = new();

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
            var json = Written.Get(item, itemType, static (answer, type) => JsonSerializer.SerializeToUtf8Bytes((T)answer, type));
            writer.WriteRawValue(json, skipInputValidation: true);
        }
        writer.WriteEndArray();
    }
}
