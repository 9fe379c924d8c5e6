using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Emulator.Tests.SsoAdmin;

/// <summary>POST /_emulator/sso/setup and /_emulator/sso/users.</summary>
public sealed class SsoSetupControlPlaneTests : IDisposable
{
    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    private async Task<(HttpStatusCode Status, JsonNode Body)> Post(string path, object body)
    {
        var response = await _bed.Factory.CreateClient().PostAsJsonAsync(path, body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Setup_enables_trusted_access_creates_the_instance_once_and_answers_the_start_url()
    {
        await _bed.Setup();
        _bed.InstanceArn.Should().MatchRegex("^arn:aws:sso:::instance/ssoins-[0-9a-f]{16}$");
        _bed.IdentityStoreId.Should().MatchRegex("^d-[0-9a-f]{10}$");

        var again = await Post("/_emulator/sso/setup", new { accountId = SsoTestBed.Management });
        again.Status.Should().Be(HttpStatusCode.OK);
        ((string)again.Body["instanceArn"]!).Should().Be(_bed.InstanceArn);
        ((string)again.Body["identityStoreId"]!).Should().Be(_bed.IdentityStoreId);
        ((string)again.Body["startUrl"]!).Should().Be($"https://{_bed.IdentityStoreId}.awsapps.com/start", "the start URL AWS prints");
        ((string)again.Body["portalUrl"]!).Should().EndWith($"/start/{_bed.IdentityStoreId}").And.StartWith("http://");

        var services = await _bed.Organizations("ListAWSServiceAccessForOrganization");
        services.Json["EnabledServicePrincipals"]!.AsArray().Select(s => (string)s!["ServicePrincipal"]!).Should().Contain("sso.amazonaws.com");
        (await _bed.Client(SsoTestBed.Member).Iam("GetRole", ("RoleName", "AWSServiceRoleForSSO"))).EnsureSuccess();
        (await _bed.Sso("ListInstances", new { })).Json["Instances"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Enabling_trusted_access_through_Organizations_alone_creates_no_instance()
    {
        await _bed.Organizations("CreateOrganization", new { FeatureSet = "ALL" });
        (await _bed.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();
        var list = await _bed.Sso("ListInstances", new { });
        list.Json["Instances"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Setup_is_refused_outside_the_management_account_of_an_all_features_organization()
    {
        var standalone = await Post("/_emulator/sso/setup", new { accountId = SsoTestBed.Outsider });
        standalone.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)standalone.Body["error"]!).Should().Be("NotInOrganization");

        await _bed.Setup();
        var member = await Post("/_emulator/sso/setup", new { accountId = SsoTestBed.Member });
        member.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)member.Body["error"]!).Should().Be("NotManagementAccount");
        ((string)member.Body["message"]!).Should().Contain(SsoTestBed.Management);

        var billingOnly = _bed.Client("444444444444");
        await billingOnly.Organizations("CreateOrganization", new { FeatureSet = "CONSOLIDATED_BILLING" });
        var consolidated = await Post("/_emulator/sso/setup", new { accountId = "444444444444" });
        consolidated.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)consolidated.Body["error"]!).Should().Be("AllFeaturesRequired");

        var missing = await Post("/_emulator/sso/setup", new { });
        missing.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Users_posted_to_the_control_plane_can_sign_in_and_a_repost_changes_the_password()
    {
        await _bed.Setup();
        var created = await Post("/_emulator/sso/users", new
        {
            identityStoreId = _bed.IdentityStoreId, userName = "alice", password = "Secret-1", displayName = "Alice A", email = "alice@example.com",
        });
        created.Status.Should().Be(HttpStatusCode.OK);
        var userId = (string)created.Body["userId"]!;
        userId.Should().StartWith(_bed.IdentityStoreId[2..] + "-");

        (await _bed.CanSignIn("alice", "Secret-1")).Should().BeTrue();

        var again = await Post("/_emulator/sso/users", new { identityStoreId = _bed.IdentityStoreId, userName = "alice", password = "Secret-2", displayName = "Alice B" });
        ((string)again.Body["userId"]!).Should().Be(userId);
        (await _bed.CanSignIn("alice", "Secret-1")).Should().BeFalse();
        (await _bed.CanSignIn("alice", "Secret-2")).Should().BeTrue();

        var described = await _bed.Ids("DescribeUser", new { _bed.IdentityStoreId, UserId = userId });
        ((string)described.Json["DisplayName"]!).Should().Be("Alice B");
        ((string)described.Json["Emails"]![0]!["Value"]!).Should().Be("alice@example.com");
    }

    [Fact]
    public async Task User_posts_with_missing_fields_or_an_unknown_store_are_4xx()
    {
        await _bed.Setup();
        var missing = await Post("/_emulator/sso/users", new { identityStoreId = _bed.IdentityStoreId, userName = "bob" });
        missing.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)missing.Body["error"]!).Should().Be("InvalidRequest");

        var unknown = await Post("/_emulator/sso/users", new { identityStoreId = "d-0000000000", userName = "bob", password = "x" });
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        ((string)unknown.Body["error"]!).Should().Be("IdentityStoreNotFound");
    }

    [Fact]
    public async Task The_sso_endpoints_are_in_the_swagger_document()
    {
        var swagger = await _bed.Factory.CreateClient().GetStringAsync("/_emulator/swagger/v1/swagger.json");
        swagger.Should().Contain("/_emulator/sso/setup").And.Contain("/_emulator/sso/users");
    }
}
