using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.Services;

/// <summary>An implemented operation: whether it writes, and its handler over the request's members.</summary>
public sealed record OperationHandler(bool Writes, Func<OperationContext, JsonObject, JsonNode?> Invoke);

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
public sealed class OperationTable(Action<string, OperationContext, object>? guard = null)
{
    private readonly Dictionary<string, OperationHandler> _handlers = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, OperationHandler> Handlers => _handlers;

    public void Read<TRequest, TResponse>(string operation, Func<OperationContext, TRequest, TResponse> handler) =>
        Add(operation, writes: false, handler);

    public void Write<TRequest, TResponse>(string operation, Func<OperationContext, TRequest, TResponse> handler) =>
        Add(operation, writes: true, handler);

    private void Add<TRequest, TResponse>(string operation, bool writes, Func<OperationContext, TRequest, TResponse> handler) =>
        _handlers.Add(operation, new OperationHandler(writes, (context, input) =>
        {
            var request = input.Deserialize<TRequest>(WireJson.Options)!;
            guard?.Invoke(operation, context, request);
            var response = handler(context, request);
            return response is NoOutput ? null : JsonSerializer.SerializeToNode(response, WireJson.Options);
        }));
}
