using Emulator.Services;

namespace Emulator.Tests;

/// <summary>Checks the registration tables against the vendored botocore models.</summary>
public sealed class OperationTableTests
{
    private readonly ServiceCatalog _catalog = new();

    [Fact]
    public void Every_registered_operation_exists_in_its_services_model()
    {
        foreach (var service in _catalog.All)
            foreach (var operation in service.Operations.Handlers.Keys)
                service.Model.Operation(operation).Should().NotBeNull($"{service.Model.Name}:{operation} must be a modelled operation");
    }

    [Fact]
    public void Every_json_and_query_service_is_found_by_its_own_routing_key()
    {
        foreach (var service in _catalog.All.Where(s => s.Model.Protocol is "json" or "query"))
        {
            var found = service.Model.Protocol == "json"
                ? _catalog.ByTargetPrefix(service.Model.TargetPrefix!)
                : _catalog.ForQuery(service.Model.ApiVersion, null, null);
            found.Should().BeSameAs(service);
        }
    }

    [Fact]
    public void Every_rest_json_operation_is_found_by_its_method_and_path()
    {
        var restServices = _catalog.All.Where(s => s.Model.Protocol == "rest-json").ToList();
        restServices.Select(s => s.Model.Name).Should().BeEquivalentTo(["sso", "sso-oidc"]);
        foreach (var service in restServices)
            foreach (var name in service.Model.OperationNames)
            {
                var operation = service.Model.Operation(name)!;
                var parts = operation.RequestUri.Split('?');
                var query = new Microsoft.AspNetCore.Http.QueryCollection(parts.Length > 1
                    ? parts[1].Split('&').ToDictionary(p => p.Split('=')[0], p => new Microsoft.Extensions.Primitives.StringValues(p.Split('=').ElementAtOrDefault(1) ?? ""))
                    : []);
                var route = _catalog.ByRestRoute(operation.HttpMethod, parts[0], query);
                route.Should().NotBeNull($"{service.Model.Name}:{name} must be routable");
                route!.Value.Service.Should().BeSameAs(service);
                route.Value.Operation.Should().Be(name);
            }
    }
}
