using System.Text.Json.Nodes;

namespace Emulator.Protocol;

/// <summary>Walks a JSON value along its shape, rewriting timestamps into a protocol's encoding.</summary>
public static class JsonShapes
{
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
