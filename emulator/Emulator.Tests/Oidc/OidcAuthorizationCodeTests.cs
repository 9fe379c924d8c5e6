using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulator.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests.Oidc;

/// <summary>
/// The authorization code grant with PKCE as AWS CLI ≥ 2.22 uses it: RegisterClient with grantTypes/redirectUris/issuerUrl,
/// GET /authorize (every parameter checked), the portal's sign-in and consent, the loopback redirect, and CreateToken's
/// authorization_code grant (S256 verifier, single use, 10 minutes, same redirect URI) — over HTTP, with a hand-moved clock.
/// </summary>
public sealed partial class OidcAuthorizationCodeTests : IAsyncLifetime
{
    private const string RegisteredRedirect = "http://127.0.0.1/oauth/callback";
    private const string Callback = "http://127.0.0.1:53124/oauth/callback";
    private const string Scope = "sso:account:access";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly string _verifier = new string('v', 20) + Guid.NewGuid().ToString("N"); // 52 characters of the verifier alphabet
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _http = null!;
    private SsoWorld _world = null!;

    public async Task InitializeAsync()
    {
        _factory = new EmulatorFactory().WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        _http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        _world = await SsoWorld.CreateAsync(_http);
        await _world.Assign(_world.MemberAccountId, "AdministratorAccess");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    private string AwsStartUrl => $"https://{_world.IdentityStoreId}.awsapps.com/start";

    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task<(HttpStatusCode Status, string? ErrorType, JsonObject Body)> Post(string path, object body)
    {
        var response = await _http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.Single() : null;
        return (response.StatusCode, errorType, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>RegisterClient exactly as botocore's SSOTokenFetcherAuth sends it.</summary>
    private async Task<(string Id, string Secret)> RegisterCliClient()
    {
        var (status, _, body) = await Post("/client/register", new
        {
            clientName = "botocore-client-dev", clientType = "public", grantTypes = new[] { "authorization_code", "refresh_token" },
            redirectUris = new[] { RegisteredRedirect }, issuerUrl = AwsStartUrl, scopes = new[] { Scope },
        });
        status.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        return ((string)body["clientId"]!, (string)body["clientSecret"]!);
    }

    private static string AuthorizeUrl(string clientId, string redirect = Callback, string responseType = "code", string? challenge = "set",
        string method = "S256", string state = "state-1", string verifier = "") =>
        $"/authorize?response_type={responseType}&client_id={Uri.EscapeDataString(clientId)}&redirect_uri={Uri.EscapeDataString(redirect)}" +
        $"&state={state}&code_challenge_method={method}&scopes={Uri.EscapeDataString(Scope)}" +
        (challenge is null ? "" : $"&code_challenge={(challenge == "set" ? Challenge(verifier) : challenge)}");

    private async Task<HttpResponseMessage> Get(string url) => await _http.GetAsync(url);

    private static string Hidden(string html, string name) =>
        Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;

    /// <summary>Authorize → portal sign-in → consent → the decision; answers the redirect to the client's callback.</summary>
    private async Task<Uri> SignInAndDecide(string clientId, string decision = "allow")
    {
        var authorize = await Get(AuthorizeUrl(clientId, verifier: _verifier));
        authorize.StatusCode.Should().Be(HttpStatusCode.Redirect, await authorize.Content.ReadAsStringAsync());
        var page = authorize.Headers.Location!.ToString();
        page.Should().StartWith("/start/authorize?request=");

        var signInForm = await (await Get(page)).Content.ReadAsStringAsync();
        signInForm.Should().Contain("id=\"sign-in\"");
        var signIn = await _http.PostAsync($"/start/{_world.IdentityStoreId}/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["csrf"] = Hidden(signInForm, "csrf"), ["authorize"] = Hidden(signInForm, "authorize"),
            ["username"] = SsoWorld.UserName, ["password"] = SsoWorld.Password,
        }));
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().Should().Be(page, "after sign-in the portal returns to the consent page");

        var consent = await Get(page);
        var consentHtml = await consent.Content.ReadAsStringAsync();
        consentHtml.Should().Contain("Allow botocore-client-dev to access your data?");
        consent.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("form-action 'self' http://127.0.0.1:53124");
        var decided = await _http.PostAsync("/start/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["csrf"] = Hidden(consentHtml, "csrf"), ["request"] = Hidden(consentHtml, "request"), ["decision"] = decision,
        }));
        decided.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return decided.Headers.Location!;
    }

    private static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

    private Task<(HttpStatusCode Status, string? ErrorType, JsonObject Body)> Redeem((string Id, string Secret) client, string code,
        string? verifier = null, string redirect = Callback) =>
        Post("/token", new
        {
            clientId = client.Id, clientSecret = client.Secret, grantType = "authorization_code", code,
            codeVerifier = verifier ?? _verifier, redirectUri = redirect,
        });

    [Fact]
    public async Task The_cli_sequence_signs_in_through_the_portal_and_redeems_the_code_once_with_the_verifier()
    {
        var client = await RegisterCliClient();

        var callback = await SignInAndDecide(client.Id);

        callback.GetLeftPart(UriPartial.Path).Should().Be(Callback);
        var query = Query(callback);
        query["state"].Should().Be("state-1");
        var code = query["code"];

        var wrongVerifier = await Redeem(client, code, verifier: new string('x', 43));
        (wrongVerifier.Status, wrongVerifier.ErrorType, (string?)wrongVerifier.Body["error"]).Should().Be((HttpStatusCode.BadRequest, "InvalidGrantException", "invalid_grant"));
        var wrongRedirect = await Redeem(client, code, redirect: "http://127.0.0.1:1/oauth/callback");
        (wrongRedirect.Status, wrongRedirect.ErrorType).Should().Be((HttpStatusCode.BadRequest, "InvalidGrantException"));
        var otherClient = await RegisterCliClient();
        (await Redeem(otherClient, code)).ErrorType.Should().Be("InvalidGrantException", "a code belongs to the client it was issued to");

        var token = await Redeem(client, code);
        token.Status.Should().Be(HttpStatusCode.OK, token.Body.ToJsonString());
        ((string)token.Body["tokenType"]!).Should().Be("Bearer");
        ((string)token.Body["refreshToken"]!).Should().NotBeNullOrEmpty();
        var again = await Redeem(client, code);
        (again.ErrorType, (string?)again.Body["error_description"]).Should().Be(("InvalidGrantException", "Authorization code has already been used"));

        using var accounts = new HttpRequestMessage(HttpMethod.Get, "/assignment/accounts");
        accounts.Headers.Add("x-amz-sso_bearer_token", (string)token.Body["accessToken"]!);
        var listed = await _http.SendAsync(accounts);
        (await listed.Content.ReadAsStringAsync()).Should().Contain(_world.MemberAccountId);

        var refreshed = await Post("/token", new { clientId = client.Id, clientSecret = client.Secret, grantType = "refresh_token", refreshToken = (string)token.Body["refreshToken"]! });
        refreshed.Status.Should().Be(HttpStatusCode.OK, "the client registered the refresh_token grant too");
    }

    [Fact]
    public async Task A_code_expires_ten_minutes_after_the_user_approved()
    {
        var client = await RegisterCliClient();
        var code = Query(await SignInAndDecide(client.Id))["code"];

        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var late = await Redeem(client, code);
        (late.ErrorType, (string?)late.Body["error_description"]).Should().Be(("InvalidGrantException", "Authorization code has expired"));
    }

    [Fact]
    public async Task Denying_sends_access_denied_back_to_the_client_with_its_state()
    {
        var client = await RegisterCliClient();

        var query = Query(await SignInAndDecide(client.Id, decision: "deny"));

        (query["error"], query["state"]).Should().Be(("access_denied", "state-1"));
        query.Should().NotContainKey("code");
    }

    [Fact]
    public async Task Authorize_shows_an_error_page_and_never_redirects_for_an_unknown_client_or_an_unregistered_redirect_uri()
    {
        var client = await RegisterCliClient();

        foreach (var url in new[]
                 {
                     AuthorizeUrl("no-such-client", verifier: _verifier),
                     AuthorizeUrl(client.Id, redirect: "http://127.0.0.1:5000/elsewhere", verifier: _verifier),
                     AuthorizeUrl(client.Id, redirect: "http://evil.example/oauth/callback", verifier: _verifier),
                     AuthorizeUrl(client.Id, redirect: "", verifier: _verifier),
                 })
        {
            var response = await Get(url);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, url);
            response.Headers.Location.Should().BeNull("an unverified redirect URI is never followed: {0}", url);
            (await response.Content.ReadAsStringAsync()).Should().Contain("id=\"authorize-error\"");
        }
    }

    [Theory]
    [InlineData("token", "set", "S256", "unsupported_response_type")]
    [InlineData("code", null, "S256", "invalid_request")]
    [InlineData("code", "set", "plain", "invalid_request")]
    [InlineData("code", "too-short", "S256", "invalid_request")]
    public async Task Authorize_redirects_oauth_errors_to_the_client_with_its_state(string responseType, string? challenge, string method, string error)
    {
        var client = await RegisterCliClient();

        var response = await Get(AuthorizeUrl(client.Id, responseType: responseType, challenge: challenge, method: method, state: "s-42", verifier: _verifier));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).Should().Be(Callback);
        (Query(location)["error"], Query(location)["state"]).Should().Be((error, "s-42"));
    }

    [Fact]
    public async Task A_device_flow_client_may_not_use_authorize_or_the_authorization_code_grant()
    {
        var (_, _, legacy) = await Post("/client/register", new { clientName = "old-cli", clientType = "public", redirectUris = new[] { RegisteredRedirect } });

        var response = await Get(AuthorizeUrl((string)legacy["clientId"]!, verifier: _verifier));

        Query(response.Headers.Location!)["error"].Should().Be("unauthorized_client");
        var token = await Redeem(((string)legacy["clientId"]!, (string)legacy["clientSecret"]!), "any-code");
        token.ErrorType.Should().Be("UnauthorizedClientException");
    }

    [Fact]
    public async Task RegisterClient_checks_the_grant_types_redirect_uris_and_issuer_url_of_an_authorization_code_client()
    {
        async Task<string?> Register(object body) => (await Post("/client/register", body)).ErrorType;
        var grants = new[] { "authorization_code", "refresh_token" };

        (await Register(new { clientName = "c", clientType = "public", grantTypes = new[] { "implicit" } })).Should().Be("UnsupportedGrantTypeException");
        (await Register(new { clientName = "c", clientType = "public", grantTypes = grants, issuerUrl = AwsStartUrl }))
            .Should().Be("InvalidRedirectUriException");
        (await Register(new { clientName = "c", clientType = "public", grantTypes = grants, issuerUrl = AwsStartUrl, redirectUris = new[] { "http://example.com/cb" } }))
            .Should().Be("InvalidRedirectUriException", "plain http is for loopback redirects only");
        (await Register(new { clientName = "c", clientType = "public", grantTypes = grants, redirectUris = new[] { RegisteredRedirect }, issuerUrl = "https://d-0000000000.awsapps.com/start" }))
            .Should().Be("InvalidRequestException");
        (await Register(new { clientName = "c", clientType = "public", grantTypes = grants, redirectUris = new[] { RegisteredRedirect }, issuerUrl = _world.StartUrl }))
            .Should().BeNull("the emulator's own portal URL names the instance too");
    }
}
