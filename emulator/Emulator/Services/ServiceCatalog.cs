using Emulator.Protocol;
using Emulator.Services.Iam;
using Emulator.Services.IdentityStore;
using Emulator.Services.Organizations;
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
}
