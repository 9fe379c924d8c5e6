using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Emulator.Services;

/// <summary>
/// An implemented operation: whether it writes, its typed request and response (with their source-generated JSON
/// metadata) and the handler between them.
/// </summary>
public sealed class OperationHandler(
    bool writes, Type requestType, Type responseType, JsonSerializerOptions wire, JsonSerializerContext? records, Func<OperationContext, object, object?> run)
{
    private JsonTypeInfo? _request;
    private JsonTypeInfo? _response;

    public bool Writes { get; } = writes;
    public Type RequestType { get; } = requestType;

    /// <summary>The record the handler answers with (<see cref="NoOutput"/> for an empty answer).</summary>
    public Type ResponseType { get; } = responseType;

    /// <summary>How the request record is read from its members (resolved on first use, so start-up builds none).</summary>
    public JsonTypeInfo Request => _request ??= wire.GetTypeInfo(RequestType);

    /// <summary>How the response is written (<see cref="WireJson.ForResponse"/>); null when the operation answers no members.</summary>
    public JsonTypeInfo? Response => ResponseType == typeof(NoOutput) ? null : _response ??= WireJson.ForResponse(ResponseType, records, wire);

    /// <summary>The request's members (model member names) as the typed request record.</summary>
    public object Bind(JsonElement members) => members.Deserialize(Request)!;

    /// <summary>Runs the handler on a bound request; the typed response, or null for <see cref="NoOutput"/>.</summary>
    public object? Run(OperationContext context, object request) => run(context, request);

    /// <summary>The same call over JSON members (the JSON protocols' encoding, timestamps as epoch seconds): for tests that skip HTTP.</summary>
    public JsonNode? Invoke(OperationContext context, JsonObject input) =>
        Run(context, input.Deserialize(Request)!) is { } response ? JsonSerializer.SerializeToNode(response, Response!) : null;
}

/// <summary>Output of an operation that returns nothing (HTTP 200 with no members).</summary>
public sealed record NoOutput;

/// <summary>Input of an operation that takes no members.</summary>
public sealed record Empty;

/// <summary>
/// The explicit list of operations a service implements, with typed handlers. Requests are bound from, and results
/// written to, the model's member names, so records use exactly AWS's spelling.
/// </summary>
/// <param name="guard">
/// A check run before every handler of the table with the operation's name and typed request (IAM passes the trust
/// model's role lock, <see cref="TrustModel.ProtectedRoleOperations.Check"/>), so no handler has to remember it.
/// </param>
/// <param name="records">The service's source-generated context holding every request and response record.</param>
public sealed class OperationTable(Action<string, OperationContext, object>? guard = null, JsonSerializerContext? records = null)
{
    private readonly Dictionary<string, OperationHandler> _handlers = new(StringComparer.Ordinal);
    private readonly JsonSerializerOptions _wire = WireJson.ForService(records);

    public IReadOnlyDictionary<string, OperationHandler> Handlers => _handlers;

    /// <summary>The source-generated context the records should come from (null: reflection only).</summary>
    public JsonSerializerContext? Records { get; } = records;

    public void Read<TRequest, TResponse>(string operation, Func<OperationContext, TRequest, TResponse> handler) =>
        Add(operation, writes: false, handler);

    public void Write<TRequest, TResponse>(string operation, Func<OperationContext, TRequest, TResponse> handler) =>
        Add(operation, writes: true, handler);

    private void Add<TRequest, TResponse>(string operation, bool writes, Func<OperationContext, TRequest, TResponse> handler) =>
        _handlers.Add(operation, new OperationHandler(writes, typeof(TRequest), typeof(TResponse), _wire, Records, (context, input) =>
        {
            var request = (TRequest)input;
            guard?.Invoke(operation, context, request);
            var response = handler(context, request);
            return response is NoOutput ? null : response;
        }));
}
