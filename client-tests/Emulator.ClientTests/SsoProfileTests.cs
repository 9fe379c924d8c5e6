using System.Diagnostics;
using System.Text;
using Emulator.ClientTests.Support;
using Emulator.Hosting;

namespace Emulator.ClientTests;

/// <summary>
/// A botocore SSO profile (sso_start_url, sso_region, sso_account_id, sso_role_name) resolving credentials from the
/// emulator's portal, after a device-flow sign-in: runs client-tests/python/sso_profile.py with python3 + boto3.
/// Self-contained: starts its own emulator; needs python3 with boto3 and fails (never skips) without them.
/// </summary>
public sealed class SsoProfileTests
{
    [Fact]
    public async Task A_botocore_sso_profile_resolves_role_credentials_from_the_portal()
    {
        await using var emulator = await EmulatorServer.StartAsync();
        var seeded = await IdentityCenterSeed.SeedAsync(emulator);

        var result = await RunPython("sso_profile.py", new Dictionary<string, string>
        {
            ["ENDPOINT"] = emulator.Endpoint.ToString().TrimEnd('/'),
            ["START_URL"] = seeded.StartUrl,
            ["ACCOUNT_ID"] = seeded.AccountId,
            ["ROLE_NAME"] = "AdministratorAccess",
            ["SSO_USER"] = "alice",
            ["SSO_PASSWORD"] = "Correct-Horse-42",
        });
        result.ExitCode.Should().Be(0, $"sso_profile.py should pass:\n{result.Output}");
        result.Output.Should().Contain("OK sso_profile").And.Contain("assumed-role/AWSReservedSSO_AdministratorAccess_").And.Contain("token refreshed");
    }

    private static async Task<(int ExitCode, string Output)> RunPython(string script, IDictionary<string, string> environment)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "python", script);
        File.Exists(path).Should().BeTrue($"{script} should be copied next to the tests ({path})");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("These tests need python3 with boto3 on PATH (e.g. `pip install boto3`).", missing);
        }
        using (process)
        {
            var output = new StringBuilder();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            output.Append(await stdout).Append(await stderr);
            return (process.ExitCode, output.ToString());
        }
    }
}
