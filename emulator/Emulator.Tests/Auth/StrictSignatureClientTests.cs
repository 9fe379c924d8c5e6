using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Emulator.Tests.Support;
using Xunit.Abstractions;

namespace Emulator.Tests.Auth;

/// <summary>
/// --verify-signatures against the emulator as a process, signed by boto3 (python3) and the AWS CLI v1 (<c>aws</c>):
/// all correctly signed calls accepted, all wrongly signed ones refused, in the Query and JSON protocols.
/// </summary>
public sealed class StrictSignatureClientTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), $"strict-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_dataPath) + "*")) File.Delete(file);
        if (File.Exists(_dataPath)) File.Delete(_dataPath);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static (int ExitCode, string Out, string Error) Run(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in new[] { "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8))) { process.Kill(true); throw new TimeoutException($"{file} did not finish"); }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public async Task Boto3_correctly_signed_calls_are_all_accepted_and_wrongly_signed_ones_all_refused()
    {
        using var emulator = await EmulatorProcess.StartAsync(_dataPath, ["--verify-signatures", "--root-secret", "boto-root"]);

        var (exitCode, stdout, stderr) = Run("python3", [Path.Combine(SourceFolder(), "strict_signatures.py")],
            new Dictionary<string, string> { ["ENDPOINT"] = emulator.Endpoint.ToString(), ["ROOT_SECRET"] = "boto-root" });

        exitCode.Should().Be(0, stderr);
        output.WriteLine(stdout);
        var summary = JsonDocument.Parse(stdout.Trim().Split('\n').Last()).RootElement;
        summary.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).Should().BeEmpty();
        summary.GetProperty("accepted").GetInt32().Should().Be(summary.GetProperty("expected_accepted").GetInt32()).And.BeGreaterThan(20);
        summary.GetProperty("refused").GetInt32().Should().Be(summary.GetProperty("expected_refused").GetInt32()).And.BeGreaterThan(80);
    }

    [Fact]
    public async Task Aws_cli_correctly_signed_calls_are_all_accepted_and_wrongly_signed_ones_all_refused()
    {
        using var emulator = await EmulatorProcess.StartAsync(_dataPath, environment: new Dictionary<string, string>
        {
            ["EMULATOR_VERIFY_SIGNATURES"] = "true", ["EMULATOR_ROOT_SECRET"] = "cli-root",
        });
        (int, string, string) Aws((string Key, string Secret, string? Token) credentials, params string[] args)
        {
            var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = credentials.Key, ["AWS_SECRET_ACCESS_KEY"] = credentials.Secret };
            if (credentials.Token is not null) environment["AWS_SESSION_TOKEN"] = credentials.Token;
            return Run("aws", [.. args, "--endpoint-url", emulator.Endpoint.ToString(), "--output", "json"], environment);
        }

        var root = ("111111111111", "cli-root", (string?)null);
        var (rc, created, error) = Aws(root, "iam", "create-user", "--user-name", "ops");
        rc.Should().Be(0, error);
        var key = JsonDocument.Parse(Aws(root, "iam", "create-access-key", "--user-name", "ops").Item2).RootElement.GetProperty("AccessKey");
        var session = JsonDocument.Parse(Aws(root, "sts", "get-session-token").Item2).RootElement.GetProperty("Credentials");
        var credentials = new List<(string, string, string?)>
        {
            root,
            (key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!, null),
            (session.GetProperty("AccessKeyId").GetString()!, session.GetProperty("SecretAccessKey").GetString()!, session.GetProperty("SessionToken").GetString()),
        };
        string[][] calls = [["sts", "get-caller-identity"], ["iam", "list-roles"], ["organizations", "describe-organization"], ["sso-admin", "list-instances"]];
        string[] authCodes = ["SignatureDoesNotMatch", "InvalidSignatureException", "InvalidClientTokenId", "UnrecognizedClientException"];

        var accepted = 0;
        var refused = 0;
        foreach (var (keyId, secret, token) in credentials)
            foreach (var call in calls)
            {
                var (goodRc, _, goodError) = Aws((keyId, secret, token), call);
                if (goodRc == 0 || !authCodes.Any(goodError.Contains)) accepted++;
                else output.WriteLine($"refused a correct call {keyId[..4]} {string.Join(' ', call)}: {goodError}");
                var (badRc, _, badError) = Aws((keyId, secret + "x", token), call);
                if (badRc != 0 && authCodes.Any(badError.Contains)) refused++;
                else output.WriteLine($"accepted a wrong secret {keyId[..4]} {string.Join(' ', call)}: {badError}");
            }

        output.WriteLine($"aws CLI v1: {accepted}/{credentials.Count * calls.Length} correct calls accepted, {refused}/{credentials.Count * calls.Length} wrong ones refused");
        accepted.Should().Be(credentials.Count * calls.Length);
        refused.Should().Be(credentials.Count * calls.Length);
    }
}
