using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Emulator.Protocol;

/// <summary>
/// A Query form's fields (<c>Tags.member.1.Key</c>) as the input shape's members: written once, along the shape, into
/// a JSON object of model member names that validation reads and the typed request is bound from.
/// </summary>
public static class QueryMembers
{
    public static JsonDocument Read(Shape input, QueryForm form)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
            WriteStructure(writer, input, "", form);
        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static void WriteStructure(Utf8JsonWriter writer, Shape shape, string prefix, QueryForm form)
    {
        writer.WriteStartObject();
        foreach (var member in shape.Members)
            if (Has(member.Shape, prefix + member.WireName, form))
            {
                writer.WritePropertyName(member.Name);
                WriteValue(writer, member.Shape, prefix + member.WireName, form);
            }
        writer.WriteEndObject();
    }

    /// <summary>Whether the form holds the value at <paramref name="key"/> ("Tags=" is how botocore sends an empty list).</summary>
    private static bool Has(Shape shape, string key, QueryForm form) => shape.Type switch
    {
        ShapeType.Structure => form.HasMembersUnder(key),
        ShapeType.List => form.Has(key) || Has(shape.Item!, ItemPrefix(shape, key) + "1", form),
        ShapeType.Map => form.Has(key) || form.Has($"{key}.entry.1.key"),
        _ => form.Has(key),
    };

    private static string ItemPrefix(Shape list, string key) => list.Flattened ? key + "." : $"{key}.{list.ItemName}.";

    private static void WriteValue(Utf8JsonWriter writer, Shape shape, string key, QueryForm form)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(writer, shape, key + ".", form);
                break;
            case ShapeType.List:
                var itemPrefix = ItemPrefix(shape, key);
                writer.WriteStartArray();
                for (var i = 1; Has(shape.Item!, itemPrefix + Index(i), form); i++)
                    WriteValue(writer, shape.Item!, itemPrefix + Index(i), form);
                writer.WriteEndArray();
                break;
            case ShapeType.Map:
                writer.WriteStartObject();
                for (var i = 1; form[$"{key}.entry.{Index(i)}.key"] is { } mapKey; i++)
                {
                    var value = $"{key}.entry.{Index(i)}.value";
                    writer.WritePropertyName(mapKey);
                    if (Has(shape.MapValue!, value, form)) WriteValue(writer, shape.MapValue!, value, form);
                    else writer.WriteNullValue();
                }
                writer.WriteEndObject();
                break;
            default:
                WriteScalar(writer, shape.Type, form[key]!);
                break;
        }
    }

    /// <summary>Typed where the text parses; otherwise left a string, which the validator reports as the wrong type.</summary>
    private static void WriteScalar(Utf8JsonWriter writer, ShapeType type, string text)
    {
        if (type is ShapeType.Integer or ShapeType.Long && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) writer.WriteNumberValue(n);
        else if (type is ShapeType.Double or ShapeType.Float && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) writer.WriteNumberValue(d);
        else if (type is ShapeType.Boolean && text is "true" or "false") writer.WriteBooleanValue(text == "true");
        else writer.WriteStringValue(text);
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
