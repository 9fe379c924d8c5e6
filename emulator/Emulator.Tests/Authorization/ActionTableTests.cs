using Emulator.Services;
using Emulator.Services.Authorization;

namespace Emulator.Tests.Authorization;

/// <summary>The action table covers every implemented operation of every signed service, and only those.</summary>
public class ActionTableTests
{
    private static readonly ServiceCatalog Catalog = new();

    [Fact]
    public void Every_registered_operation_of_a_signed_service_has_an_action()
    {
        var missing = Catalog.All
            .Where(s => !ActionTable.UnsignedServices.Contains(s.Model.Name))
            .SelectMany(s => s.Operations.Handlers.Keys.Select(op => (Service: s.Model.Name, Operation: op)))
            .Where(x => ActionTable.For(x.Service, x.Operation) is null)
            .Select(x => $"{x.Service}:{x.Operation}");
        missing.Should().BeEmpty();
    }

    [Fact]
    public void Every_table_entry_is_a_registered_operation()
    {
        var stale = ActionTable.All()
            .Where(x => !Catalog.Named(x.Service).Operations.Handlers.ContainsKey(x.Operation))
            .Select(x => $"{x.Service}:{x.Operation}");
        stale.Should().BeEmpty();
    }

    [Fact]
    public void Unsigned_services_are_the_ones_whose_operations_are_unsigned_or_bearer()
    {
        ActionTable.UnsignedServices.Should().BeEquivalentTo(["sso", "sso-oidc"]);
        Catalog.All.Select(s => s.Model.Name).Should().Contain(ActionTable.UnsignedServices);
    }

    [Theory]
    [InlineData("organizations", "EnableAWSServiceAccess", "organizations:EnableAWSServiceAccess")]
    [InlineData("iam", "DeleteRole", "iam:DeleteRole")]
    [InlineData("sso-admin", "CreateAccountAssignment", "sso:CreateAccountAssignment")]
    [InlineData("identitystore", "ListUsers", "identitystore:ListUsers")]
    [InlineData("sts", "AssumeRole", "sts:AssumeRole")]
    public void Actions_are_spelled_as_the_Service_Authorization_Reference_does(string service, string operation, string action) =>
        ActionTable.For(service, operation)!.Action.Should().Be(action);

    [Fact]
    public void Every_action_is_the_service_prefix_and_the_operation_name()
    {
        var prefixes = new Dictionary<string, string> { ["organizations"] = "organizations", ["iam"] = "iam", ["sts"] = "sts", ["sso-admin"] = "sso", ["identitystore"] = "identitystore", ["ds"] = "ds", ["cloudtrail"] = "cloudtrail" };
        ActionTable.All().Where(x => x.Binding.Action != $"{prefixes[x.Service]}:{x.Operation}").Select(x => x.Binding.Action).Should().BeEmpty();
    }
}
