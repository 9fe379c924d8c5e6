using Emulator.Services;

namespace Emulator.Protocol;

/// <summary>
/// The Query protocol (IAM, STS) shares POST / (or GET /?Action=...): the Version field decides the service, then
/// the SigV4 scope's service, then the action's owner. Claims every request no other protocol claimed.
/// </summary>
public sealed class QueryRouting(IReadOnlyList<ServiceDefinition> services) : IRequestRouting
{
    private readonly List<ServiceDefinition> _query = services.Where(s => s.Protocol is AwsQueryProtocol).ToList();

    public ServiceDefinition? For(string? version, string? signingService, string? action)
    {
        foreach (var service in _query) if (service.Model.ApiVersion == version) return service;
        foreach (var service in _query) if (service.Model.SigningName == signingService || service.Model.Name == signingService) return service;
        if (action is not null) foreach (var service in _query) if (service.Model.Operation(action) is not null) return service;
        return null;
    }

    public ServiceDefinition? Claim(HttpRequest request, SigV4Credential? credential) =>
        For(null, credential?.Service, null) ?? _query.First();

    public OperationRoute Resolve(HttpRequest request, byte[] body, ServiceDefinition claimed, SigV4Credential? credential)
    {
        var form = QueryForm.Read(request, body);
        request.HttpContext.Features.Set(form); // read once: the protocol binds the members from the same form
        var action = form["Action"];
        var service = For(form["Version"], credential?.Service, action) ?? claimed;
        if (string.IsNullOrEmpty(action)) throw AwsQueryProtocol.MissingAction();
        return new OperationRoute(service, action);
    }
}
