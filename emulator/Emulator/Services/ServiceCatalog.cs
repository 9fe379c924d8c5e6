using Emulator.Protocol;
using Emulator.Services.Iam;
using Emulator.Services.IdentityStore;
using Emulator.Services.Organizations;
using Emulator.Services.SsoOidc;
using Emulator.Services.SsoPortal;
using Emulator.Services.SsoAdmin;
using Emulator.Services.Sts;

namespace Emulator.Services;

/// <summary>Every service this endpoint serves, and how a request finds its service: target prefix, API version, signing scope, path.</summary>
public sealed class ServiceCatalog
{
    private readonly List<ServiceDefinition> _services;
    private readonly Dictionary<string, List<RestRoute>> _restRoutes;

    public ServiceCatalog()
    {
        _services =
        [
            OrganizationsService.Definition(),
            IamService.Definition(),
            StsService.Definition(),
            SsoPortalService.Definition(),
            SsoOidcService.Definition(),
            SsoAdminService.Definition(),
            IdentityStoreService.Definition(),
        ];
        _restRoutes = RestRoutes(_services);
    }

    public IReadOnlyList<ServiceDefinition> All => _services;

    public ServiceDefinition Named(string name) => _services.Single(s => s.Model.Name == name);

    public ServiceDefinition? ByTargetPrefix(string prefix) =>
        _services.FirstOrDefault(s => s.Model.TargetPrefix == prefix);

    /// <summary>Query services share POST /: the Version field decides, then the SigV4 scope's service, then the action's owner.</summary>
    public ServiceDefinition? ForQuery(string? version, string? signingService, string? action)
    {
        var query = _services.Where(s => s.Model.Protocol == "query").ToList();
        return query.FirstOrDefault(s => s.Model.ApiVersion == version)
            ?? query.FirstOrDefault(s => s.Model.SigningName == signingService || s.Model.Name == signingService)
            ?? (action is null ? null : query.FirstOrDefault(s => s.Model.Operation(action) is not null));
    }

    /// <summary>
    /// restJson1 services (sso portal, sso-oidc) are found by method + path, e.g. GET /federation/credentials or
    /// POST /token; a modelled query part of the request URI (POST /token?aws_iam=t) must be present too, and the
    /// route asking for more of the query wins.
    /// </summary>
    public (ServiceDefinition Service, string Operation)? ByRestRoute(string method, string path, IQueryCollection query)
    {
        var key = $"{method.ToUpperInvariant()} {path.TrimEnd('/')}";
        if (!_restRoutes.TryGetValue(key, out var candidates)) return null;
        var route = candidates.FirstOrDefault(r => r.RequiredQuery.All(query.ContainsKey));
        return route is null ? null : (route.Service, route.Operation);
    }

    private sealed record RestRoute(ServiceDefinition Service, string Operation, string[] RequiredQuery);

    /// <summary>"METHOD /path" → the operations there, most specific (most required query keys) first. Built once.</summary>
    private static Dictionary<string, List<RestRoute>> RestRoutes(IEnumerable<ServiceDefinition> services) =>
        services.Where(s => s.Model.Protocol == "rest-json")
            .SelectMany(service => service.Model.OperationNames.Select(name =>
            {
                var operation = service.Model.Operation(name)!;
                var parts = operation.RequestUri.Split('?', 2);
                var required = parts.Length < 2 ? [] : parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).ToArray();
                return (Key: $"{operation.HttpMethod.ToUpperInvariant()} {parts[0].TrimEnd('/')}", Route: new RestRoute(service, name, required));
            }))
            .GroupBy(r => r.Key)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Route).OrderByDescending(r => r.RequiredQuery.Length).ToList());
}
