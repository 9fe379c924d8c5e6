using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Emulator.Core;

namespace Emulator.Protocol;

/// <summary>awsJson1_1: the operation comes from X-Amz-Target, members are a JSON object, timestamps are epoch seconds.</summary>
public sealed class AwsJsonProtocol : IWireProtocol
{
    public const string ContentType = "application/x-amz-json-1.1";

    public JsonDocument ParseInput(HttpRequest request, byte[] body, ServiceModel model, OperationModel operation)
    {
        var json = JsonInput.Parse(body, out var problem);
        return problem is null ? json ?? JsonInput.Empty() : throw Serialization(problem);
    }

    public AwsException? ProtocolViolation(IReadOnlyList<Violation> violations) =>
        violations.FirstOrDefault(v => v.Kind == ViolationKind.WrongType) is { } wrong
            ? Serialization(wrong.Text)
            : null;

    public Task WriteResult(HttpContext context, ServiceModel model, OperationModel operation, object? output, JsonTypeInfo? outputType, string requestId) =>
        JsonShapes.WriteResult(context, ContentType, 200, operation, output, outputType);

    public Task WriteError(HttpContext context, ServiceModel model, AwsException error, string requestId)
    {
        var body = new JsonObject { ["__type"] = error.Code, ["Message"] = error.Message };
        foreach (var (name, value) in error.Fields) body[name] = value;
        if (model.ErrorShape(error.Code)?.MembersByName.ContainsKey("RequestId") == true) body["RequestId"] = requestId;
        context.Response.Headers["x-amzn-ErrorType"] = error.Code;
        return JsonShapes.Write(context, ContentType, error.Status, body);
    }

    public static AwsException Serialization(string message) => new("SerializationException", message);

    public AwsException UnknownOperation(ServiceModel model, string operation) =>
        new("UnknownOperationException", $"The operation {operation} is not recognized by {model.TargetPrefix ?? model.Name}.");

    /// <summary>An X-Amz-Target whose prefix names no service served here.</summary>
    public static AwsException UnknownTarget(string target) =>
        new("UnknownOperationException", $"The target '{Shown.Bounded(target)}' does not name an operation of any service this emulator serves.");

    public AwsException MissingAuthentication() => new("MissingAuthenticationTokenException", "Missing Authentication Token", 403);

    public AwsException Malformed(string message, int status) =>
        status == 413 ? ProtocolErrors.TooLarge() : status == 403 ? new("AccessDeniedException", message, 403) : new("SerializationException", message, status);
}
