using System.Collections.Concurrent;
using System.Diagnostics;
using Emulator.ClientConfig;
using Emulator.ClientTests.Support;
using Emulator.Hosting;
using Emulator.Tests.Support;

namespace Emulator.ClientTests;

/// <summary>
/// `aws sso login` as AWS CLI ≥ 2.22 does it (authorization code + PKCE), which cannot be installed here: python/sso_pkce_login.py
/// replays the CLI's requests with botocore and a real loopback listener; Chromium (Playwright) opens the /authorize URL it
/// prints, signs in on the portal and allows access; the script then redeems the code and resolves the sso-session profile
/// through botocore's SSO token provider (with a refresh) and credential provider.
/// </summary>
public sealed class SsoPkceLoginTests
{
    [Fact]
    public async Task The_cli_authorization_code_flow_signs_in_through_the_portal_in_a_real_browser()
    {
        await using var emulator = await EmulatorServer.StartAsync();
        var seeded = await IdentityCenterSeed.SeedAsync(emulator);
        var home = Directory.CreateTempSubdirectory("client-tests-pkce-").FullName;
        AwsDataPath.Write(Path.Combine(home, "emulator-data"), emulator.Endpoint.ToString());
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync();

        var path = Path.Combine(AppContext.BaseDirectory, "python", "sso_pkce_login.py");
        var start = new ProcessStartInfo(RequiredTool.Find("python3", "Install python3 with boto3.")) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        ProcessResult.ScrubAwsEnvironment(start);
        start.Environment["ENDPOINT"] = emulator.Endpoint.ToString().TrimEnd('/');
        start.Environment["START_URL"] = seeded.StartUrl;
        start.Environment["ACCOUNT_ID"] = seeded.AccountId;
        start.Environment["ROLE_NAME"] = seeded.RoleName;
        start.Environment["HOME"] = home;
        start.Environment["AWS_DATA_PATH"] = Path.Combine(home, "emulator-data");
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONUNBUFFERED"] = "1";
        using var process = new Process { StartInfo = start };
        var output = new ConcurrentQueue<string>();
        var authorizeUrl = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (e.Data.StartsWith("AUTHORIZE ", StringComparison.Ordinal)) authorizeUrl.TrySetResult(e.Data["AUTHORIZE ".Length..]);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        using var kill = timeout.Token.Register(() => process.Kill(entireProcessTree: true));
        string Output() => string.Join('\n', output);

        try
        {
            var url = await authorizeUrl.Task.WaitAsync(timeout.Token);
            url.Should().StartWith($"{emulator.Endpoint.ToString().TrimEnd('/')}/authorize?response_type=code&client_id=")
                .And.Contain("code_challenge_method=S256").And.Contain("&code_challenge=");
            await page.GotoAsync(url);
            await page.Locator("#username").FillAsync(seeded.UserName);
            await page.Locator("#password").FillAsync(seeded.Password);
            await page.Locator("#sign-in").ClickAsync();
            await page.Locator("#allow").ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"^http://127\.0\.0\.1:\d+/oauth/callback\?code="));
            (await page.ContentAsync()).Should().Contain("Request approved");
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"sso_pkce_login.py did not finish:\n{Output()}");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
        process.WaitForExit();
        process.ExitCode.Should().Be(0, Output());
        Output().Should().Contain("OK sso_pkce_login").And.Contain("token refreshed")
            .And.MatchRegex($@"caller arn:aws:sts::{seeded.AccountId}:assumed-role/AWSReservedSSO_{seeded.RoleName}_[0-9a-f]{{16}}/{seeded.UserName}");
    }
}
