using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Amazon.SSO;
using Amazon.SSO.Model;
using Emulator.Hosting;
using Emulator.Tests.Support;

namespace Emulator.Tests.Portal;

/// <summary>The SSO portal API through the real AWS SDK for .NET: accounts, roles, role credentials, logout, trust gates.</summary>
public sealed class PortalApiTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private EmulatorServer _emulator = null!;
    private HttpClient _http = null!;
    private SsoWorld _world = null!;
    private AmazonSSOClient _portal = null!;
    private string _adminRole = "";
    private string _token = "";

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(clock: _clock);
        _http = new HttpClient { BaseAddress = _emulator.Endpoint };
        _world = await SsoWorld.CreateAsync(_http);
        _adminRole = await _world.Assign(_world.MemberAccountId, "AdministratorAccess", sessionDuration: "PT2H");
        await _world.Assign(_world.MemberAccountId, "ReadOnlyAccess");
        await _world.Assign(_world.ManagementAccountId, "ReadOnlyAccess");
        _portal = SsoSdk.Portal(_emulator.Endpoint);
        _token = (await SsoSdk.SignInAsync(_world, _http)).AccessToken;
    }

    public async Task DisposeAsync()
    {
        _portal.Dispose();
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private Task<GetRoleCredentialsResponse> Credentials(string accountId, string roleName, string? token = null) =>
        _portal.GetRoleCredentialsAsync(new GetRoleCredentialsRequest { AccessToken = token ?? _token, AccountId = accountId, RoleName = roleName });

    private async Task<GetCallerIdentityResponse> WhoAmI(RoleCredentials credentials)
    {
        using var sts = SsoSdk.Sts(_emulator.Endpoint,
            new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        return await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
    }

    [Fact]
    public async Task ListAccounts_and_ListAccountRoles_show_the_assignments_by_permission_set_name()
    {
        var accounts = await _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = _token });
        accounts.AccountList.Select(a => a.AccountId).Should().BeEquivalentTo([_world.ManagementAccountId, _world.MemberAccountId]);
        var member = accounts.AccountList.Single(a => a.AccountId == _world.MemberAccountId);
        member.AccountName.Should().Be("Sandbox");
        member.EmailAddress.Should().EndWith("@example.com");

        var roles = await _portal.ListAccountRolesAsync(new ListAccountRolesRequest { AccessToken = _token, AccountId = _world.MemberAccountId });
        roles.RoleList.Select(r => r.RoleName).Should().Equal("AdministratorAccess", "ReadOnlyAccess");
        roles.RoleList.Should().OnlyContain(r => r.AccountId == _world.MemberAccountId);
    }

    [Fact]
    public async Task ListAccounts_pages_with_max_result_and_next_token()
    {
        var first = await _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = _token, MaxResults = 1 });
        first.AccountList.Should().HaveCount(1);
        first.NextToken.Should().NotBeNullOrEmpty();
        var second = await _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = _token, MaxResults = 1, NextToken = first.NextToken });
        second.AccountList.Should().HaveCount(1);
        second.NextToken.Should().BeNull();
        second.AccountList[0].AccountId.Should().NotBe(first.AccountList[0].AccountId);
    }

    [Fact]
    public async Task GetRoleCredentials_issues_credentials_of_the_reserved_role_session_named_after_the_user()
    {
        var credentials = (await Credentials(_world.MemberAccountId, "AdministratorAccess")).RoleCredentials;
        credentials.AccessKeyId.Should().StartWith("ASIA");
        var expiration = DateTimeOffset.FromUnixTimeMilliseconds(credentials.Expiration!.Value);
        expiration.Should().BeCloseTo(_clock.Now.AddHours(2), TimeSpan.FromSeconds(1), "the session lasts the permission set's PT2H (to the wire's precision)");

        var identity = await WhoAmI(credentials);
        identity.Account.Should().Be(_world.MemberAccountId);
        identity.Arn.Should().Be($"arn:aws:sts::{_world.MemberAccountId}:assumed-role/{_adminRole}/{SsoWorld.UserName}");
        identity.Arn.Should().MatchRegex(@"assumed-role/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}/alice$");
        identity.UserId.Should().MatchRegex($"^AROA[A-Z2-7]{{17}}:{SsoWorld.UserName}$");
    }

    [Fact]
    public async Task The_portal_answers_expiration_as_epoch_milliseconds_on_the_wire()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/federation/credentials?account_id={_world.MemberAccountId}&role_name=AdministratorAccess");
        request.Headers.Add("x-amz-sso_bearer_token", _token);
        var response = await _http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var expiration = body["roleCredentials"]!["expiration"]!.GetValue<long>();
        DateTimeOffset.FromUnixTimeMilliseconds(expiration).Should().BeCloseTo(_clock.Now.AddHours(2), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_role_that_is_not_assigned_is_ForbiddenException_No_access()
    {
        var act = () => Credentials(_world.ManagementAccountId, "AdministratorAccess");
        var error = (await act.Should().ThrowAsync<AmazonSSOException>()).Which;
        error.ErrorCode.Should().Be("ForbiddenException");
        error.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        error.Message.Should().Be("No access");
    }

    [Theory]
    [InlineData(101)]
    [InlineData(0)]
    public async Task ListAccounts_with_maxResults_outside_1_to_100_is_InvalidRequestException_naming_the_limits(int maxResults)
    {
        var act = () => _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = _token, MaxResults = maxResults });
        var error = (await act.Should().ThrowAsync<InvalidRequestException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.Message.Should().Be("ResultSize parameter must be within the valid limits of: 1-100");
    }

    [Fact]
    public async Task An_unknown_or_missing_token_is_UnauthorizedException_in_the_portal_envelope()
    {
        var act = () => _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = "not-a-token" });
        (await act.Should().ThrowAsync<UnauthorizedException>()).Which.Message.Should().Be("Session token not found or invalid");

        var response = await _http.GetAsync("/assignment/accounts");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("x-amzn-ErrorType").Single().Should().Be("UnauthorizedException");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["message"]!.GetValue<string>().Should().Be("Session token not found or invalid");
        body["__type"]!.GetValue<string>().Should().Be("com.amazonaws.switchboard.portal#UnauthorizedException");
    }

    [Fact]
    public async Task Logout_invalidates_the_token_but_issued_credentials_keep_working()
    {
        var credentials = (await Credentials(_world.MemberAccountId, "ReadOnlyAccess")).RoleCredentials;
        await _portal.LogoutAsync(new LogoutRequest { AccessToken = _token });

        var act = () => _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = _token });
        await act.Should().ThrowAsync<UnauthorizedException>();
        (await WhoAmI(credentials)).Account.Should().Be(_world.MemberAccountId);
    }

    [Fact]
    public async Task While_trusted_access_is_disabled_the_portal_refuses_and_re_enabling_restores_everything_unchanged()
    {
        var accountsBefore = (await _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = _token })).AccountList.Select(a => a.AccountId).ToList();
        var rolesBefore = await ReservedRoles();

        await _world.DisableTrustedAccess();
        foreach (var call in new Func<Task>[]
        {
            () => _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = _token }),
            () => _portal.ListAccountRolesAsync(new ListAccountRolesRequest { AccessToken = _token, AccountId = _world.MemberAccountId }),
            () => Credentials(_world.MemberAccountId, "AdministratorAccess"),
        })
        {
            var error = (await call.Should().ThrowAsync<AmazonSSOException>()).Which;
            error.ErrorCode.Should().Be("ForbiddenException");
            error.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        (await ReservedRoles()).Should().Equal(rolesBefore);

        await _world.EnableTrustedAccess();
        (await _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = _token })).AccountList.Select(a => a.AccountId)
            .Should().Equal(accountsBefore);
        var identity = await WhoAmI((await Credentials(_world.MemberAccountId, "AdministratorAccess")).RoleCredentials);
        identity.Arn.Should().Be($"arn:aws:sts::{_world.MemberAccountId}:assumed-role/{_adminRole}/{SsoWorld.UserName}");
    }

    [Fact]
    public async Task An_account_removed_from_the_organization_disappears_and_its_roles_are_refused()
    {
        await _world.RemoveAccount(_world.MemberAccountId);

        var accounts = await _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = _token });
        accounts.AccountList.Select(a => a.AccountId).Should().Equal(_world.ManagementAccountId);
        var act = () => Credentials(_world.MemberAccountId, "AdministratorAccess");
        (await act.Should().ThrowAsync<AmazonSSOException>()).Which.ErrorCode.Should().Be("ForbiddenException");
    }

    [Fact]
    public async Task ListAccountRoles_for_an_account_without_assignments_is_empty()
    {
        var other = await _world.AddMemberAccount("Other");
        var roles = await _portal.ListAccountRolesAsync(new ListAccountRolesRequest { AccessToken = _token, AccountId = other });
        roles.RoleList.Should().BeEmpty();
        var act = () => Credentials(other, "AdministratorAccess");
        (await act.Should().ThrowAsync<AmazonSSOException>()).Which.ErrorCode.Should().Be("ForbiddenException");
    }

    [Fact]
    public async Task A_group_assignment_reaches_every_member_and_leaves_with_the_membership()
    {
        var account = await _world.AddMemberAccount("Shared");
        var group = (await _world.Management.Json("AWSIdentityStore", "CreateGroup",
            new { _world.IdentityStoreId, DisplayName = "Engineers" }, "identitystore")).EnsureSuccess().Json;
        var groupId = (string)group["GroupId"]!;
        var membership = (await _world.Management.Json("AWSIdentityStore", "CreateGroupMembership",
            new { _world.IdentityStoreId, GroupId = groupId, MemberId = new { UserId = _world.UserId } }, "identitystore")).EnsureSuccess().Json;
        await _world.Assign(account, "PowerUserAccess", groupId, principalType: "GROUP");

        var roles = await _portal.ListAccountRolesAsync(new ListAccountRolesRequest { AccessToken = _token, AccountId = account });
        roles.RoleList.Select(r => r.RoleName).Should().Equal("PowerUserAccess");
        var credentials = (await Credentials(account, "PowerUserAccess")).RoleCredentials;
        (await WhoAmI(credentials)).Arn.Should().MatchRegex($"^arn:aws:sts::{account}:assumed-role/AWSReservedSSO_PowerUserAccess_[0-9a-f]{{16}}/{SsoWorld.UserName}$");

        (await _world.Management.Json("AWSIdentityStore", "DeleteGroupMembership",
            new { _world.IdentityStoreId, MembershipId = (string)membership["MembershipId"]! }, "identitystore")).EnsureSuccess();
        var after = await _portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = _token });
        after.AccountList.Select(a => a.AccountId).Should().NotContain(account);
        var refused = async () => await Credentials(account, "PowerUserAccess");
        (await refused.Should().ThrowAsync<AmazonSSOException>()).Which.ErrorCode.Should().Be("ForbiddenException");
    }

    private async Task<List<string>> ReservedRoles() =>
        [.. await _world.ReservedRoleNames(_world.ManagementAccountId), .. await _world.ReservedRoleNames(_world.MemberAccountId)];
}
