using System.Text.Json;
using Emulator.Core;
using Emulator.Protocol;
using Emulator.Services;
using Emulator.Services.Authorization;
using Emulator.State;

namespace Emulator.Hosting;

/// <summary>
/// The single endpoint every AWS client talks to: the protocol that claims the request finds its service and
/// operation; the body is read once (capped), parsed and checked; the caller is resolved; the handler runs in one
/// store transaction; the answer is written in the service's own protocol — errors included. Failures that are not
/// <see cref="AwsException"/>s are answered by the <see cref="FailureBoundary"/>.
/// </summary>
public sealed class AwsEndpoint(ServiceCatalog catalog, StateStore store, EmulatorOptions options, TimeProvider time)
{
    /// <summary>The metadata that marks the catch-all route this endpoint answers on.</summary>
    public static readonly AwsRouteMetadata Route = new();

    private PortUrl? _endpointUrl;

    private sealed record PortUrl(int Port, string Url);

    /// <summary>
    /// Whether routing sent the request to this endpoint: the catch-all route, outside the emulator's own pages
    /// (/_emulator, whose unmatched paths such as Swashbuckle's fall through to the catch-all).
    /// </summary>
    public static bool Answers(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<AwsRouteMetadata>() is not null && !context.Request.Path.StartsWithSegments("/_emulator");

    public async Task Handle(HttpContext context)
    {
        var requestId = RequestIds.Of(context);
        var credential = SigV4Credential.From(context.Request);
        var (routing, service) = catalog.Claim(context.Request, credential);
        try
        {
            try
            {
                var body = await RequestBody.Read(context.Request);
                var route = routing.Resolve(context.Request, body, service, credential);
                service = route.Service;
                await Run(context, route, body, credential, requestId);
            }
            catch (AwsException error)
            {
                await service.Protocol.WriteError(context, service.Model, error, requestId);
            }
        }
        catch (Exception)
        {
            AnsweringService.Set(context, service); // the failure boundary answers in this service's protocol
            throw;
        }
    }

    private async Task Run(HttpContext context, OperationRoute route, byte[] body, SigV4Credential? credential, string requestId)
    {
        var (service, operationName) = route;
        var model = service.Model;
        var operation = model.Operation(operationName) ?? throw service.Protocol.UnknownOperation(model, operationName);
        // Unsigned operations (sso portal, sso-oidc) do not care who signed, if anyone did.
        if (operation.IsUnsigned) credential = null;
        else if (credential is null) throw service.Protocol.MissingAuthentication();
        // Identity: refuse unknown/expired keys and (strict mode) bad signatures; the caller found is the request's.
        var now = time.GetUtcNow();
        (body, var caller) = Auth.RequestAuthentication.Check(context.Request, body, credential, model, store, options, now);

        // Input is read and checked for every modelled operation, implemented or not, as AWS's front end does.
        using var members = service.Protocol.ParseInput(context.Request, body, model, operation);
        var input = members.RootElement;
        if (operation.Input is not null)
        {
            var violations = InputValidator.Validate(operation.Input, input);
            if (violations.Count > 0) throw service.Protocol.ProtocolViolation(violations) ?? service.ValidationError(violations);
        }
        if (!service.Operations.Handlers.TryGetValue(operationName, out var handler))
            throw ProtocolErrors.NotImplemented(model, operationName);

        var request = handler.Bind(input);
        var endpointUrl = EndpointUrl(context.Request);
        var output = handler.Writes
            ? await store.WriteAsync(tx => Invoke(tx, time.GetUtcNow(), handler, service, operationName, input, request, caller, credential, endpointUrl, context))
            : store.Read(tx => Invoke(tx, now, handler, service, operationName, input, request, caller, credential, endpointUrl, context));
        await service.Protocol.WriteResult(context, model, operation, output, handler.Response, requestId);
    }

    /// <summary>The emulator's own address as the connection's port gives it (built once per port; in-process hosts, with no port, build it each time).</summary>
    private string EndpointUrl(HttpRequest request)
    {
        var port = request.HttpContext.Connection.LocalPort;
        if (port <= 0) return Portal.PortalUrls.BaseUrl(request, options);
        if (_endpointUrl is { } known && known.Port == port) return known.Url;
        var url = Portal.PortalUrls.BaseUrl(request, options);
        _endpointUrl = new PortUrl(port, url);
        return url;
    }

    /// <summary>
    /// IAM decides (<c>Authorizer.Check</c>) for the caller authentication identified, then the handler runs. A read
    /// runs at the time the request was authenticated; a write at the time its transaction starts (writes queue).
    /// </summary>
    private object? Invoke(Tx tx, DateTimeOffset now, OperationHandler handler, ServiceDefinition service, string operationName, JsonElement members, object request,
        Caller caller, SigV4Credential? credential, string endpointUrl, HttpContext http)
    {
        var context = new OperationContext(caller, tx, now, options, endpointUrl);
        // The event trail (issue 11, Services/Trail): runs authorization and the handler, and records the call's CloudTrail event.
        return Services.Trail.TrailHook.Record(context, store.Trail, service.Model, operationName, handler, members, http, credential?.AccessKeyId, () =>
        {
            Services.Authorization.Authorizer.Check(context, service.Model, operationName, new ElementRequestMembers(members), http);
            return handler.Run(context, request);
        });
    }
}

/// <summary>Marks the AWS catch-all route (<see cref="AwsEndpoint.Route"/>).</summary>
public sealed class AwsRouteMetadata;

/// <summary>The service whose protocol answers the current request, so the failure boundary can answer in it too.</summary>
public static class AnsweringService
{
    private const string Key = "AnsweringService";

    public static void Set(HttpContext context, ServiceDefinition service) => context.Items[Key] = service;

    public static ServiceDefinition? Of(HttpContext context) => context.Items.TryGetValue(Key, out var service) ? service as ServiceDefinition : null;
}
