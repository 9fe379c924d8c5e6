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
    private static readonly Lazy<ServiceCatalog> Process = new(() => new ServiceCatalog());

    private readonly List<ServiceDefinition> _services;
    private readonly AwsJsonRouting _json;
    private readonly RestJsonRouting _rest;
    private readonly QueryRouting _query;

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
            CloudTrail.CloudTrailService.Definition(),
            DirectoryService.DirectoryServiceService.Definition(),
        ];
        _json = new AwsJsonRouting(_services);
        _rest = new RestJsonRouting(_services);
        _query = new QueryRouting(_services);
        Routings = [_json, _rest, _query];
    }

    /// <summary>
    /// The catalog every emulator instance in this process shares: the definitions hold no state (handlers are static,
    /// models are parsed once per process), so a second in-process start builds nothing.
    /// </summary>
    public static ServiceCatalog Shared => Process.Value;

    /// <summary>Builds the shared catalog (models, tables, routes) on a pool thread while the host starts.</summary>
    public static void WarmUpInBackground() => ThreadPool.UnsafeQueueUserWorkItem(_ => _ = Shared, null);

    public IReadOnlyList<ServiceDefinition> All => _services;

    /// <summary>Each protocol's routing, asked in this order; Query claims whatever the others did not.</summary>
    public IReadOnlyList<IRequestRouting> Routings { get; }

    /// <summary>The protocol that owns a request and the service it answers as (from headers and path only).</summary>
    public (IRequestRouting Routing, ServiceDefinition Service) Claim(HttpRequest request, SigV4Credential? credential)
    {
        foreach (var routing in Routings)
            if (routing.Claim(request, credential) is { } service) return (routing, service);
        throw new InvalidOperationException("The Query routing claims every request.");
    }

    public ServiceDefinition Named(string name) => _services.Single(s => s.Model.Name == name);

    public ServiceDefinition? ByTargetPrefix(string prefix) => _json.ByTargetPrefix(prefix);

    public ServiceDefinition? ForQuery(string? version, string? signingService, string? action) => _query.For(version, signingService, action);

    public (ServiceDefinition Service, string Operation)? ByRestRoute(string method, string path, IQueryCollection query) =>
        _rest.Find(method, path, query) is { } route ? (route.Service, route.Operation) : null;
}
