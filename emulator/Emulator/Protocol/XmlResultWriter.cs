using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Emulator.Protocol;

/// <summary>
/// Writes a typed result record as Query-protocol XML along its output shape: element names, list wrappers and
/// timestamps (ISO-8601) come from the model, values straight from the record's properties through the service's
/// source-generated JSON metadata (<see cref="JsonTypeInfo"/> getters; no reflection, no intermediate JSON).
/// </summary>
public static class XmlResultWriter
{
    private static readonly ConcurrentDictionary<(Shape, Type, JsonSerializerOptions), (Member Member, Func<object, object?> Get)[]> Plans = new();

    private static readonly SnapshotAnswers Kept = new();

    /// <summary>
    /// The structure's members as elements. A record built once per snapshot (<see cref="ISnapshotAnswer"/>, always
    /// written along the same shape) is written once and its elements copied after that.
    /// </summary>
    public static void WriteStructure(XmlOutput writer, Shape shape, object value, JsonSerializerOptions records)
    {
        if (value is ISnapshotAnswer answer)
        {
            writer.Fragment(Kept.Get(answer, (Shape: shape, Records: records), static (kept, plan) =>
            {
                using var fragment = new AnswerBuffer();
                WriteMembers(new XmlOutput(fragment), plan.Shape, kept, plan.Records);
                return fragment.Written.ToArray();
            }));
            return;
        }
        WriteMembers(writer, shape, value, records);
    }

    private static void WriteMembers(XmlOutput writer, Shape shape, object value, JsonSerializerOptions records)
    {
        if (value is JsonObject json)
        {
            foreach (var member in shape.Members)
                if (json[member.Name] is JsonNode node) WriteValue(writer, member.Shape, member.WireName, node, records);
            return;
        }
        foreach (var (member, get) in PlanOf(shape, value.GetType(), records))
            if (get(value) is { } item)
                WriteValue(writer, member.Shape, member.WireName, item, records);
    }

    private static void WriteValue(XmlOutput writer, Shape shape, string element, object value, JsonSerializerOptions records)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                writer.StartElement(element);
                WriteStructure(writer, shape, value, records);
                writer.EndElement();
                break;
            case ShapeType.List:
                if (!shape.Flattened) writer.StartElement(element);
                foreach (var item in (IEnumerable)value)
                    if (item is not null) WriteValue(writer, shape.Item!, shape.Flattened ? element : shape.ItemName, item, records);
                if (!shape.Flattened) writer.EndElement();
                break;
            case ShapeType.Map:
                writer.StartElement(element);
                foreach (var (key, item) in Entries(value))
                {
                    writer.StartElement("entry");
                    writer.Element("key", XmlText.Safe(key));
                    if (item is not null) WriteValue(writer, shape.MapValue!, "value", item, records);
                    writer.EndElement();
                }
                writer.EndElement();
                break;
            default:
                writer.Element(element, Scalar(shape, value));
                break;
        }
    }

    private static string Scalar(Shape shape, object value) => value switch
    {
        DateTimeOffset time => Timestamps.ToIso8601(time),
        string text when shape.Type == ShapeType.Timestamp => Timestamps.ToIso8601(Timestamps.Parse(text)),
        JsonNode node when shape.Type == ShapeType.Timestamp => Timestamps.ToIso8601(Timestamps.Read(node)),
        string text => XmlText.Safe(text),
        bool flag => flag ? "true" : "false",
        JsonValue node when node.TryGetValue<string>(out var text) => XmlText.Safe(text),
        JsonValue node when node.GetValueKind() is JsonValueKind.True or JsonValueKind.False => (bool)node ? "true" : "false",
        JsonNode node => XmlText.Safe(node.ToJsonString()),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => XmlText.Safe(value.ToString() ?? ""),
    };

    private static IEnumerable<(string Key, object? Value)> Entries(object map)
    {
        if (map is JsonObject json)
        {
            foreach (var (key, item) in json) yield return (key, item);
            yield break;
        }
        foreach (DictionaryEntry entry in (IDictionary)map) yield return ((string)entry.Key, entry.Value);
    }

    /// <summary>
    /// The shape's members, in order, that the record has, each with its property's getter from the source-generated
    /// metadata; built once per shape and record type.
    /// </summary>
    private static (Member Member, Func<object, object?> Get)[] PlanOf(Shape shape, Type type, JsonSerializerOptions records) =>
        Plans.GetOrAdd((shape, type, records), static key =>
        {
            var getters = key.Item3.GetTypeInfo(key.Item2).Properties
                .Where(p => p.Get is not null)
                .ToDictionary(p => p.Name, p => p.Get!, StringComparer.Ordinal);
            return [.. key.Item1.Members.Where(m => getters.ContainsKey(m.Name)).Select(m => (m, getters[m.Name]))];
        });
}
