using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Emulator.Core;

namespace Emulator.Protocol;

/// <summary>
/// The Query protocol (IAM, STS): form fields such as <c>Tags.member.1.Key</c> in, XML out, wrapped in
/// <c>&lt;OpResponse&gt;&lt;OpResult&gt;</c> with <c>ResponseMetadata/RequestId</c>; errors as <c>&lt;ErrorResponse&gt;</c>.
/// </summary>
public sealed class AwsQueryProtocol : IWireProtocol
{
    public const string ContentType = "text/xml";

    /// <summary>The form the routing step read, or a fresh read.</summary>
    public static QueryForm FormOf(HttpRequest request, byte[] body) =>
        request.HttpContext.Features.Get<QueryForm>() ?? QueryForm.Read(request, body);

    public JsonDocument ParseInput(HttpRequest request, byte[] body, ServiceModel model, OperationModel operation) =>
        operation.Input is null ? JsonInput.Empty() : QueryMembers.Read(operation.Input, FormOf(request, body));

    public AwsException? ProtocolViolation(IReadOnlyList<Violation> violations) => null;

    public AwsException UnknownOperation(ServiceModel model, string operation) =>
        new("InvalidAction", $"Could not find operation {Shown.Bounded(operation)} for version {model.ApiVersion}");

    public AwsException MissingAuthentication() => new("MissingAuthenticationToken", "Request is missing Authentication Token", 403);

    public AwsException Malformed(string message, int status) =>
        status == 413 ? ProtocolErrors.TooLarge() : status == 403 ? new("AccessDenied", message, 403) : new("MalformedQueryString", message, status);

    /// <summary>A request that names no operation at all.</summary>
    public static AwsException MissingAction() =>
        new("MissingAction", "The request must name an operation: the X-Amz-Target header (JSON services) or the Action parameter (IAM, STS).");

    public async Task WriteResult(HttpContext context, ServiceModel model, OperationModel operation, object? output, JsonTypeInfo? outputType, string requestId)
    {
        using var answer = new AnswerBuffer();
        var xml = new XmlOutput(answer);
        xml.StartElement(operation.ResponseElement, model.XmlNamespace);
        if (output is not null && outputType is not null && operation.Output is not null && operation.ResultWrapper is not null)
        {
            xml.StartElement(operation.ResultWrapper);
            XmlResultWriter.WriteStructure(xml, operation.Output, output, outputType.Options);
            xml.EndElement();
        }
        xml.StartElement("ResponseMetadata");
        xml.Element("RequestId", requestId);
        xml.EndElement();
        xml.EndElement();
        await answer.Send(context, ContentType, 200);
    }

    public async Task WriteError(HttpContext context, ServiceModel model, AwsException error, string requestId)
    {
        using var answer = new AnswerBuffer();
        var xml = new XmlOutput(answer);
        xml.StartElement("ErrorResponse", model.XmlNamespace);
        xml.StartElement("Error");
        xml.Element("Type", error.SenderFault ? "Sender" : "Receiver");
        xml.Element("Code", XmlText.Safe(error.Code));
        xml.Element("Message", XmlText.Safe(error.Message));
        xml.EndElement();
        xml.Element("RequestId", requestId);
        xml.EndElement();
        await answer.Send(context, ContentType, error.Status);
    }
}
