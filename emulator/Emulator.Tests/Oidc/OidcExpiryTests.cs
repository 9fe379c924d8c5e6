using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests.Oidc;

/// <summary>Lifetimes on a hand-moved clock: device codes (600 s), access tokens (8 h), client registrations (90 days), role credentials.</summary>
public sealed class OidcExpiryTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _http = null!;
    private SsoWorld _world = null!;

    public async Task InitializeAsync()
    {
        _factory = new EmulatorFactory(_clock);
        _http = _factory.CreateClient();
        _world = await SsoWorld.CreateAsync(_http);
        await _world.Assign(_world.MemberAccountId, "AdministratorAccess", sessionDuration: "PT2H");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<(HttpResponseMessage Response, JsonObject Body)> Post(string path, object body)
    {
        var response = await _http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }

    private async Task<(string ClientId, string ClientSecret, string DeviceCode, string UserCode)> Start()
    {
        var (_, client) = await Post("/client/register", new { clientName = "cli", clientType = "public" });
        var clientId = (string)client["clientId"]!;
        var clientSecret = (string)client["clientSecret"]!;
        var (_, device) = await Post("/device_authorization", new { clientId, clientSecret, startUrl = _world.StartUrl });
        return (clientId, clientSecret, (string)device["deviceCode"]!, (string)device["userCode"]!);
    }

    private Task<(HttpResponseMessage Response, JsonObject Body)> Redeem(string clientId, string clientSecret, string deviceCode) =>
        Post("/token", new { clientId, clientSecret, grantType = SsoSdk.DeviceCodeGrant, deviceCode });

    private static string? ErrorType(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.Single() : null;

    private async Task<HttpResponseMessage> Portal(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-amz-sso_bearer_token", token);
        return await _http.SendAsync(request);
    }

    [Fact]
    public async Task A_device_code_expires_after_600_seconds()
    {
        var (clientId, secret, deviceCode, userCode) = await Start();
        _clock.Advance(TimeSpan.FromSeconds(601));
        var (response, body) = await Redeem(clientId, secret, deviceCode);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ErrorType(response).Should().Be("ExpiredTokenException");
        ((string)body["error"]!).Should().Be("expired_token");
        (await SsoSdk.ApproveAsync(_http, userCode, SsoWorld.UserName, SsoWorld.Password)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_access_token_expires_after_eight_hours_and_a_refresh_token_renews_it()
    {
        var (clientId, secret, deviceCode, userCode) = await Start();
        (await SsoSdk.ApproveAsync(_http, userCode, SsoWorld.UserName, SsoWorld.Password)).EnsureSuccessStatusCode();
        var (_, token) = await Redeem(clientId, secret, deviceCode);
        var accessToken = (string)token["accessToken"]!;
        (await Portal("/assignment/accounts", accessToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromSeconds(1));
        var expired = await Portal("/assignment/accounts", accessToken);
        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        ErrorType(expired).Should().Be("UnauthorizedException");

        var (refreshed, renewed) = await Post("/token", new { clientId, clientSecret = secret, grantType = "refresh_token", refreshToken = (string)token["refreshToken"]! });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Portal("/assignment/accounts", (string)renewed["accessToken"]!)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_registration_expires_after_ninety_days()
    {
        var (clientId, secret, _, _) = await Start();
        _clock.Advance(TimeSpan.FromDays(90) + TimeSpan.FromSeconds(1));
        var (response, body) = await Post("/device_authorization", new { clientId, clientSecret = secret, startUrl = _world.StartUrl });
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        ErrorType(response).Should().Be("InvalidClientException");
        ((string)body["error"]!).Should().Be("invalid_client");
    }

    [Fact]
    public async Task Role_credentials_last_the_permission_sets_session_duration()
    {
        var (clientId, secret, deviceCode, userCode) = await Start();
        (await SsoSdk.ApproveAsync(_http, userCode, SsoWorld.UserName, SsoWorld.Password)).EnsureSuccessStatusCode();
        var (_, token) = await Redeem(clientId, secret, deviceCode);
        var response = await Portal($"/federation/credentials?account_id={_world.MemberAccountId}&role_name=AdministratorAccess", (string)token["accessToken"]!);
        var credentials = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["roleCredentials"]!;
        credentials["expiration"]!.GetValue<long>().Should().Be(_clock.Now.AddHours(2).ToUnixTimeMilliseconds());

        var caller = _world.Management.As((string)credentials["accessKeyId"]!, (string)credentials["sessionToken"]!);
        (await caller.Sts("GetCallerIdentity")).EnsureSuccess().XmlValue("Account").Should().Be(_world.MemberAccountId);
        _clock.Advance(TimeSpan.FromHours(2));
        (await caller.Sts("GetCallerIdentity")).ErrorCode.Should().Be("ExpiredToken");
    }
}
