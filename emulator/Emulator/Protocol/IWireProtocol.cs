using System.Text.Json.Nodes;
using Emulator.Core;

namespace Emulator.Protocol;

/// <summary>One AWS wire protocol: how a request's members are read and how a result or an error is written.</summary>
public interface IWireProtocol
{
    /// <summary>The request's members, keyed by the model's member names. Throws <see cref="AwsException"/> for a malformed body.</summary>
    JsonObject ParseInput(HttpRequest request, byte[] body, ServiceModel model, OperationModel operation);

    /// <summary>The error a constraint violation of the given kind is reported as, if the protocol owns it (JSON: SerializationException for wrong types).</summary>
    AwsException? ProtocolViolation(IReadOnlyList<Violation> violations);

    Task WriteResult(HttpContext context, ServiceModel model, OperationModel operation, JsonNode? output, string requestId);

    Task WriteError(HttpContext context, ServiceModel model, AwsException error, string requestId);
}
