using System.Net;
using System.Text.Json;
using Emulator.Core;
using Emulator.Hosting;
using Emulator.Protocol;

namespace Emulator.Services.Trail;

/// <summary>
/// The endpoint's one call into the trail: runs the call (authorization and handler) and records its CloudTrail event.
/// A successful write's event (and its service events) goes with the write, so they are saved together or not at all;
/// a read's or a refused call's event is <see cref="TrailLog.Record">recorded</see> without making the answer wait.
/// Recording keeps references and the request's wire text; the CloudTrail JSON is built only when the event is read.
/// </summary>
public static class TrailHook
{
    /// <param name="members">The request's members (model member names), as the protocol parsed them.</param>
    /// <param name="signedWith">The access key id the request was signed with, if it was signed.</param>
    /// <param name="run">Authorization and the handler; answers the typed response.</param>
    /// <param name="fromConsole">The console page made the call for its user (recorded as a console sign-in session's call).</param>
    public static object? Record(OperationContext context, TrailLog log, ServiceModel model, string operationName, OperationHandler handler,
        JsonElement members, HttpContext http, string? signedWith, Func<object?> run, bool fromConsole = false)
    {
        var writes = handler.Writes;
        var call = CallOf(context, http, signedWith, fromConsole);
        var trail = context.Tx.Trail;
        trail.Call = call;
        var operation = model.Operation(operationName)!;
        object? output;
        try
        {
            output = run();
        }
        catch (AwsException error)
        {
            log.Record([.. trail.Refusals, Event(context, model, operation, writes, members, null, error, call)]);
            throw;
        }
        // CloudTrail leaves responseElements null for reads: only a write's typed response is serialized, with its own generated serializer.
        var response = writes && output is not null && handler.Response is { } responseType ? JsonSerializer.Serialize(output, responseType) : null;
        var recorded = Event(context, model, operation, writes, members, response, null, call);
        if (!writes)
        {
            log.Record([recorded]);
            return output;
        }
        foreach (var refusal in trail.Refusals) trail.Add(refusal);
        trail.Add(recorded);
        return output;
    }

    /// <summary>Where the request came from: what CloudTrail puts in sourceIPAddress and userAgent.</summary>
    private static TrailCall CallOf(OperationContext context, HttpContext http, string? signedWith, bool fromConsole) => new(
        context.Now, context.Options.Region, RequestIds.Of(http), SourceIp(http.Connection.RemoteIpAddress),
        http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : "unknown",
        Ids.Uuid(), signedWith, fromConsole);

    /// <summary>The last client address and its text: one client's events share one string rather than a copy each.</summary>
    private static AddressText? _lastSource;

    private sealed record AddressText(IPAddress Address, string Text);

    private static string SourceIp(IPAddress? address)
    {
        if (address is null) return "127.0.0.1";
        if (_lastSource is { } last && last.Address.Equals(address)) return last.Text;
        var text = address.ToString();
        _lastSource = new AddressText(address, text);
        return text;
    }

    private static TrailEntry Event(OperationContext context, ServiceModel model, OperationModel operation, bool writes,
        JsonElement members, string? response, AwsException? error, TrailCall call) =>
        TrailRecords.ApiCall(call, context.Caller, context.Options.DefaultAccount, model, operation, readOnly: !writes, members, response, error,
            IssuerArn(context));

    /// <summary>The role behind an assumed-role session, with its path, as CloudTrail's sessionIssuer names it.</summary>
    private static string? IssuerArn(OperationContext context)
    {
        if (context.Caller.Kind != PrincipalKind.AssumedRole) return null;
        // arn:aws:sts::<account>:assumed-role/<role name>/<session name>
        var parts = context.Caller.Arn.Split('/');
        return parts.Length >= 3 ? context.Tx.Roles.FindById(Iam.RoleDoc.Key(context.Caller.AccountId, parts[^2]))?.Arn : null;
    }
}
