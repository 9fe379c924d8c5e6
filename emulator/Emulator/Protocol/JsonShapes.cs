using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Emulator.Protocol;

/// <summary>Walks a JSON value along its shape, rewriting timestamps into a protocol's encoding; writes JSON answers.</summary>
public static class JsonShapes
{
    /// <summary>
    /// A JSON result (timestamps as epoch seconds), serialized from the typed response by its generated metadata in
    /// one pass, or an empty body for an operation without output. Free-form <see cref="JsonNode"/> answers (identity
    /// store users) are re-encoded along the output shape.
    /// </summary>
    public static Task WriteResult(HttpContext context, string contentType, int status, OperationModel operation, object? output, JsonTypeInfo? outputType)
    {
        if (output is null || outputType is null || operation.Output is null)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }
        if (output is JsonNode node)
            return Write(context, contentType, status, EncodeTimestamps(operation.Output, node, t => JsonValue.Create(Timestamps.ToEpochSeconds(t)))!);
        return Send(context, contentType, status, JsonSerializer.SerializeToUtf8Bytes(output, outputType));
    }

    public static Task Write(HttpContext context, string contentType, int status, JsonNode body) =>
        Send(context, contentType, status, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));

    private static async Task Send(HttpContext context, string contentType, int status, byte[] bytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
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
