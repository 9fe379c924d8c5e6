using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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

    public JsonDocument ParseInput(HttpRequest request, byte[] body, ServiceModel model, OperationModel operation) =>
        operation.Input is null ? JsonInput.Empty() : QueryMembers.Read(operation.Input, FormOf(request, body));

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

    public async Task WriteResult(HttpContext context, ServiceModel model, OperationModel operation, object? output, JsonTypeInfo? outputType, string requestId)
    {
        var xml = Document(writer =>
        {
            var ns = model.XmlNamespace;
            writer.WriteStartElement(operation.Name + "Response", ns);
            if (output is not null && outputType is not null && operation.Output is not null && operation.ResultWrapper is not null)
            {
                writer.WriteStartElement(operation.ResultWrapper, ns);
                XmlResultWriter.WriteStructure(writer, ns, operation.Output, output, outputType.Options);
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

    private static readonly XmlWriterSettings Settings = new() { OmitXmlDeclaration = true, Indent = false, Encoding = new UTF8Encoding(false) };

    /// <summary>The document as UTF-8, written once into one buffer.</summary>
    private static MemoryStream Document(Action<XmlWriter> write)
    {
        var bytes = new MemoryStream(1024);
        using (var writer = XmlWriter.Create(bytes, Settings))
            write(writer);
        return bytes;
    }

    private static async Task Send(HttpContext context, int status, MemoryStream xml)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        context.Response.ContentLength = xml.Length;
        await context.Response.Body.WriteAsync(xml.GetBuffer().AsMemory(0, (int)xml.Length));
    }
}
