using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.SSO.Model;
using Emulator.Hosting;
using Emulator.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Emulator.Tests.ActiveDirectory;

/// <summary>
/// Directory users signing in with their AD passwords: the portal in headless Chromium, the device flow with the AWS SDK
/// for .NET (SSO OIDC + SSO portal API) and POST /_emulator/sso/device/approve; every refusal the DC gives, and the DC being down.
/// </summary>
[Collection(SambaDcCollection.Name)]
public sealed class AdSignInTests(SambaDc dc) : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private HttpClient _http = null!;
    private AdWorld _world = null!;
    private Browser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private string _role = "";

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(extraSettings: AdWorld.Settings(dc, security: "starttls")
            .ToDictionary(s => s.Key["Emulator:".Length..], s => s.Value));
        _http = new HttpClient { BaseAddress = _emulator.Endpoint };
        _world = await AdWorld.CreateAsync(_http);
        _role = await _world.Sso.Assign(_world.Sso.MemberAccountId, "Engineer", await _world.GroupId("Engineering"), principalType: "GROUP");
        _browser = await Browser.LaunchAsync();
        _context = await _browser.Chromium.NewContextAsync(new() { BypassCSP = true });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.CloseAsync();
        await _browser.DisposeAsync();
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task SignIn(string userName, string password)
    {
        await _context.ClearCookiesAsync();
        await _page.GotoAsync(_world.Sso.StartUrl);
        await _page.Locator("#username").FillAsync(userName);
        await _page.Locator("#password").FillAsync(password);
        await _page.Locator("#sign-in").ClickAsync();
    }

    private async Task ExpectRefused(string userName, string password, string message)
    {
        await SignIn(userName, password);
        await Expect(_page.Locator("#error")).ToContainTextAsync(message);
        await Expect(_page.Locator("#signed-in-as")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_directory_user_signs_in_with_the_UPN_or_DOMAIN_backslash_user_and_sees_the_groups_account()
    {
        await SignIn(AdWorld.Upn("alice"), SambaDc.Passwords["alice"]);
        await Expect(_page.Locator("#signed-in-as")).ToHaveTextAsync($"Signed in as {AdWorld.Upn("alice")}");
        var member = _page.Locator($"section.account[data-account-id='{_world.Sso.MemberAccountId}']");
        await Expect(member.Locator(".role-name")).ToHaveTextAsync(["Engineer"]);

        await SignIn(@"LAB\carol", SambaDc.Passwords["carol"]);
        await Expect(_page.Locator("#signed-in-as")).ToHaveTextAsync($"Signed in as {AdWorld.Upn("carol")}");
        await Expect(member.Locator(".role-name")).ToHaveTextAsync(["Engineer"]);
    }

    [Fact]
    public async Task Each_refusal_of_the_directory_is_a_clear_message_on_the_page()
    {
        await ExpectRefused(AdWorld.Upn("alice"), "Wrong!Pass999", "Incorrect username or password.");
        await ExpectRefused(AdWorld.Upn("nobody"), "Wrong!Pass999", "Incorrect username or password.");
        await ExpectRefused(AdWorld.Upn("dan"), SambaDc.Passwords["dan"], "Your account is disabled");
        await ExpectRefused(@"LAB\erin", SambaDc.Passwords["erin"], "Your password has expired");
        for (var i = 0; i < 3; i++) await ExpectRefused(AdWorld.Upn("frank"), "Wrong!Pass999", "Incorrect username or password.");
        await ExpectRefused(AdWorld.Upn("frank"), SambaDc.Passwords["frank"], "Your account is locked");
    }

    [Fact]
    public async Task An_empty_password_is_refused_before_any_bind()
    {
        await _context.ClearCookiesAsync();
        await _page.GotoAsync(_world.Sso.StartUrl);
        await _page.Locator("#password").EvaluateAsync("e => e.removeAttribute('required')");
        await _page.Locator("#username").FillAsync(AdWorld.Upn("alice"));
        var response = await _page.RunAndWaitForResponseAsync(() => _page.Locator("#sign-in").ClickAsync(), r => r.Url.EndsWith("/signin"));
        response.Status.Should().Be(401);
        await Expect(_page.Locator("#error")).ToHaveTextAsync("Enter your password.");
    }

    [Fact]
    public async Task The_directory_being_down_is_identity_source_unavailable_not_a_500()
    {
        await dc.StopAsync();
        try
        {
            await SignIn(AdWorld.Upn("alice"), SambaDc.Passwords["alice"]);
            await Expect(_page.Locator("#error")).ToContainTextAsync("Identity source unavailable");
            using var oidc = SsoSdk.Oidc(_world.Sso.Endpoint);
            var (_, device) = await SsoSdk.StartAsync(oidc, _world.Sso.StartUrl);
            var approval = await SsoSdk.ApproveAsync(_http, device.UserCode, AdWorld.Upn("alice"), SambaDc.Passwords["alice"]);
            approval.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            ((string)JsonNode.Parse(await approval.Content.ReadAsStringAsync())!["error"]!).Should().Be("IdentitySourceUnavailable");
            var sync = await _http.PostAsJsonAsync("/_emulator/sso/identity-source/sync", new { instanceArn = _world.Sso.InstanceArn });
            sync.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }
        finally { await dc.StartAsync(); }
        await SignIn(AdWorld.Upn("alice"), SambaDc.Passwords["alice"]);
        await Expect(_page.Locator("#signed-in-as")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_device_flow_with_the_SDK_works_for_a_directory_user_until_the_user_is_disabled_in_AD()
    {
        using var oidc = SsoSdk.Oidc(_world.Sso.Endpoint);
        var (client, device) = await SsoSdk.StartAsync(oidc, _world.Sso.StartUrl);
        (await SsoSdk.ApproveAsync(_http, device.UserCode, @"LAB\hank", SambaDc.Passwords["hank"])).EnsureSuccessStatusCode();
        var token = await SsoSdk.RedeemAsync(oidc, client, device);
        using var portal = SsoSdk.Portal(_world.Sso.Endpoint);
        var roles = await portal.ListAccountRolesAsync(new ListAccountRolesRequest { AccessToken = token.AccessToken, AccountId = _world.Sso.MemberAccountId });
        roles.RoleList.Select(r => r.RoleName).Should().Equal("Engineer");
        var credentials = await portal.GetRoleCredentialsAsync(new GetRoleCredentialsRequest
            { AccessToken = token.AccessToken, AccountId = _world.Sso.MemberAccountId, RoleName = "Engineer" });
        credentials.RoleCredentials.AccessKeyId.Should().StartWith("ASIA");

        dc.Disable("hank");
        try
        {
            var (_, again) = await SsoSdk.StartAsync(oidc, _world.Sso.StartUrl);
            var refused = await SsoSdk.ApproveAsync(_http, again.UserCode, AdWorld.Upn("hank"), SambaDc.Passwords["hank"]);
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            ((string)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!).Should().Be("AccountDisabled");
            await ExpectRefused(AdWorld.Upn("hank"), SambaDc.Passwords["hank"], "Your account is disabled");
        }
        finally { dc.Enable("hank"); }
    }

    [Fact]
    public async Task A_device_code_is_approved_in_the_browser_by_a_directory_user_and_redeemed_by_the_SDK()
    {
        await _context.ClearCookiesAsync();
        using var oidc = SsoSdk.Oidc(_world.Sso.Endpoint);
        var (client, device) = await SsoSdk.StartAsync(oidc, _world.Sso.StartUrl);
        await _page.GotoAsync(device.VerificationUriComplete);
        await _page.Locator("#username").FillAsync(AdWorld.Upn("bob"));
        await _page.Locator("#password").FillAsync("Wrong!Pass999");
        await _page.Locator("#sign-in").ClickAsync();
        await Expect(_page.Locator("#error")).ToHaveTextAsync("Incorrect username or password.");
        await _page.Locator("#username").FillAsync(AdWorld.Upn("bob"));
        await _page.Locator("#password").FillAsync(SambaDc.Passwords["bob"]);
        await _page.Locator("#sign-in").ClickAsync();
        await Expect(_page.Locator("#user-code")).ToHaveTextAsync(device.UserCode);
        await _page.Locator("#approve").ClickAsync();
        await Expect(_page.Locator("#approved")).ToBeVisibleAsync();

        var token = await SsoSdk.RedeemAsync(oidc, client, device);
        using var portal = SsoSdk.Portal(_world.Sso.Endpoint);
        var accounts = await portal.ListAccountsAsync(new ListAccountsRequest { AccessToken = token.AccessToken });
        accounts.AccountList.Select(a => a.AccountId).Should().Equal(_world.Sso.MemberAccountId);
    }

    [Fact]
    public async Task The_setup_page_changes_the_identity_source_with_a_button()
    {
        await _page.GotoAsync(new Uri(_emulator.Endpoint, "start/setup").ToString());
        await _page.Locator("#directory-id").SelectOptionAsync(_world.DirectoryId);
        await _page.Locator("#change-identity-source").ClickAsync();
        await Expect(_page.Locator("#identity-source-changed")).ToContainTextAsync($"is now Active Directory {_world.DirectoryId}");
        await Expect(_page.Locator("#identity-source-changed")).ToContainTextAsync("group memberships");
    }

    [Fact]
    public async Task A_directory_user_outside_the_sync_scope_is_told_so()
    {
        await _world.UseDirectory(new { groups = new[] { "Contractors" } });
        try
        {
            await ExpectRefused(AdWorld.Upn("alice"), SambaDc.Passwords["alice"], "not in IAM Identity Center");
            await SignIn(AdWorld.Upn("ivan"), SambaDc.Passwords["ivan"]);
            await Expect(_page.Locator("#no-accounts")).ToBeVisibleAsync();
        }
        finally
        {
            await _world.UseDirectory();
            await _world.Sso.Assign(_world.Sso.MemberAccountId, "Engineer", await _world.GroupId("Engineering"), principalType: "GROUP");
        }
    }
}
