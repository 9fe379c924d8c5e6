using Emulator.ClientTests.Support;
using Emulator.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Emulator.ClientTests;

/// <summary>Issue 11: the console page in headless Chromium — the tree, lock badges that follow the CLI, the toggle, the timeline filter.</summary>
public sealed class ConsoleBrowserTests : EmulatorTest, IAsyncLifetime
{
    private Browser _browser = null!;
    private IPage _page = null!;
    private string _member = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await CreateOrganization();
        _member = await CreateAccount("Sandbox", "sandbox@example.com");
        (await Aws(Management, "organizations", "enable-aws-service-access", "--service-principal", Sso)).ShouldSucceed();
        _browser = await Browser.LaunchAsync();
        _page = await _browser.Chromium.NewPageAsync();
        await _page.GotoAsync(new Uri(Emulator.Endpoint, "_emulator/console").ToString());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _browser.DisposeAsync();
        await DisposeAsync();
    }

    private ILocator Role(string accountId, string roleName) =>
        _page.Locator($"li.account[data-account-id='{accountId}'] li.role[data-role-name='{roleName}']");

    [Fact]
    public async Task The_tree_shows_root_accounts_and_their_locked_service_linked_roles()
    {
        var account = _page.Locator($"li.account[data-account-id='{_member}']");
        await Expect(account.Locator(".account-name")).ToHaveTextAsync("Sandbox");
        await Expect(_page.Locator("li.container .container-name").First).ToHaveTextAsync("Root");
        await Expect(Role(_member, SsoRoleName).Locator(".badge")).ToHaveTextAsync("locked");
        await Expect(Role(_member, SsoRoleName).Locator(".lock-reason")).ToHaveTextAsync("trusted access for sso.amazonaws.com is on");
        await Expect(Role(_member, "AWSServiceRoleForOrganizations").Locator(".badge")).ToHaveTextAsync("locked");
    }

    [Fact]
    public async Task The_lock_badge_flips_within_two_seconds_when_the_CLI_disables_trusted_access()
    {
        await Expect(_page.Locator("#refresh-state")).ToHaveTextAsync("live");
        await Expect(Role(_member, SsoRoleName).Locator(".badge")).ToHaveTextAsync("locked");

        UseCli(CliGeneration.V2);
        (await Aws(Management, "organizations", "disable-aws-service-access", "--service-principal", Sso)).ShouldSucceed();

        await Expect(Role(_member, SsoRoleName).Locator(".badge")).ToHaveTextAsync("unlocked", new() { Timeout = 2000 });
    }

    [Fact]
    public async Task The_toggle_button_disables_trusted_access_through_the_API_code_and_is_recorded_as_a_console_call()
    {
        var row = _page.Locator($"tr.trusted-service[data-service='{Sso}']");
        await Expect(row.Locator(".state")).ToHaveTextAsync("enabled");

        await row.Locator("button.toggle").ClickAsync();

        await Expect(_page.Locator("#notice")).ToContainTextAsync("disabled");
        await Expect(row.Locator(".state")).ToHaveTextAsync("disabled");
        var listed = (await Aws(Management, "organizations", "list-aws-service-access-for-organization")).Json();
        listed.GetProperty("EnabledServicePrincipals").GetArrayLength().Should().Be(0);
        var events = (await Aws(Management, "cloudtrail", "lookup-events",
            "--lookup-attributes", "AttributeKey=EventName,AttributeValue=DisableAWSServiceAccess")).Json().GetProperty("Events");
        var record = System.Text.Json.JsonDocument.Parse(events[0].GetProperty("CloudTrailEvent").GetString()!).RootElement;
        record.GetProperty("sessionCredentialFromConsole").GetString().Should().Be("true");
        record.GetProperty("userIdentity").GetProperty("type").GetString().Should().Be("Root");
        record.GetProperty("userIdentity").GetProperty("accountId").GetString().Should().Be(ManagementAccountId);
    }

    /// <summary>
    /// The page's timers on Playwright's paused clock, one event open (so that a due reload shows in the status line
    /// instead of reloading the page), and another client's event come: a reload is due, waiting for the clock.
    /// </summary>
    private async Task AReloadIsDue()
    {
        await _page.Clock.InstallAsync();
        await _page.ReloadAsync();
        await _page.Clock.PauseAtAsync(DateTime.Now.AddMinutes(1));
        await Expect(_page.Locator("#refresh-state")).ToHaveTextAsync("live");
        await _page.Locator("#timeline li.event summary").First.EvaluateAsync("summary => summary.click()");
        (await Aws(Management, "organizations", "create-account", "--account-name", "Other", "--email", "other@example.com")).ShouldSucceed();
        await Expect(_page.Locator("#refresh-state")).ToHaveTextAsync("updating");
    }

    [Fact]
    public async Task A_submitted_form_cancels_the_pending_live_reload()
    {
        // A reload due while a form posts would cancel the post's own navigation (the toggle's notice never came). The
        // form's navigation is prevented here so that the clock can be moved.
        await AReloadIsDue();
        await _page.EvaluateAsync("() => document.addEventListener('submit', e => e.preventDefault())");

        await _page.Locator($"tr.trusted-service[data-service='{Sso}'] button.toggle").EvaluateAsync("button => button.click()");
        await _page.Clock.RunForAsync(1000);

        await Expect(_page.Locator("#refresh-state")).ToHaveTextAsync("updating", new() { Timeout = 1000 });
    }

    [Fact]
    public async Task Without_a_form_submitted_the_pending_live_reload_fires()
    {
        await AReloadIsDue();

        await _page.Clock.RunForAsync(1000);

        await Expect(_page.Locator("#refresh-state")).ToHaveTextAsync("live: new events, reload to see them");
    }

    [Fact]
    public async Task The_timeline_filters_by_account_and_sets_the_services_own_events_apart()
    {
        await _page.Locator("#timeline-filter select[name='account']").SelectOptionAsync(_member);
        await _page.Locator("#apply-filter").ClickAsync();

        var events = _page.Locator("#timeline li.event");
        await Expect(events.First).ToBeVisibleAsync();
        (await events.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.accountId)")).Should().OnlyContain(id => id == _member);
        var service = _page.Locator("#timeline li.event.service-event[data-event-name='CreateServiceLinkedRole']");
        (await service.CountAsync()).Should().Be(2, "AWSServiceRoleForOrganizations at join, AWSServiceRoleForSSO at enable");
        await service.First.Locator("summary").ClickAsync();
        await Expect(service.First.Locator("pre")).ToContainTextAsync("\"invokedBy\"");
    }
}
