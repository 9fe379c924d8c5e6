using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Emulator.ClientConfig;
using Emulator.ClientTests.Support;
using Emulator.Hosting;

namespace Emulator.ClientTests;

/// <summary>
/// `aws sso login` (AWS CLI v2 2.9.19, the device flow) against the emulator, found only through the AWS_DATA_PATH folder
/// the emulator writes (v2 before 2.13 ignores AWS_ENDPOINT_URL and `sso login` never takes --endpoint-url); then the SSO
/// profile with both CLI generations (v1 has no `sso login` but reads the token cache and refreshes), and `aws sso logout`.
/// </summary>
public sealed partial class SsoLoginTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private string _home = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync();
        _home = Directory.CreateTempSubdirectory("client-tests-sso-login-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task Aws_sso_login_signs_in_with_the_device_flow_and_both_cli_generations_use_the_sso_session_profile()
    {
        var seeded = await IdentityCenterSeed.SeedAsync(_emulator);
        seeded.StartUrl.Should().Be($"https://{seeded.IdentityStoreId}.awsapps.com/start");
        Directory.CreateDirectory(Path.Combine(_home, ".aws"));
        File.WriteAllText(Path.Combine(_home, ".aws", "config"), $"""
            [profile dev]
            sso_session = lab
            sso_account_id = {seeded.AccountId}
            sso_role_name = {seeded.RoleName}
            region = us-east-1
            output = json

            [sso-session lab]
            sso_start_url = {seeded.StartUrl}
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """);
        AwsDataPath.Write(Path.Combine(_home, "emulator-data"), _emulator.Endpoint.ToString());

        var login = await SsoLoginApprovedBy(seeded);
        login.Stdout.Should().Contain($"Successfully logged into Start URL: {seeded.StartUrl}", "{0}", login);

        var cached = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(_home, ".aws", "sso", "cache"))
            .Single(f => File.ReadAllText(f).Contains("accessToken")))).RootElement;
        cached.GetProperty("startUrl").GetString().Should().Be(seeded.StartUrl);
        cached.GetProperty("refreshToken").GetString().Should().NotBeNullOrEmpty();
        var accessToken = cached.GetProperty("accessToken").GetString()!;

        foreach (var generation in new[] { CliGeneration.V2, CliGeneration.V1 })
        {
            var identity = (await Cli(generation, "sts", "get-caller-identity", "--profile", "dev")).Json();
            identity.GetProperty("Arn").GetString().Should().MatchRegex(
                $@"^arn:aws:sts::{seeded.AccountId}:assumed-role/AWSReservedSSO_{seeded.RoleName}_[0-9a-f]{{16}}/{seeded.UserName}$",
                "CLI v{0} should resolve the SSO profile through the emulator", (int)generation);
        }
        var accounts = (await Cli(CliGeneration.V2, "sso", "list-accounts", "--access-token", accessToken, "--region", "us-east-1")).Json();
        accounts.GetProperty("accountList").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()).Should().Contain(seeded.AccountId);

        (await Cli(CliGeneration.V2, "sso", "logout")).ShouldSucceed();
        Directory.GetFiles(Path.Combine(_home, ".aws", "sso", "cache")).Should().NotContain(f => File.ReadAllText(f).Contains("accessToken"),
            "logout removes the cached token");
        (await Cli(CliGeneration.V1, "sso", "list-accounts", "--access-token", accessToken, "--region", "us-east-1"))
            .ShouldFailWith("UnauthorizedException", "ListAccounts");
    }

    /// <summary>Runs `aws sso login --profile dev --no-browser` (v2), reads the user code it prints, approves it as the
    /// seeded user through the control plane (the portal's Allow button), and waits for the CLI to finish.</summary>
    private async Task<ProcessResult> SsoLoginApprovedBy(SeededIdentityCenter seeded)
    {
        var start = Start(CliGeneration.V2, "sso", "login", "--profile", "dev", "--no-browser");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = new Process { StartInfo = start };
        var stdout = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var userCode = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            stdout.Enqueue(e.Data);
            if (UserCodeLine().IsMatch(e.Data.Trim())) userCode.TrySetResult(e.Data.Trim());
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) stderr.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string Output() => $"--- stdout ---\n{string.Join('\n', stdout)}\n--- stderr ---\n{string.Join('\n', stderr)}";

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var code = await userCode.Task.WaitAsync(timeout.Token);
            using var http = new HttpClient { BaseAddress = _emulator.Endpoint };
            await IdentityCenterSeed.Post(http, "/_emulator/sso/device/approve", new { userCode = code, userName = seeded.UserName, password = seeded.Password });
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`aws sso login` did not finish within 2 minutes:\n{Output()}");
        }
        process.WaitForExit(); // drains the output events
        var result = new ProcessResult("aws(v2) sso login --profile dev --no-browser", process.ExitCode, string.Join('\n', stdout), string.Join('\n', stderr));
        return result.ShouldSucceed();
    }

    private Task<ProcessResult> Cli(CliGeneration generation, params string[] args) =>
        new AwsCli(_emulator.Endpoint, generation).Run(Start(generation, args), $"aws(v{(int)generation}) {string.Join(' ', args)}");

    /// <summary>The CLI with this test's HOME (config, SSO cache) and the emulator's AWS_DATA_PATH folder — no --endpoint-url, no keys.</summary>
    private ProcessStartInfo Start(CliGeneration generation, params string[] args)
    {
        var start = new ProcessStartInfo(AwsCli.Executable(generation));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        ProcessResult.ScrubAwsEnvironment(start);
        start.Environment["HOME"] = _home;
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_home, ".aws", "config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_home, ".aws", "credentials");
        start.Environment["AWS_DATA_PATH"] = Path.Combine(_home, "emulator-data");
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["PYTHONUNBUFFERED"] = "1"; // the user code must reach us while the CLI polls
        return start;
    }

    [GeneratedRegex("^[A-Z]{4}-[A-Z]{4}$")]
    private static partial Regex UserCodeLine();
}
