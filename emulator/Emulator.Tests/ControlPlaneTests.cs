using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Support;

namespace Emulator.Tests;

/// <summary>The emulator's own REST API under /_emulator and its Swagger documentation.</summary>
public sealed class ControlPlaneTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Health_answers_ok()
    {
        var health = await _factory.CreateClient().GetFromJsonAsync<JsonObject>("/_emulator/health");
        health!["Status"]!.GetValue<string>().Should().Be("ok");
    }

    [Fact]
    public async Task State_shows_organizations_accounts_trusted_services_and_locked_roles()
    {
        var client = _factory.Client("111111111111");
        (await client.Organizations("CreateOrganization", new { FeatureSet = "ALL" })).EnsureSuccess();
        (await client.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();

        var state = await _factory.CreateClient().GetFromJsonAsync<JsonObject>("/_emulator/state");

        var organization = state!["Organizations"]!.AsArray().Single()!;
        organization["ManagementAccountId"]!.GetValue<string>().Should().Be("111111111111");
        organization["TrustedServices"]!.AsArray().Single()!["ServicePrincipal"]!.GetValue<string>().Should().Be("sso.amazonaws.com");
        var account = state["Accounts"]!.AsArray().Single(a => a!["Id"]!.GetValue<string>() == "111111111111")!;
        var role = account["Roles"]!.AsArray().Single(r => r!["RoleName"]!.GetValue<string>() == "AWSServiceRoleForSSO")!;
        role["Protected"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Reset_wipes_all_state()
    {
        var client = _factory.Client("111111111111");
        (await client.Organizations("CreateOrganization", new { FeatureSet = "ALL" })).EnsureSuccess();

        (await _factory.CreateClient().PostAsync("/_emulator/reset", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.Organizations("DescribeOrganization")).ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
        var state = await _factory.CreateClient().GetFromJsonAsync<JsonObject>("/_emulator/state");
        state!["Organizations"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Swagger_documents_the_control_plane_and_not_the_aws_endpoint()
    {
        var http = _factory.CreateClient();
        var document = await http.GetFromJsonAsync<JsonObject>("/_emulator/swagger/v1/swagger.json");
        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain(["/_emulator/health", "/_emulator/reset", "/_emulator/state", "/_emulator/sso/setup", "/_emulator/sso/users",
            "/_emulator/sso/identity-source", "/_emulator/sso/identity-source/sync"]);
        paths.Should().NotContain(p => p.Contains("{**path}") || p == "/{path}");

        var ui = await http.GetAsync("/_emulator/swagger/index.html");
        ui.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ui.Content.ReadAsStringAsync()).Should().Contain("swagger");
    }
}
