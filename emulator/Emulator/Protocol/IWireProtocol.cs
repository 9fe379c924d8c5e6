using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Emulator.Core;

namespace Emulator.Protocol;

/// <summary>
/// One AWS wire protocol: how a request's members are read, how a result or an error is written, and the error codes
/// the protocol itself answers with (before any service code runs). Routing lives beside it in <see cref="IRequestRouting"/>.
/// </summary>
public interface IWireProtocol
{
    /// <summary>
    /// The request's members as one JSON object keyed by the model's member names (the caller disposes it): validation
    /// reads it, the typed request is bound from it. Throws <see cref="AwsException"/> for a malformed body.
    /// </summary>
    JsonDocument ParseInput(HttpRequest request, byte[] body, ServiceModel model, OperationModel operation);

    /// <summary>The error a constraint violation of the given kind is reported as, if the protocol owns it (JSON: SerializationException for wrong types).</summary>
    AwsException? ProtocolViolation(IReadOnlyList<Violation> violations);

    /// <summary>Writes the handler's typed response (null: no members) straight to the body, with <paramref name="outputType"/>'s generated metadata.</summary>
    Task WriteResult(HttpContext context, ServiceModel model, OperationModel operation, object? output, JsonTypeInfo? outputType, string requestId);

    Task WriteError(HttpContext context, ServiceModel model, AwsException error, string requestId);

    /// <summary>The model has no operation of that name.</summary>
    AwsException UnknownOperation(ServiceModel model, string operation);

    /// <summary>A signed operation called without a signature.</summary>
    AwsException MissingAuthentication();

    /// <summary>A request the protocol cannot read at all (bad framing, bad encoding); <paramref name="status"/> is 4xx.</summary>
    AwsException Malformed(string message, int status);
}
