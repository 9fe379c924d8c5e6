using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core;
using Emulator.Hosting;
using Emulator.Protocol;

namespace Emulator.Services.Trail;

/// <summary>
/// The endpoint's one call into the trail: runs the call (authorization and handler) and records its CloudTrail event.
/// A successful write's event (and its service events) goes into the call's own transaction, so they commit together
/// or not at all; a read's or a refused call's event goes to the <see cref="TrailRecorder"/>, so the answer never
/// waits for it.
/// </summary>
public static class TrailHook
{
    /// <param name="fromConsole">The console page made the call for its user (recorded as a console sign-in session's call).</param>
    /// <param name="members">The request's members (model member names), as the protocol parsed them.</param>
    /// <param name="run">Authorization and the handler; answers the typed response.</param>
    public static object? Record(OperationContext context, ServiceModel model, string operationName, OperationHandler handler, JsonElement members,
        HttpContext http, Func<object?> run, bool fromConsole = false)
    {
        var writes = handler.Writes;
        var recorder = http.RequestServices.GetService<TrailRecorder>();
        if (recorder is null) return run();
        var call = CallOf(context, http) with { FromConsole = fromConsole };
        var trail = context.Tx.Trail;
        trail.Call = call;
        var operation = model.Operation(operationName)!;
        var request = TrailRedaction.Render(model, operation.Input, JsonObject.Create(members.Clone()) ?? []);
        object? output;
        try
        {
            output = run();
        }
        catch (AwsException error)
        {
            recorder.Enqueue([.. trail.Refusals, Event(context, model, operationName, writes, request, null, error, call)]);
            throw;
        }
        // CloudTrail leaves responseElements null for reads: only a write's typed response is turned into JSON, with its own generated serializer.
        var response = writes && output is not null && handler.Response is { } responseType
            && JsonSerializer.SerializeToNode(output, responseType) is JsonObject result
            ? TrailRedaction.Render(model, operation.Output, result) : null;
        var recorded = Event(context, model, operationName, writes, request, response, null, call);
        if (!writes)
        {
            recorder.Enqueue([recorded]);
            return output;
        }
        foreach (var refusal in trail.Refusals) TrailLedger.Append(context.Tx, refusal, call.Limits);
        TrailLedger.Append(context.Tx, recorded, call.Limits);
        return output;
    }

    /// <summary>Where the request came from: what CloudTrail puts in sourceIPAddress and userAgent.</summary>
    public static TrailCall CallOf(OperationContext context, HttpContext http) => new(
        context.Now, context.Options.Region, RequestIds.Of(http),
        http.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
        http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : "unknown",
        Guid.NewGuid().ToString(), TrailLimits.Of(context.Options), SigV4Credential.From(http.Request)?.AccessKeyId);

    private static TrailEventDoc Event(OperationContext context, ServiceModel model, string operation, bool writes,
        JsonObject request, JsonObject? response, AwsException? error, TrailCall call) =>
        TrailRecords.ApiCall(context.Tx, call, context.Caller, context.Options.DefaultAccount, model.Name, operation,
            readOnly: !writes, request, response, error);
}
