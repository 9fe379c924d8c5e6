using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Services.Sso;
using Emulator.State;
using Emulator.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests.Oidc;

/// <summary>
/// Nothing grows without bound: expired tokens, device authorizations, client registrations, portal sessions and
/// role credentials are purged by the sweeper (on a hand-moved clock); secrets the emulator only compares are stored hashed.
/// </summary>
public sealed class ExpiredStateTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow); // the cookie container judges cookie expiry by the real clock
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _http = null!;
    private SsoWorld _world = null!;

    public async Task InitializeAsync()
    {
        _factory = new EmulatorFactory(_clock);
        _http = _factory.CreateClient();
        _world = await SsoWorld.CreateAsync(_http);
        await _world.Assign(_world.MemberAccountId, "AdministratorAccess", sessionDuration: "PT1H");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    private StateStore Store => _factory.Services.GetRequiredService<StateStore>();

    private void Sweep() => _factory.Services.GetRequiredService<ExpiredStateSweeper>().SweepOnce();

    private async Task<JsonObject> Post(string path, object body)
    {
        var response = await _http.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Registers a client, signs alice in through the device flow and returns the client and its tokens.</summary>
    private async Task<(string ClientId, string Secret, string AccessToken, string RefreshToken)> SignIn()
    {
        var client = await Post("/client/register", new { clientName = "cli", clientType = "public" });
        var (clientId, secret) = ((string)client["clientId"]!, (string)client["clientSecret"]!);
        var device = await Post("/device_authorization", new { clientId, clientSecret = secret, startUrl = _world.StartUrl });
        (await SsoSdk.ApproveAsync(_http, (string)device["userCode"]!, SsoWorld.UserName, SsoWorld.Password)).EnsureSuccessStatusCode();
        var token = await Post("/token", new { clientId, clientSecret = secret, grantType = SsoSdk.DeviceCodeGrant, deviceCode = (string)device["deviceCode"]! });
        return (clientId, secret, (string)token["accessToken"]!, (string)token["refreshToken"]!);
    }

    private async Task GetRoleCredentials(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/federation/credentials?account_id={_world.MemberAccountId}&role_name=AdministratorAccess");
        request.Headers.Add("x-amz-sso_bearer_token", accessToken);
        (await _http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private (int Tokens, int RefreshTokens, int Devices, int UserCodes, int Clients, int Sessions) Counts() => Store.Read(tx => (
        tx.OidcTokens.FindAll().Count(), tx.OidcRefreshTokens.FindAll().Count(), tx.DeviceAuthorizations.FindAll().Count(),
        tx.UserCodes.FindAll().Count(), tx.OidcClients.FindAll().Count(), tx.Sessions.FindAll().Count()));

    [Fact]
    public async Task Refreshing_and_issuing_credentials_keep_a_bounded_state_and_the_sweeper_purges_what_expired()
    {
        var (clientId, secret, accessToken, refreshToken) = await SignIn();
        for (var i = 0; i < 5; i++)
        {
            var renewed = await Post("/token", new { clientId, clientSecret = secret, grantType = "refresh_token", refreshToken });
            (accessToken, refreshToken) = ((string)renewed["accessToken"]!, (string)renewed["refreshToken"]!);
            await GetRoleCredentials(accessToken);
        }
        Counts().Should().Be((6, 1, 1, 0, 1, 5), "rotation keeps one refresh token; the spent user code is freed at once");

        _clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1)); // access tokens, device code, role credentials (1 h + 1 h retention)
        Sweep();
        Counts().Should().Be((0, 1, 0, 0, 1, 0));

        var again = await Post("/token", new { clientId, clientSecret = secret, grantType = "refresh_token", refreshToken });
        ((string)again["accessToken"]!).Should().StartWith("aoa", "the sign-in session outlives its access tokens");

        _clock.Advance(TimeSpan.FromDays(90));
        Sweep();
        Counts().Should().Be((0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Expired_role_credentials_still_answer_ExpiredToken_until_the_retention_ends()
    {
        var (_, _, accessToken, _) = await SignIn();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/federation/credentials?account_id={_world.MemberAccountId}&role_name=AdministratorAccess");
        request.Headers.Add("x-amz-sso_bearer_token", accessToken);
        var credentials = JsonNode.Parse(await (await _http.SendAsync(request)).Content.ReadAsStringAsync())!["roleCredentials"]!;
        var caller = _world.Management.As((string)credentials["accessKeyId"]!, (string)credentials["sessionToken"]!);

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30));
        Sweep();
        (await caller.Sts("GetCallerIdentity")).ErrorCode.Should().Be("ExpiredToken");
        Counts().Sessions.Should().Be(1);

        _clock.Advance(TimeSpan.FromHours(1));
        Sweep();
        Counts().Sessions.Should().Be(0);
    }

    [Fact]
    public async Task Client_secrets_and_refresh_tokens_are_stored_only_as_hashes()
    {
        var (clientId, secret, _, refreshToken) = await SignIn();
        var client = Store.Read(tx => tx.OidcClients.FindById(clientId));
        client.ClientSecretHash.Should().NotContain(secret).And.HaveLength(64);
        Store.Read(tx => tx.OidcRefreshTokens.FindAll().Select(r => r.RefreshTokenHash).ToList())
            .Should().ContainSingle().Which.Should().NotBe(refreshToken).And.HaveLength(64);

        var wrong = await _http.PostAsJsonAsync("/device_authorization", new { clientId, clientSecret = secret + "x", startUrl = _world.StartUrl });
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Portal_page_views_issue_no_credentials_and_asking_for_a_role_issues_one_set()
    {
        var startPath = new Uri(_world.StartUrl).PathAndQuery;
        static string Csrf(string html) => System.Text.RegularExpressions.Regex.Match(html, "name=\"csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        var signInForm = await _http.GetStringAsync(startPath);
        var signedIn = await _http.PostAsync($"{startPath}/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = SsoWorld.UserName, ["password"] = SsoWorld.Password, ["csrf"] = Csrf(signInForm),
        }));
        var accounts = await signedIn.Content.ReadAsStringAsync();
        accounts.Should().Contain("Command line access");
        var before = Counts().Sessions;
        for (var i = 0; i < 3; i++) (await _http.GetStringAsync(startPath)).Should().NotContain("AWS_ACCESS_KEY_ID");
        Counts().Sessions.Should().Be(before, "a page view issues nothing");

        var revealed = await _http.PostAsync($"{startPath}/credentials", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["csrf"] = Csrf(accounts), ["account_id"] = _world.MemberAccountId, ["role_name"] = "AdministratorAccess",
        }));
        (await revealed.Content.ReadAsStringAsync()).Should().Contain("export AWS_ACCESS_KEY_ID=ASIA");
        Counts().Sessions.Should().Be(before + 1);
    }
}
