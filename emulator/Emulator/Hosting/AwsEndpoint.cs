using System.Text.Json.Nodes;
using Emulator.Core;
using Emulator.Protocol;
using Emulator.Services;
using Emulator.State;

namespace Emulator.Hosting;

/// <summary>
/// The single endpoint every AWS client talks to: find the service and operation, read and check the input, resolve
/// the caller, run the handler in one store transaction, and answer in the service's own protocol — errors included.
/// </summary>
public sealed class AwsEndpoint(ServiceCatalog catalog, StateStore store, EmulatorOptions options, TimeProvider time, ILogger<AwsEndpoint> logger)
{
    public async Task Handle(HttpContext context)
    {
        var requestId = RequestIds.Of(context);
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var credential = SigV4Credential.From(context.Request);

        ServiceDefinition? service = null;
        try
        {
            if (target.Length > 0)
            {
                var dot = target.LastIndexOf('.');
                service = dot > 0 ? catalog.ByTargetPrefix(target[..dot]) : null;
                if (service is null) { service = catalog.Named("organizations"); throw ProtocolErrors.UnknownTarget(target); }
                var body = await ReadBody(context.Request);
                await Run(context, service, target[(dot + 1)..], body, credential, requestId);
                return;
            }

            if (catalog.ByRestRoute(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.Query) is { } route)
            {
                // The sso portal and sso-oidc operations are unsigned: who signed (if anyone did) does not matter.
                service = route.Service;
                await Run(context, service, route.Operation, await ReadBody(context.Request), credential: null, requestId);
                return;
            }

            service = catalog.ForQuery(null, credential?.Service, null) ?? catalog.Named("iam");
            var queryBody = await ReadBody(context.Request);
            var form = AwsQueryProtocol.ReadForm(context.Request, queryBody);
            var action = form.TryGetValue("Action", out var a) ? a.ToString() : null;
            service = catalog.ForQuery(form.TryGetValue("Version", out var v) ? v.ToString() : null, credential?.Service, action) ?? service;
            if (string.IsNullOrEmpty(action))
                throw new AwsException("MissingAction", "The request must name an operation: the X-Amz-Target header (JSON services) or the Action parameter (IAM, STS).");
            await Run(context, service, action, queryBody, credential, requestId);
        }
        catch (AwsException error)
        {
            await service!.Protocol.WriteError(context, service.Model, error, requestId);
        }
    }

    private async Task Run(HttpContext context, ServiceDefinition service, string operationName, byte[] body, SigV4Credential? credential, string requestId)
    {
        var model = service.Model;
        var operation = model.Operation(operationName) ?? throw ProtocolErrors.UnknownOperation(model, operationName);
        if (!service.Operations.Handlers.TryGetValue(operationName, out var handler))
            throw ProtocolErrors.NotImplemented(model, operationName);
        handler = Services.Authorization.Authorizer.Guard(handler, model, operationName, context); // authz: IAM policy evaluation before the handler (--enforce-iam)
        if (credential is null && !operation.IsUnsigned) throw ProtocolErrors.MissingAuthentication(model);

        var input = service.Protocol.ParseInput(context.Request, body, model, operation);
        if (operation.InputShape is not null)
        {
            var violations = InputValidator.Validate(model, operation.InputShape, input);
            if (violations.Count > 0) throw service.Protocol.ProtocolViolation(violations) ?? service.ValidationError(violations);
        }

        JsonNode? output;
        try
        {
            output = handler.Writes
                ? store.Write(tx => Invoke(tx, handler, input, credential, model, Portal.PortalUrls.BaseUrl(context.Request)))
                : store.Read(tx => Invoke(tx, handler, input, credential, model, Portal.PortalUrls.BaseUrl(context.Request)));
        }
        catch (Exception failure) when (failure is not AwsException)
        {
            logger.LogError(failure, "{Service}:{Operation} failed", model.Name, operationName);
            throw ProtocolErrors.InternalFailure();
        }
        await service.Protocol.WriteResult(context, model, operation, output, requestId);
    }

    private JsonNode? Invoke(Tx tx, OperationHandler handler, JsonObject input, SigV4Credential? credential, ServiceModel model, string endpointUrl)
    {
        var now = time.GetUtcNow();
        var caller = credential is null
            ? Caller.Anonymous
            : Callers.Resolve(tx, credential.AccessKeyId, options, now) ?? throw ProtocolErrors.ExpiredToken(model);
        return handler.Invoke(new OperationContext(caller, tx, now, options, endpointUrl), input);
    }

    /// <summary>The whole body, or an in-protocol 413 when it is over the limit (the connection stays usable).</summary>
    private static async Task<byte[]> ReadBody(HttpRequest request)
    {
        if (request.ContentLength > ProtocolErrors.MaxBodyBytes) throw ProtocolErrors.TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ProtocolErrors.MaxBodyBytes) throw ProtocolErrors.TooLarge();
        }
        return buffer.ToArray();
    }
}
