using System.Net;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Emulator.Hosting;
using Emulator.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Emulator.Tests.Portal;

/// <summary>The user portal in a real (headless Chromium) browser: sign-in, accounts and roles, credentials, device approval, sign-out.</summary>
public sealed class PortalBrowserTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private HttpClient _http = null!;
    private SsoWorld _world = null!;
    private Browser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private string _adminRole = "";

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync();
        _http = new HttpClient { BaseAddress = _emulator.Endpoint };
        _world = await SsoWorld.CreateAsync(_http);
        _adminRole = await _world.Assign(_world.MemberAccountId, "AdministratorAccess");
        await _world.Assign(_world.ManagementAccountId, "ReadOnlyAccess");
        _browser = await Browser.LaunchAsync();
        _context = await _browser.Chromium.NewContextAsync();
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.CloseAsync();
        await _browser.DisposeAsync();
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task SignIn(string password = SsoWorld.Password)
    {
        await _page.Locator("#username").FillAsync(SsoWorld.UserName);
        await _page.Locator("#password").FillAsync(password);
        await _page.Locator("#sign-in").ClickAsync();
    }

    [Fact]
    public async Task A_user_signs_in_sees_accounts_and_roles_reveals_working_credentials_and_signs_out()
    {
        await _page.GotoAsync(_world.StartUrl);
        await SignIn();

        await Expect(_page.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as alice");
        var member = _page.Locator($"section.account[data-account-id='{_world.MemberAccountId}']");
        await Expect(member.Locator(".account-name")).ToHaveTextAsync("Sandbox");
        await Expect(member.Locator(".role-name")).ToHaveTextAsync(["AdministratorAccess"]);
        var management = _page.Locator($"section.account[data-account-id='{_world.ManagementAccountId}']");
        await Expect(management.Locator(".role-name")).ToHaveTextAsync(["ReadOnlyAccess"]);

        var credentials = member.Locator("li.role pre.credentials");
        await Expect(credentials).ToHaveCountAsync(0); // a page view issues no credentials
        await member.Locator("button", new() { HasText = "Command line access" }).ClickAsync();
        await Expect(credentials).ToBeVisibleAsync();
        await Expect(_page.Locator("pre.credentials")).ToHaveCountAsync(1); // only the role asked for
        var text = await credentials.InnerTextAsync();
        string Value(string name) => Regex.Match(text, $"export {name}=(\\S+)").Groups[1].Value;
        Value("AWS_ACCESS_KEY_ID").Should().StartWith("ASIA");

        using var sts = SsoSdk.Sts(_emulator.Endpoint,
            new SessionAWSCredentials(Value("AWS_ACCESS_KEY_ID"), Value("AWS_SECRET_ACCESS_KEY"), Value("AWS_SESSION_TOKEN")));
        (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Arn
            .Should().Be($"arn:aws:sts::{_world.MemberAccountId}:assumed-role/{_adminRole}/alice");

        var cookie = (await _context.CookiesAsync()).Single(c => c.Name == "sso_portal_session");
        cookie.HttpOnly.Should().BeTrue();
        cookie.SameSite.Should().Be(SameSiteAttribute.Strict);

        (await Replay(cookie.Value)).Should().Contain("Sandbox", "the cookie alone identifies the session");

        await _page.Locator("#sign-out").ClickAsync();
        await Expect(_page.Locator("#username")).ToBeVisibleAsync();
        (await _context.CookiesAsync()).Should().NotContain(c => c.Name == "sso_portal_session");

        // The old cookie no longer signs anyone in: the session was deleted on the server.
        (await Replay(cookie.Value)).Should().Contain("id=\"username\"").And.NotContain("Sandbox");
    }

    private async Task<string> Replay(string sessionCookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _emulator.Endpoint };
        using var replay = new HttpRequestMessage(HttpMethod.Get, $"/start/{_world.IdentityStoreId}");
        replay.Headers.Add("Cookie", $"sso_portal_session={sessionCookie}");
        return await (await http.SendAsync(replay)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_an_error()
    {
        await _page.GotoAsync(_world.StartUrl);
        await SignIn("not-the-password");
        await Expect(_page.Locator("#error")).ToHaveTextAsync("Incorrect username or password.");
        await Expect(_page.Locator("#username")).ToBeVisibleAsync();
        await Expect(_page.Locator("section.account")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_device_code_approved_in_the_browser_is_redeemed_by_an_SDK_client()
    {
        using var oidc = SsoSdk.Oidc(_emulator.Endpoint);
        var (client, device) = await SsoSdk.StartAsync(oidc, _world.StartUrl);

        await _page.GotoAsync(device.VerificationUriComplete);
        await SignIn();
        await Expect(_page.Locator("#user-code")).ToHaveTextAsync(device.UserCode);
        await _page.Locator("#approve").ClickAsync();
        await Expect(_page.Locator("#approved")).ToContainTextAsync("emulator-tests");

        var token = await SsoSdk.RedeemAsync(oidc, client, device);
        using var portal = SsoSdk.Portal(_emulator.Endpoint);
        (await portal.ListAccountsAsync(new Amazon.SSO.Model.ListAccountsRequest { AccessToken = token.AccessToken }))
            .AccountList.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_device_code_denied_in_the_browser_is_AccessDenied_for_the_client()
    {
        using var oidc = SsoSdk.Oidc(_emulator.Endpoint);
        var (client, device) = await SsoSdk.StartAsync(oidc, _world.StartUrl);
        await _page.GotoAsync(_world.StartUrl);
        await SignIn();
        await _page.GotoAsync(device.VerificationUriComplete);
        await _page.Locator("#deny").ClickAsync();
        await Expect(_page.Locator("#denied")).ToBeVisibleAsync();

        var act = () => SsoSdk.RedeemAsync(oidc, client, device);
        await act.Should().ThrowAsync<Amazon.SSOOIDC.Model.AccessDeniedException>();
    }

    [Fact]
    public async Task While_trusted_access_is_disabled_the_portal_says_it_is_unavailable_and_refuses_sign_in()
    {
        await _page.GotoAsync(_world.StartUrl);
        await _world.DisableTrustedAccess();
        await SignIn();
        await Expect(_page.Locator("#unavailable")).ToContainTextAsync(
            "IAM Identity Center is unavailable: trusted access with AWS Organizations is disabled");
        await Expect(_page.Locator("#signed-in-as")).ToHaveCountAsync(0);

        await _world.EnableTrustedAccess();
        await _page.GotoAsync(_world.StartUrl);
        await SignIn();
        await Expect(_page.Locator("section.account")).ToHaveCountAsync(2);

        await _world.DisableTrustedAccess();
        await _page.ReloadAsync();
        await Expect(_page.Locator("#unavailable")).ToBeVisibleAsync();
        await Expect(_page.Locator("section.account")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Names_are_shown_as_text_never_as_markup()
    {
        var evil = await _world.AddMemberAccount("<i id=\"injected\">Evil</i>");
        await _world.Assign(evil, "AdministratorAccess");
        await _page.GotoAsync(_world.StartUrl);
        await SignIn();
        await Expect(_page.Locator($"section.account[data-account-id='{evil}'] .account-name")).ToHaveTextAsync("<i id=\"injected\">Evil</i>");
        await Expect(_page.Locator("#injected")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Posts_without_the_forms_csrf_token_are_refused()
    {
        // Sign-in without the form's token (cookie + hidden field): refused, no session.
        var noToken = await _http.PostAsync($"/start/{_world.IdentityStoreId}/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = SsoWorld.UserName, ["password"] = SsoWorld.Password }));
        noToken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        noToken.Headers.Contains("Set-Cookie").Should().BeTrue();
        noToken.Headers.GetValues("Set-Cookie").Should().NotContain(c => c.StartsWith("sso_portal_session="));

        // Signed in in the browser; a sign-out forged with the cookie but without the session's token changes nothing.
        await _page.GotoAsync(_world.StartUrl);
        await SignIn();
        var session = (await _context.CookiesAsync()).Single(c => c.Name == "sso_portal_session").Value;
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/start/{_world.IdentityStoreId}/signout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["csrf"] = "guess" }),
        };
        forged.Headers.Add("Cookie", $"sso_portal_session={session}");
        (await _http.SendAsync(forged)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await _page.ReloadAsync();
        await Expect(_page.Locator("#signed-in-as")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_setup_page_enables_Identity_Center_like_the_control_plane_and_explains_refusals()
    {
        await _page.GotoAsync(new Uri(_emulator.Endpoint, "start/setup").ToString());
        await Expect(_page.Locator("#account-id")).ToHaveValueAsync(_world.ManagementAccountId);

        await _page.Locator("#account-id").FillAsync(_world.MemberAccountId);
        await _page.Locator("#enable").ClickAsync();
        await Expect(_page.Locator("#error")).ToContainTextAsync("is not the management account");

        await _world.DisableTrustedAccess();
        await _page.Locator("#account-id").FillAsync(_world.ManagementAccountId);
        await _page.Locator("#enable").ClickAsync();
        await Expect(_page.Locator("#identity-store-id")).ToHaveTextAsync(_world.IdentityStoreId);
        await Expect(_page.Locator("#instance-arn")).ToHaveTextAsync(_world.InstanceArn);
        var services = await _world.Management.Organizations("ListAWSServiceAccessForOrganization");
        services.Body.Should().Contain("sso.amazonaws.com", "setup turns trusted access back on");

        await Expect(_page.Locator("#start-url")).ToHaveTextAsync($"https://{_world.IdentityStoreId}.awsapps.com/start");
        await _page.Locator("#portal-url").ClickAsync();
        await SignIn();
        await Expect(_page.Locator("section.account")).ToHaveCountAsync(2);
    }
}
