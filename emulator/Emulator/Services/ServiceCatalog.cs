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
    /// POST /token; a modelled query part of the request URI (POST /token?aws_iam=t) must be present too.
    /// </summary>
    public (ServiceDefinition Service, string Operation)? ByRestRoute(string method, string path, IQueryCollection query)
    {
        (ServiceDefinition, string)? best = null;
        var bestSpecificity = -1;
        foreach (var service in _services.Where(s => s.Model.Protocol == "rest-json"))
            foreach (var name in service.Model.OperationNames)
            {
                var operation = service.Model.Operation(name)!;
                if (!string.Equals(operation.HttpMethod, method, StringComparison.OrdinalIgnoreCase)) continue;
                var uri = operation.RequestUri;
                var questionMark = uri.IndexOf('?');
                var uriPath = questionMark < 0 ? uri : uri[..questionMark];
                if (!string.Equals(uriPath.TrimEnd('/'), path.TrimEnd('/'), StringComparison.Ordinal)) continue;
                var required = questionMark < 0 ? [] : uri[(questionMark + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries);
                if (!required.All(pair => query.ContainsKey(pair.Split('=')[0]))) continue;
                if (required.Length > bestSpecificity) { best = (service, name); bestSpecificity = required.Length; }
            }
        return best;
    }
}
