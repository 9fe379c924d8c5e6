using System.Text.Json;
using Emulator.Core;
using Emulator.Protocol;
using Emulator.Services;

namespace Emulator.Hosting;

/// <summary>
/// The last-resort boundary: any exception from routing, body reading, parsing, validation, a handler, serialisation,
/// the control plane or the portal becomes an answer in the caller's protocol — the service's <c>InternalFailure</c>
/// (or, for a request the server could not read, the protocol's 4xx), a JSON problem under <c>/_emulator</c>, an HTML
/// page under <c>/start</c> — and one log line with the request id and the stack.
/// </summary>
public static class FailureBoundary
{
    public static IApplicationBuilder UseFailureBoundary(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer.
        }
        catch (Exception failure)
        {
            await Answer(context, failure);
        }
    });

    private static async Task Answer(HttpContext context, Exception failure)
    {
        var requestId = RequestIds.Of(context);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FailureBoundary));
        // A request the server could not read (framing, size, encoding) is the caller's error, not ours.
        var input = failure as BadHttpRequestException;
        if (input is null)
            logger.LogError(failure, "Request {RequestId} {Method} {Path} failed", requestId, context.Request.Method, context.Request.Path.Value);
        else
            logger.LogDebug("Request {RequestId} refused: {Reason}", requestId, input.Message);

        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        context.Response.Clear();
        context.Response.Headers[RequestIds.Header] = requestId;
        var status = input?.StatusCode ?? StatusCodes.Status500InternalServerError;
        var message = input?.Message ?? ProtocolErrors.InternalFailure().Message;
        var path = context.Request.Path;

        if (path.StartsWithSegments("/_emulator"))
            await WriteProblem(context, status, input is null ? "InternalFailure" : "InvalidRequest", message, requestId);
        else if (path.StartsWithSegments("/start"))
            await Portal.PortalErrorPage.Write(context, status, message);
        else
        {
            var service = AnsweringService.Of(context) ?? ClaimedService(context);
            var error = input is null ? ProtocolErrors.InternalFailure() : service.Protocol.Malformed(message, status);
            await service.Protocol.WriteError(context, service.Model, error, requestId);
        }
    }

    private static ServiceDefinition ClaimedService(HttpContext context) =>
        context.RequestServices.GetRequiredService<ServiceCatalog>().Claim(context.Request, SigV4Credential.From(context.Request)).Service;

    /// <summary>The control plane's error body: <c>{"error": ..., "message": ..., "requestId": ...}</c> (application/problem+json).</summary>
    public static async Task WriteProblem(HttpContext context, int status, string error, string message, string requestId)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new ControlPlaneProblem(error, message, requestId), ControlPlaneProblemJson.Default.ControlPlaneProblem);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }
}

public sealed record ControlPlaneProblem(string Error, string Message, string RequestId);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ControlPlaneProblem))]
internal sealed partial class ControlPlaneProblemJson : System.Text.Json.Serialization.JsonSerializerContext;
