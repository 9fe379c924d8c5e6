using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Emulator.Core;

namespace Emulator.Protocol;

/// <summary>
/// The Query protocol (IAM, STS): form fields such as <c>Tags.member.1.Key</c> in, XML out, wrapped in
/// <c>&lt;OpResponse&gt;&lt;OpResult&gt;</c> with <c>ResponseMetadata/RequestId</c>; errors as <c>&lt;ErrorResponse&gt;</c>.
/// </summary>
public sealed class AwsQueryProtocol : IWireProtocol
{
    /// <summary>The form the routing step read, or a fresh read.</summary>
    public static QueryForm FormOf(HttpRequest request, byte[] body) =>
        request.HttpContext.Features.Get<QueryForm>() ?? QueryForm.Read(request, body);

    public JsonObject ParseInput(HttpRequest request, byte[] body, ServiceModel model, OperationModel operation) =>
        operation.Input is null ? new JsonObject() : ReadStructure(operation.Input, "", FormOf(request, body));

    public AwsException? ProtocolViolation(IReadOnlyList<Violation> violations) => null;

    public AwsException UnknownOperation(ServiceModel model, string operation) =>
        new("InvalidAction", $"Could not find operation {Shown.Bounded(operation)} for version {model.ApiVersion}");

    public AwsException MissingAuthentication() => new("MissingAuthenticationToken", "Request is missing Authentication Token", 403);

    public AwsException ExpiredToken() => new("ExpiredToken", "The security token included in the request is expired");

    public AwsException Malformed(string message, int status) =>
        status == 413 ? ProtocolErrors.TooLarge() : status == 403 ? new("AccessDenied", message, 403) : new("MalformedQueryString", message, status);

    /// <summary>A request that names no operation at all.</summary>
    public static AwsException MissingAction() =>
        new("MissingAction", "The request must name an operation: the X-Amz-Target header (JSON services) or the Action parameter (IAM, STS).");

    private static JsonObject ReadStructure(Shape shape, string prefix, QueryForm form)
    {
        var result = new JsonObject();
        foreach (var member in shape.Members)
            if (ReadValue(member.Shape, prefix + member.WireName, form) is { } value) result[member.Name] = value;
        return result;
    }

    private static JsonNode? ReadValue(Shape shape, string key, QueryForm form) => shape.Type switch
    {
        ShapeType.Structure => form.HasMembersUnder(key) ? ReadStructure(shape, key + ".", form) : null,
        ShapeType.List => ReadList(shape, key, form),
        ShapeType.Map => ReadMap(shape, key, form),
        _ => form[key] is { } raw ? Scalar(shape.Type, raw) : null,
    };

    private static JsonArray? ReadList(Shape shape, string key, QueryForm form)
    {
        var itemPrefix = shape.Flattened ? key + "." : $"{key}.{shape.ItemName}.";
        var items = new JsonArray();
        for (var i = 1; ; i++)
        {
            var item = ReadValue(shape.Item!, itemPrefix + i.ToString(CultureInfo.InvariantCulture), form);
            if (item is null) break;
            items.Add(item);
        }
        if (items.Count > 0) return items;
        return form.Has(key) ? items : null; // "Tags=" is how botocore sends an empty list
    }

    private static JsonObject? ReadMap(Shape shape, string key, QueryForm form)
    {
        var map = new JsonObject();
        for (var i = 1; ; i++)
        {
            var entry = $"{key}.entry.{i.ToString(CultureInfo.InvariantCulture)}";
            if (form[entry + ".key"] is not { } mapKey) break;
            map[mapKey] = ReadValue(shape.MapValue!, entry + ".value", form);
        }
        return map.Count > 0 || form.Has(key) ? map : null;
    }

    /// <summary>Typed where the text parses; otherwise left a string, which the validator reports as the wrong type.</summary>
    private static JsonNode Scalar(ShapeType type, string text) => type switch
    {
        ShapeType.Integer or ShapeType.Long when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        ShapeType.Double or ShapeType.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        ShapeType.Boolean when text is "true" or "false" => JsonValue.Create(text == "true"),
        _ => JsonValue.Create(text),
    };

    public async Task WriteResult(HttpContext context, ServiceModel model, OperationModel operation, JsonNode? output, string requestId)
    {
        var xml = Document(writer =>
        {
            var ns = model.XmlNamespace;
            writer.WriteStartElement(operation.Name + "Response", ns);
            if (output is JsonObject result && operation.Output is not null && operation.ResultWrapper is not null)
            {
                writer.WriteStartElement(operation.ResultWrapper, ns);
                WriteStructure(writer, model, operation.Output, result);
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
            writer.WriteElementString("Code", ns, XmlText.Safe(error.Code));
            writer.WriteElementString("Message", ns, XmlText.Safe(error.Message));
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", ns, requestId);
            writer.WriteEndElement();
        });
        await Send(context, error.Status, xml);
    }

    private static void WriteStructure(XmlWriter writer, ServiceModel model, Shape shape, JsonObject value)
    {
        foreach (var member in shape.Members)
            if (value[member.Name] is JsonNode node) WriteValue(writer, model, member.Shape, member.WireName, node);
    }

    private static void WriteValue(XmlWriter writer, ServiceModel model, Shape shape, string element, JsonNode node)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                writer.WriteStartElement(element, model.XmlNamespace);
                WriteStructure(writer, model, shape, node.AsObject());
                writer.WriteEndElement();
                break;
            case ShapeType.List:
                if (!shape.Flattened) writer.WriteStartElement(element, model.XmlNamespace);
                foreach (var item in node.AsArray())
                    if (item is not null) WriteValue(writer, model, shape.Item!, shape.Flattened ? element : shape.ItemName, item);
                if (!shape.Flattened) writer.WriteEndElement();
                break;
            case ShapeType.Map:
                writer.WriteStartElement(element, model.XmlNamespace);
                foreach (var (key, item) in node.AsObject())
                {
                    writer.WriteStartElement("entry", model.XmlNamespace);
                    writer.WriteElementString("key", model.XmlNamespace, XmlText.Safe(key));
                    if (item is not null) WriteValue(writer, model, shape.MapValue!, "value", item);
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                break;
            case ShapeType.Timestamp:
                writer.WriteElementString(element, model.XmlNamespace, Timestamps.ToIso8601(Timestamps.Read(node)));
                break;
            case ShapeType.Boolean:
                writer.WriteElementString(element, model.XmlNamespace, (bool)node ? "true" : "false");
                break;
            default:
                writer.WriteElementString(element, model.XmlNamespace, XmlText.Safe(node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString()));
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
