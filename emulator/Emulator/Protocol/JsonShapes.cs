using System.Text.Json.Nodes;

namespace Emulator.Protocol;

/// <summary>Walks a JSON value along its shape, rewriting timestamps into a protocol's encoding; writes JSON answers.</summary>
public static class JsonShapes
{
    /// <summary>A JSON result (timestamps as epoch seconds), or an empty body for an operation without output.</summary>
    public static Task WriteResult(HttpContext context, string contentType, int status, ServiceModel model, OperationModel operation, JsonNode? output)
    {
        if (output is null || operation.OutputShape is null)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }
        var encoded = EncodeTimestamps(model, model.Shape(operation.OutputShape), output, t => JsonValue.Create(Timestamps.ToEpochSeconds(t)));
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

    public static JsonNode? EncodeTimestamps(ServiceModel model, JsonObject shape, JsonNode? node, Func<DateTimeOffset, JsonNode> encode)
    {
        if (node is null) return null;
        switch ((string)shape["type"]!)
        {
            case "timestamp":
                return encode(Timestamps.Read(node));
            case "structure" when node is JsonObject obj:
                var members = shape["members"]!.AsObject();
                foreach (var name in obj.Select(p => p.Key).ToList())
                    if (members[name] is JsonNode reference && NeedsWalk(model, model.Target(reference)))
                        obj[name] = EncodeTimestamps(model, model.Target(reference), obj[name]?.DeepClone(), encode);
                return obj;
            case "list" when node is JsonArray array:
                var item = model.Target(shape["member"]!);
                if (!NeedsWalk(model, item)) return array;
                return new JsonArray(array.Select(i => EncodeTimestamps(model, item, i?.DeepClone(), encode)).ToArray());
            case "map" when node is JsonObject map:
                var value = model.Target(shape["value"]!);
                if (!NeedsWalk(model, value)) return map;
                foreach (var key in map.Select(p => p.Key).ToList())
                    map[key] = EncodeTimestamps(model, value, map[key]?.DeepClone(), encode);
                return map;
            default:
                return node;
        }
    }

    private static bool NeedsWalk(ServiceModel model, JsonObject shape) =>
        (string)shape["type"]! is "timestamp" or "structure" or "list" or "map";
}
