using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.SSOOIDC;
using Amazon.SSOOIDC.Model;
using Emulator.Hosting;
using Emulator.Tests.Support;

namespace Emulator.Tests.Oidc;

/// <summary>SSO OIDC through the real AWS SDK for .NET against a listening emulator: registration and the device grant.</summary>
public sealed class OidcDeviceFlowTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private EmulatorServer _emulator = null!;
    private HttpClient _http = null!;
    private SsoWorld _world = null!;
    private AmazonSSOOIDCClient _oidc = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(clock: _clock);
        _http = new HttpClient { BaseAddress = _emulator.Endpoint };
        _world = await SsoWorld.CreateAsync(_http);
        await _world.Assign(_world.MemberAccountId, "AdministratorAccess");
        _oidc = SsoSdk.Oidc(_emulator.Endpoint);
    }

    public async Task DisposeAsync()
    {
        _oidc.Dispose();
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task RegisterClient_issues_a_client_for_ninety_days_in_epoch_seconds()
    {
        var client = await _oidc.RegisterClientAsync(new RegisterClientRequest { ClientName = "cli", ClientType = "public" });
        client.ClientId.Should().NotBeNullOrEmpty();
        client.ClientSecret.Should().NotBeNullOrEmpty();
        client.ClientIdIssuedAt.Should().Be(_clock.Now.ToUnixTimeSeconds());
        (client.ClientSecretExpiresAt - client.ClientIdIssuedAt).Should().Be(90L * 24 * 3600);
    }

    [Fact]
    public async Task RegisterClient_accepts_only_public_clients()
    {
        var act = () => _oidc.RegisterClientAsync(new RegisterClientRequest { ClientName = "cli", ClientType = "confidential" });
        (await act.Should().ThrowAsync<InvalidClientMetadataException>()).Which.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task StartDeviceAuthorization_names_the_portal_device_page_and_a_user_code()
    {
        var (_, device) = await SsoSdk.StartAsync(_oidc, _world.StartUrl);
        device.UserCode.Should().MatchRegex("^[A-Z]{4}-[A-Z]{4}$");
        device.VerificationUri.Should().Be(new Uri(_emulator.Endpoint, "start/device").ToString());
        device.VerificationUriComplete.Should().Be($"{device.VerificationUri}?user_code={device.UserCode}");
        device.ExpiresIn.Should().Be(600);
        device.Interval.Should().Be(1);
        device.DeviceCode.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task StartDeviceAuthorization_refuses_a_wrong_secret_and_an_unknown_start_url()
    {
        var client = await _oidc.RegisterClientAsync(new RegisterClientRequest { ClientName = "cli", ClientType = "public" });
        var wrongSecret = () => _oidc.StartDeviceAuthorizationAsync(new StartDeviceAuthorizationRequest
        {
            ClientId = client.ClientId, ClientSecret = client.ClientSecret + "x", StartUrl = _world.StartUrl,
        });
        (await wrongSecret.Should().ThrowAsync<InvalidClientException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var unknownUrl = () => _oidc.StartDeviceAuthorizationAsync(new StartDeviceAuthorizationRequest
        {
            ClientId = client.ClientId, ClientSecret = client.ClientSecret, StartUrl = new Uri(_emulator.Endpoint, "start/d-0000000000").ToString(),
        });
        await unknownUrl.Should().ThrowAsync<InvalidRequestException>();
    }

    [Fact]
    public async Task The_device_flow_is_pending_until_approved_then_yields_a_bearer_token_once()
    {
        var (client, device) = await SsoSdk.StartAsync(_oidc, _world.StartUrl);
        var pending = () => SsoSdk.RedeemAsync(_oidc, client, device);
        await pending.Should().ThrowAsync<AuthorizationPendingException>();

        var approval = await SsoSdk.ApproveAsync(_http, device.UserCode, SsoWorld.UserName, SsoWorld.Password);
        approval.StatusCode.Should().Be(HttpStatusCode.OK);
        (await approval.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().Should().Be("approved");

        var token = await SsoSdk.RedeemAsync(_oidc, client, device);
        token.AccessToken.Should().NotBeNullOrEmpty();
        token.TokenType.Should().Be("Bearer");
        token.ExpiresIn.Should().Be(28800);
        token.RefreshToken.Should().NotBeNullOrEmpty();

        var again = () => SsoSdk.RedeemAsync(_oidc, client, device);
        await again.Should().ThrowAsync<InvalidGrantException>();
    }

    [Fact]
    public async Task Polling_faster_than_the_interval_is_SlowDown()
    {
        var (client, device) = await SsoSdk.StartAsync(_oidc, _world.StartUrl);
        var poll = () => SsoSdk.RedeemAsync(_oidc, client, device);
        await poll.Should().ThrowAsync<AuthorizationPendingException>();
        await poll.Should().ThrowAsync<SlowDownException>();
    }

    [Fact]
    public async Task A_pending_poll_answers_in_the_oauth_error_envelope()
    {
        var (client, device) = await SsoSdk.StartAsync(_oidc, _world.StartUrl);
        var response = await _http.PostAsJsonAsync("/token", new
        {
            clientId = client.ClientId, clientSecret = client.ClientSecret, grantType = SsoSdk.DeviceCodeGrant, deviceCode = device.DeviceCode,
        });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.GetValues("x-amzn-ErrorType").Single().Should().Be("AuthorizationPendingException");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["error"]!.GetValue<string>().Should().Be("authorization_pending");
        body["error_description"]!.GetValue<string>().Should().Be("Authorization is still pending");
        body.ContainsKey("message").Should().BeFalse();
    }

    [Fact]
    public async Task A_refresh_token_yields_a_new_working_access_token_and_is_replaced_until_logout()
    {
        var (client, device) = await SsoSdk.StartAsync(_oidc, _world.StartUrl);
        (await SsoSdk.ApproveAsync(_http, device.UserCode, SsoWorld.UserName, SsoWorld.Password)).EnsureSuccessStatusCode();
        var first = await SsoSdk.RedeemAsync(_oidc, client, device);

        var refreshed = await _oidc.CreateTokenAsync(new CreateTokenRequest
        {
            ClientId = client.ClientId, ClientSecret = client.ClientSecret, GrantType = "refresh_token", RefreshToken = first.RefreshToken,
        });
        refreshed.AccessToken.Should().NotBe(first.AccessToken);
        refreshed.RefreshToken.Should().StartWith("aor").And.NotBe(first.RefreshToken, "each refresh rotates the refresh token");
        var reused = () => _oidc.CreateTokenAsync(new CreateTokenRequest
        {
            ClientId = client.ClientId, ClientSecret = client.ClientSecret, GrantType = "refresh_token", RefreshToken = first.RefreshToken,
        });
        await reused.Should().ThrowAsync<InvalidGrantException>("a used refresh token is spent");
        using var portal = SsoSdk.Portal(_emulator.Endpoint);
        (await portal.ListAccountsAsync(new Amazon.SSO.Model.ListAccountsRequest { AccessToken = refreshed.AccessToken }))
            .AccountList.Should().ContainSingle(a => a.AccountId == _world.MemberAccountId);

        await portal.LogoutAsync(new Amazon.SSO.Model.LogoutRequest { AccessToken = refreshed.AccessToken });
        var afterLogout = () => _oidc.CreateTokenAsync(new CreateTokenRequest
        {
            ClientId = client.ClientId, ClientSecret = client.ClientSecret, GrantType = "refresh_token", RefreshToken = refreshed.RefreshToken,
        });
        await afterLogout.Should().ThrowAsync<InvalidGrantException>();
        var unknown = () => _oidc.CreateTokenAsync(new CreateTokenRequest
        {
            ClientId = client.ClientId, ClientSecret = client.ClientSecret, GrantType = "refresh_token", RefreshToken = "aor-not-issued",
        });
        await unknown.Should().ThrowAsync<InvalidGrantException>();
    }

    [Fact]
    public async Task Other_grant_types_are_UnsupportedGrantType()
    {
        var client = await _oidc.RegisterClientAsync(new RegisterClientRequest { ClientName = "cli", ClientType = "public" });
        var act = () => _oidc.CreateTokenAsync(new CreateTokenRequest
        {
            ClientId = client.ClientId, ClientSecret = client.ClientSecret, GrantType = "client_credentials",
        });
        await act.Should().ThrowAsync<UnsupportedGrantTypeException>();
    }

    [Fact]
    public async Task The_control_plane_refuses_a_wrong_password_and_an_unknown_code_with_json_errors()
    {
        var (client, device) = await SsoSdk.StartAsync(_oidc, _world.StartUrl);
        var wrong = await SsoSdk.ApproveAsync(_http, device.UserCode, SsoWorld.UserName, "wrong");
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("InvalidCredentials");

        var unknown = await SsoSdk.ApproveAsync(_http, "BBBB-BBBB", SsoWorld.UserName, SsoWorld.Password);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);

        var empty = await _http.PostAsJsonAsync("/_emulator/sso/device/approve", new { userCode = device.UserCode });
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var stillPending = () => SsoSdk.RedeemAsync(_oidc, client, device);
        await stillPending.Should().ThrowAsync<AuthorizationPendingException>();
    }

    [Fact]
    public async Task Approval_is_refused_while_trusted_access_is_disabled()
    {
        var (_, device) = await SsoSdk.StartAsync(_oidc, _world.StartUrl);
        await _world.DisableTrustedAccess();
        var refused = await SsoSdk.ApproveAsync(_http, device.UserCode, SsoWorld.UserName, SsoWorld.Password);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("trusted access with AWS Organizations is disabled");
    }

    [Fact]
    public async Task A_code_is_approved_once_and_user_codes_are_read_leniently()
    {
        var (client, device) = await SsoSdk.StartAsync(_oidc, _world.StartUrl);
        var lenient = device.UserCode.Replace("-", "").ToLowerInvariant();
        (await SsoSdk.ApproveAsync(_http, lenient, SsoWorld.UserName, SsoWorld.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        var twice = await SsoSdk.ApproveAsync(_http, device.UserCode, SsoWorld.UserName, SsoWorld.Password);
        twice.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await twice.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("UserCodeAlreadyUsed");
        (await SsoSdk.RedeemAsync(_oidc, client, device)).AccessToken.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_directory_user_without_a_password_cannot_approve()
    {
        var (_, device) = await SsoSdk.StartAsync(_oidc, _world.StartUrl);
        (await _world.Management.Json("AWSIdentityStore", "CreateUser", new
        {
            _world.IdentityStoreId, UserName = "bob", DisplayName = "bob", Name = new { GivenName = "Bob", FamilyName = "Tester" },
        }, "identitystore")).EnsureSuccess();
        (await SsoSdk.ApproveAsync(_http, device.UserCode, "bob", "")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SsoSdk.ApproveAsync(_http, device.UserCode, "bob", "anything")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
