using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Emulator.Protocol;

/// <summary>Walks a JSON value along its shape, rewriting timestamps into a protocol's encoding; writes JSON answers.</summary>
public static class JsonShapes
{
    /// <summary>
    /// A JSON result (timestamps as epoch seconds), written from the typed response in one pass by the source
    /// generator's serialization code (<see cref="Services.WireJson.ForResponse"/>), or an empty body for an operation
    /// without output. Free-form <see cref="JsonNode"/> answers (identity
    /// store users) are re-encoded along the output shape.
    /// </summary>
    public static async Task WriteResult(HttpContext context, string contentType, int status, OperationModel operation, object? output, JsonTypeInfo? outputType)
    {
        if (output is null || outputType is null || operation.Output is null)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = 0;
            return;
        }
        if (output is JsonNode node)
        {
            await Write(context, contentType, status, EncodeTimestamps(operation.Output, node, t => JsonValue.Create(Timestamps.ToEpochSeconds(t)))!);
            return;
        }
        using var answer = new AnswerBuffer();
        using (var writer = new Utf8JsonWriter(answer)) JsonSerializer.Serialize(writer, output, outputType);
        await answer.Send(context, contentType, status);
    }

    public static async Task Write(HttpContext context, string contentType, int status, JsonNode body)
    {
        using var answer = new AnswerBuffer();
        using (var writer = new Utf8JsonWriter(answer)) body.WriteTo(writer);
        await answer.Send(context, contentType, status);
    }

    public static JsonNode? EncodeTimestamps(Shape shape, JsonNode? node, Func<DateTimeOffset, JsonNode> encode)
    {
        if (node is null) return null;
        switch (shape.Type)
        {
            case ShapeType.Timestamp:
                return encode(Timestamps.Read(node));
            case ShapeType.Structure when node is JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                    if (shape.MembersByName.TryGetValue(name, out var member) && NeedsWalk(member.Shape))
                        obj[name] = EncodeTimestamps(member.Shape, obj[name]?.DeepClone(), encode);
                return obj;
            case ShapeType.List when node is JsonArray array:
                if (!NeedsWalk(shape.Item!)) return array;
                return new JsonArray(array.Select(i => EncodeTimestamps(shape.Item!, i?.DeepClone(), encode)).ToArray());
            case ShapeType.Map when node is JsonObject map:
                if (!NeedsWalk(shape.MapValue!)) return map;
                foreach (var key in map.Select(p => p.Key).ToList())
                    map[key] = EncodeTimestamps(shape.MapValue!, map[key]?.DeepClone(), encode);
                return map;
            default:
                return node;
        }
    }

    private static bool NeedsWalk(Shape shape) => shape.IsContainer || shape.Type == ShapeType.Timestamp;
}
