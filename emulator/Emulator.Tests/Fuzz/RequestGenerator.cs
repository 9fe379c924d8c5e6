using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Protocol;

namespace Emulator.Tests.Fuzz;

/// <summary>
/// Builds a request for one operation of a vendored model from a seed: members generated from the input shape
/// (mostly within the model's constraints), then, for most seeds, one mutation that makes it invalid the way
/// an adversary or a broken client would (wrong types, bad encodings, duplicated keys, control characters, huge values).
/// </summary>
public sealed class RequestGenerator(Random random, string accessKey)
{
    public static readonly string[] JsonMutations =
        ["none", "none", "wrong-type", "lone-surrogate", "invalid-utf8", "duplicate-key", "control-chars", "huge-string",
         "garbage", "truncated", "deep-nesting", "big-number", "null-members", "not-an-object", "empty-body"];

    public static readonly string[] QueryMutations =
        ["none", "none", "wrong-type", "control-chars", "huge-string", "bad-percent", "many-members", "no-action", "garbage", "invalid-utf8"];

    public FuzzRequest Build(ServiceModel model, string operationName)
    {
        var operation = model.Operation(operationName)!;
        var shape = operation.Input;
        return model.Protocol switch
        {
            "json" => Json(model, operation, shape),
            "rest-json" => RestJson(model, operation, shape),
            _ => Query(model, operation, shape),
        };
    }

    // ---- values from shapes ----------------------------------------------------------------------------------------

    private JsonNode? Value(Shape shape, int depth)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                var obj = new JsonObject();
                if (depth > 4) return obj;
                foreach (var member in shape.Members)
                    if (shape.Required.Contains(member.Name) || random.Next(3) == 0)
                        obj[member.Name] = Value(member.Shape, depth + 1);
                return obj;
            case ShapeType.List:
                var list = new JsonArray();
                if (depth <= 4)
                    for (var i = random.Next(4); i > 0; i--) list.Add(Value(shape.Item!, depth + 1));
                return list;
            case ShapeType.Map:
                var map = new JsonObject();
                if (depth <= 4)
                    for (var i = random.Next(3); i > 0; i--) map[Text(1, 12)] = Value(shape.MapValue!, depth + 1);
                return map;
            case ShapeType.String:
                if (shape.Enum is { } values && random.Next(5) > 0) return values[random.Next(values.Count)];
                var min = (int)(shape.Min ?? 0);
                var max = (int)Math.Min(shape.Max ?? 40, 40);
                return Text(min, Math.Max(min, max));
            case ShapeType.Integer or ShapeType.Long:
                var low = shape.Min ?? 0;
                var high = Math.Min(shape.Max ?? 1000, low + 1000);
                return random.NextInt64(low, high + 1);
            case ShapeType.Double or ShapeType.Float:
                return random.NextDouble() * 100;
            case ShapeType.Boolean:
                return random.Next(2) == 0;
            case ShapeType.Timestamp:
                return 1_700_000_000 + random.Next(100_000_000);
            default:
                return Text(1, 10);
        }
    }

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/@+=, ";

    private string Text(int min, int max)
    {
        var length = random.Next(min, max + 1);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) text.Append(Alphabet[random.Next(Alphabet.Length)]);
        return text.ToString();
    }

    private string Pick(string[] options) => options[random.Next(options.Length)];

    // ---- awsJson1_1 ------------------------------------------------------------------------------------------------

    private FuzzRequest Json(ServiceModel model, OperationModel operation, Shape? shape)
    {
        var input = shape is null ? new JsonObject() : (JsonObject)Value(shape, 0)!;
        var mutation = Pick(JsonMutations);
        var body = MutateJson(input, mutation);
        return new FuzzRequest(model.Name, operation.Name, mutation, "POST", "/",
            [("X-Amz-Target", $"{model.TargetPrefix}.{operation.Name}"), Authorization(model)], "application/x-amz-json-1.1", body);
    }

    private byte[] MutateJson(JsonObject input, string mutation)
    {
        var first = input.FirstOrDefault().Key ?? "Member";
        switch (mutation)
        {
            case "wrong-type":
                input[first] = random.Next(4) switch { 0 => JsonValue.Create(42), 1 => "text", 2 => new JsonArray(1, 2), _ => new JsonObject { ["x"] = true } };
                break;
            case "lone-surrogate":
                return Replace(input, first, "\"ab\\ud800cd\"");
            case "invalid-utf8":
                input[first] = "MARK";
                var bytes = Encoding.UTF8.GetBytes(input.ToJsonString()).ToList();
                var at = IndexOf(bytes, "MARK"u8.ToArray());
                bytes.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80 });
                return [.. bytes];
            case "duplicate-key":
                var text = input.ToJsonString();
                return Encoding.UTF8.GetBytes($"{{\"{first}\":\"a\",\"{first}\":\"b\"" + (text.Length > 2 ? "," + text[1..] : "}"));
            case "control-chars":
                input[first] = "a\u0001b\u0000c\u001f\u007f\ufffe";
                break;
            case "huge-string":
                input[first] = new string('x', 2_000 + random.Next(30_000));
                break;
            case "garbage":
                var garbage = new byte[random.Next(1, 200)];
                random.NextBytes(garbage);
                return garbage;
            case "truncated":
                var full = input.ToJsonString();
                return Encoding.UTF8.GetBytes(full[..random.Next(full.Length)]);
            case "deep-nesting":
                var depth = 70 + random.Next(200);
                return Encoding.UTF8.GetBytes($"{{\"{first}\":" + new string('[', depth) + new string(']', depth) + "}");
            case "big-number":
                return Replace(input, first, random.Next(3) switch { 0 => "1e400", 1 => "-99999999999999999999999", _ => "1.5" });
            case "null-members":
                foreach (var key in input.Select(p => p.Key).ToList()) input[key] = null;
                break;
            case "not-an-object":
                return Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "[1,2,3]" : "\"text\"");
            case "empty-body":
                return [];
        }
        return Encoding.UTF8.GetBytes(input.ToJsonString());
    }

    private static byte[] Replace(JsonObject input, string member, string rawJson)
    {
        input[member] = "MARK-7f3a";
        return Encoding.UTF8.GetBytes(input.ToJsonString().Replace("\"MARK-7f3a\"", rawJson));
    }

    private static int IndexOf(List<byte> bytes, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= bytes.Count; i++)
            if (bytes.Skip(i).Take(needle.Length).SequenceEqual(needle)) return i;
        return 0;
    }

    private (string, string) Authorization(ServiceModel model) =>
        ("Authorization", $"AWS4-HMAC-SHA256 Credential={accessKey}/20260101/us-east-1/{model.SigningName}/aws4_request, SignedHeaders=host, Signature=0");

    // ---- restJson1 -------------------------------------------------------------------------------------------------

    private FuzzRequest RestJson(ServiceModel model, OperationModel operation, Shape? shape)
    {
        var input = shape is null ? new JsonObject() : (JsonObject)Value(shape, 0)!;
        var query = new List<string>();
        var headers = new List<(string, string)>();
        var body = new JsonObject();
        foreach (var (name, value) in input)
        {
            var member = shape!.MembersByName[name];
            var wire = member.WireName;
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            switch (member.Location)
            {
                case "querystring": query.Add($"{Uri.EscapeDataString(wire)}={Uri.EscapeDataString(text)}"); break;
                case "header": headers.Add((wire, new string(text.Where(c => c is >= ' ' and < '\x7f').ToArray()))); break;
                default: body[wire] = value?.DeepClone(); break;
            }
        }
        var mutation = Pick(JsonMutations);
        var parts = operation.RequestUri.Split('?', 2);
        var marker = parts.Length > 1 ? parts[1] : null;
        var method = operation.HttpMethod;
        var path = parts[0];
        if (random.Next(12) == 0) { path += "/unknown"; mutation = "unknown-path"; }
        else if (random.Next(12) == 0) { method = method == "GET" ? "DELETE" : "PUT"; mutation = "unknown-method"; }
        var queryString = string.Join('&', new[] { marker }.Concat(query).Where(q => q is not null));
        if (mutation == "control-chars" && random.Next(2) == 0) queryString += (queryString.Length > 0 ? "&" : "") + "account_id=%01%00%FF";
        var bytes = method == "GET" && mutation is "none" or "unknown-method" ? [] : MutateJson(body, mutation);
        return new FuzzRequest(model.Name, operation.Name, mutation, method, path + (queryString.Length > 0 ? "?" + queryString : ""),
            operation.IsUnsigned ? headers : [.. headers, Authorization(model)], bytes.Length > 0 ? "application/json" : null, bytes);
    }

    // ---- Query -----------------------------------------------------------------------------------------------------

    private FuzzRequest Query(ServiceModel model, OperationModel operation, Shape? shape)
    {
        var fields = new List<(string Key, string Value)> { ("Action", operation.Name), ("Version", model.ApiVersion) };
        if (shape is not null) Flatten(shape, (JsonObject)Value(shape, 0)!, "", fields);
        var mutation = Pick(QueryMutations);
        var target = fields.Count > 2 ? random.Next(2, fields.Count) : -1;
        switch (mutation)
        {
            case "wrong-type" when target > 0: fields[target] = (fields[target].Key, random.Next(2) == 0 ? "not-a-number" : "maybe"); break;
            case "control-chars" when target > 0: fields[target] = (fields[target].Key, "a\u0001b\u0000c\u001f\ufffe"); break;
            case "huge-string" when target > 0: fields[target] = (fields[target].Key, new string('y', 2_000 + random.Next(30_000))); break;
            case "many-members":
                for (var i = 1; i <= 200 + random.Next(3_000); i++) fields.Add(($"Tags.member.{i}.Key", "k" + i));
                break;
            case "no-action": fields.RemoveAt(0); break;
        }
        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        byte[] bytes = mutation switch
        {
            "bad-percent" => Encoding.UTF8.GetBytes(body + "&RoleName=%FF%FE%ZZ%&Description=%E2%82"),
            "invalid-utf8" => [.. Encoding.UTF8.GetBytes(body + "&RoleName="), 0xC3, 0x28, 0xFF],
            "garbage" => RandomBytes(),
            _ => Encoding.UTF8.GetBytes(body),
        };
        return new FuzzRequest(model.Name, operation.Name, mutation, "POST", "/", [Authorization(model)],
            "application/x-www-form-urlencoded; charset=utf-8", bytes);
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(1, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void Flatten(Shape shape, JsonObject value, string prefix, List<(string, string)> fields)
    {
        foreach (var (name, node) in value)
        {
            var member = shape.MembersByName[name];
            FlattenValue(member.Shape, node, prefix + member.WireName, fields);
        }
    }

    private static void FlattenValue(Shape shape, JsonNode? node, string key, List<(string, string)> fields)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure when node is JsonObject obj:
                Flatten(shape, obj, key + ".", fields);
                break;
            case ShapeType.List when node is JsonArray list:
                if (list.Count == 0) fields.Add((key, ""));
                for (var i = 0; i < list.Count; i++)
                    FlattenValue(shape.Item!, list[i], $"{key}.{shape.ItemName}.{i + 1}", fields);
                break;
            case ShapeType.Map when node is JsonObject map:
                var n = 0;
                foreach (var (k, v) in map)
                {
                    n++;
                    fields.Add(($"{key}.entry.{n}.key", k));
                    FlattenValue(shape.MapValue!, v, $"{key}.entry.{n}.value", fields);
                }
                break;
            case ShapeType.Timestamp when node is not null:
                fields.Add((key, DateTimeOffset.FromUnixTimeSeconds((long)node).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
                break;
            default:
                if (node is not null) fields.Add((key, node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString().ToLowerInvariant()));
                break;
        }
    }
}
