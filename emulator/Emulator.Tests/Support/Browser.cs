using Microsoft.Playwright;

namespace Emulator.Tests.Support;

/// <summary>
/// Headless Debian Chromium driven by Playwright. The browser is never downloaded (no `playwright install`): it must be
/// /usr/bin/chromium (`apt-get install -y chromium`); without it the tests fail with that instruction.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium) { _playwright = playwright; Chromium = chromium; }

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The portal's browser tests need Debian's Chromium at {ChromiumPath}: run `apt-get update && apt-get install -y chromium`. " +
                "(The tests never download a browser.)");
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Browser(playwright, chromium);
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.CloseAsync();
        _playwright.Dispose();
    }
}
