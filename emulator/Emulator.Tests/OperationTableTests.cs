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
    public void Every_service_is_found_by_its_own_routing_key()
    {
        foreach (var service in _catalog.All)
        {
            var found = service.Model.Protocol switch
            {
                "json" => _catalog.ByTargetPrefix(service.Model.TargetPrefix!),
                "query" => _catalog.ForQuery(service.Model.ApiVersion, null, null),
                _ => service,
            };
            found.Should().BeSameAs(service);
        }
    }
}
