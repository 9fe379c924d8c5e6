using System.Text.Json.Nodes;

namespace Emulator.Protocol;

/// <summary>Walks a JSON value along its shape, rewriting timestamps into a protocol's encoding; writes JSON answers.</summary>
public static class JsonShapes
{
    /// <summary>A JSON result (timestamps as epoch seconds), or an empty body for an operation without output.</summary>
    public static Task WriteResult(HttpContext context, string contentType, int status, ServiceModel model, OperationModel operation, JsonNode? output)
    {
        if (output is null || operation.Output is null)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }
        var encoded = EncodeTimestamps(operation.Output, output, t => JsonValue.Create(Timestamps.ToEpochSeconds(t)));
        return Write(context, contentType, status, encoded!);
    }

    public static async Task Write(HttpContext context, string contentType, int status, JsonNode body)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
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
