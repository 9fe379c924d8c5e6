using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Emulator.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Emulator.Protocol;

/// <summary>
/// The Query protocol (IAM, STS): form fields such as <c>Tags.member.1.Key</c> in, XML out, wrapped in
/// <c>&lt;OpResponse&gt;&lt;OpResult&gt;</c> with <c>ResponseMetadata/RequestId</c>; errors as <c>&lt;ErrorResponse&gt;</c>.
/// </summary>
public sealed class AwsQueryProtocol : IWireProtocol
{
    public static Dictionary<string, StringValues> ReadForm(HttpRequest request, byte[] body)
    {
        var form = QueryHelpers.ParseQuery(request.QueryString.Value);
        if (body.Length > 0)
            foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
                form[key] = value;
        return form;
    }

    public JsonObject ParseInput(HttpRequest request, byte[] body, ServiceModel model, OperationModel operation)
    {
        if (operation.InputShape is null) return new JsonObject();
        var form = ReadForm(request, body);
        return ReadStructure(model, model.Shape(operation.InputShape), "", form);
    }

    public AwsException? ProtocolViolation(IReadOnlyList<Violation> violations) => null;

    private static JsonObject ReadStructure(ServiceModel model, JsonObject shape, string prefix, Dictionary<string, StringValues> form)
    {
        var result = new JsonObject();
        foreach (var (name, reference) in shape["members"]!.AsObject())
        {
            var key = prefix + ((string?)reference!["locationName"] ?? name);
            var value = ReadValue(model, model.Target(reference), key, form);
            if (value is not null) result[name] = value;
        }
        return result;
    }

    private static JsonNode? ReadValue(ServiceModel model, JsonObject shape, string key, Dictionary<string, StringValues> form)
    {
        switch ((string)shape["type"]!)
        {
            case "structure":
                return form.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal))
                    ? ReadStructure(model, shape, key + ".", form)
                    : null;
            case "list":
                return ReadList(model, shape, key, form);
            case "map":
                return ReadMap(model, shape, key, form);
            default:
                return form.TryGetValue(key, out var raw) ? Scalar((string)shape["type"]!, raw.ToString()) : null;
        }
    }

    private static JsonArray? ReadList(ServiceModel model, JsonObject shape, string key, Dictionary<string, StringValues> form)
    {
        var flattened = (bool?)shape["flattened"] == true;
        var memberName = (string?)shape["member"]!["locationName"] ?? "member";
        var itemPrefix = flattened ? key + "." : $"{key}.{memberName}.";
        var itemShape = model.Target(shape["member"]!);
        var items = new JsonArray();
        for (var i = 1; ; i++)
        {
            var itemKey = itemPrefix + i.ToString(CultureInfo.InvariantCulture);
            var item = ReadValue(model, itemShape, itemKey, form);
            if (item is null) break;
            items.Add(item);
        }
        if (items.Count > 0) return items;
        return form.ContainsKey(key) ? items : null; // "Tags=" is how botocore sends an empty list
    }

    private static JsonObject? ReadMap(ServiceModel model, JsonObject shape, string key, Dictionary<string, StringValues> form)
    {
        var map = new JsonObject();
        for (var i = 1; ; i++)
        {
            var entry = $"{key}.entry.{i.ToString(CultureInfo.InvariantCulture)}";
            if (!form.TryGetValue(entry + ".key", out var mapKey)) break;
            map[mapKey.ToString()] = ReadValue(model, model.Target(shape["value"]!), entry + ".value", form);
        }
        return map.Count > 0 || form.ContainsKey(key) ? map : null;
    }

    /// <summary>Typed where the text parses; otherwise left a string, which the validator reports as the wrong type.</summary>
    private static JsonNode Scalar(string type, string text) => type switch
    {
        "integer" or "long" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        "double" or "float" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        "boolean" when text is "true" or "false" => JsonValue.Create(text == "true"),
        _ => JsonValue.Create(text),
    };

    public async Task WriteResult(HttpContext context, ServiceModel model, OperationModel operation, JsonNode? output, string requestId)
    {
        var xml = Document(writer =>
        {
            var ns = model.XmlNamespace;
            writer.WriteStartElement(operation.Name + "Response", ns);
            if (output is JsonObject result && operation.OutputShape is not null && operation.ResultWrapper is not null)
            {
                writer.WriteStartElement(operation.ResultWrapper, ns);
                WriteStructure(writer, model, model.Shape(operation.OutputShape), result);
                writer.WriteEndElement();
            }
            writer.WriteStartElement("ResponseMetadata", ns);
            writer.WriteElementString("RequestId", ns, requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        await Send(context, 200, xml);
    }

    public async Task WriteError(HttpContext context, ServiceModel model, AwsException error, string requestId)
    {
        var xml = Document(writer =>
        {
            var ns = model.XmlNamespace;
            writer.WriteStartElement("ErrorResponse", ns);
            writer.WriteStartElement("Error", ns);
            writer.WriteElementString("Type", ns, error.SenderFault ? "Sender" : "Receiver");
            writer.WriteElementString("Code", ns, error.Code);
            writer.WriteElementString("Message", ns, error.Message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", ns, requestId);
            writer.WriteEndElement();
        });
        await Send(context, error.Status, xml);
    }

    private static void WriteStructure(XmlWriter writer, ServiceModel model, JsonObject shape, JsonObject value)
    {
        foreach (var (name, reference) in shape["members"]!.AsObject())
        {
            if (value[name] is not JsonNode node) continue;
            WriteValue(writer, model, model.Target(reference!), (string?)reference!["locationName"] ?? name, node);
        }
    }

    private static void WriteValue(XmlWriter writer, ServiceModel model, JsonObject shape, string element, JsonNode node)
    {
        switch ((string)shape["type"]!)
        {
            case "structure":
                writer.WriteStartElement(element, model.XmlNamespace);
                WriteStructure(writer, model, shape, node.AsObject());
                writer.WriteEndElement();
                break;
            case "list":
                var itemShape = model.Target(shape["member"]!);
                var itemName = (string?)shape["member"]!["locationName"] ?? "member";
                var flattened = (bool?)shape["flattened"] == true;
                if (!flattened) writer.WriteStartElement(element, model.XmlNamespace);
                foreach (var item in node.AsArray())
                    if (item is not null) WriteValue(writer, model, itemShape, flattened ? element : itemName, item);
                if (!flattened) writer.WriteEndElement();
                break;
            case "map":
                writer.WriteStartElement(element, model.XmlNamespace);
                foreach (var (key, item) in node.AsObject())
                {
                    writer.WriteStartElement("entry", model.XmlNamespace);
                    writer.WriteElementString("key", model.XmlNamespace, key);
                    if (item is not null) WriteValue(writer, model, model.Target(shape["value"]!), "value", item);
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                break;
            case "timestamp":
                writer.WriteElementString(element, model.XmlNamespace, Timestamps.ToIso8601(Timestamps.Read(node)));
                break;
            case "boolean":
                writer.WriteElementString(element, model.XmlNamespace, (bool)node ? "true" : "false");
                break;
            default:
                writer.WriteElementString(element, model.XmlNamespace, node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString());
                break;
        }
    }

    private static string Document(Action<XmlWriter> write)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
            write(writer);
        return text.ToString();
    }

    private static async Task Send(HttpContext context, int status, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }
}
