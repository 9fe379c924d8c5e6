using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core;

namespace Emulator.Protocol;

/// <summary>awsJson1_1: the operation comes from X-Amz-Target, members are a JSON object, timestamps are epoch seconds.</summary>
public sealed class AwsJsonProtocol : IWireProtocol
{
    public const string ContentType = "application/x-amz-json-1.1";

    public JsonObject ParseInput(HttpRequest request, byte[] body, ServiceModel model, OperationModel operation)
    {
        if (body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')) return new JsonObject();
        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw Serialization("Start of structure or map found where not expected.");
        }
        catch (JsonException)
        {
            throw Serialization("Request body is not valid JSON.");
        }
    }

    public AwsException? ProtocolViolation(IReadOnlyList<Violation> violations) =>
        violations.FirstOrDefault(v => v.Kind == ViolationKind.WrongType) is { } wrong
            ? Serialization(wrong.Text)
            : null;

    public Task WriteResult(HttpContext context, ServiceModel model, OperationModel operation, JsonNode? output, string requestId) =>
        JsonShapes.WriteResult(context, ContentType, 200, model, operation, output);

    public Task WriteError(HttpContext context, ServiceModel model, AwsException error, string requestId)
    {
        var body = new JsonObject { ["__type"] = error.Code, ["Message"] = error.Message };
        foreach (var (name, value) in error.Fields) body[name] = value;
        if (model.ErrorShape(error.Code)?["members"]?["RequestId"] is not null) body["RequestId"] = requestId;
        context.Response.Headers["x-amzn-ErrorType"] = error.Code;
        return JsonShapes.Write(context, ContentType, error.Status, body);
    }

    public static AwsException Serialization(string message) => new("SerializationException", message);
}
