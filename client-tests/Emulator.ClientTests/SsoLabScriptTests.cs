using System.Diagnostics;
using Emulator.ClientTests.Support;
using Emulator.Hosting;

namespace Emulator.ClientTests;

/// <summary>
/// samples/sso-lab.sh runs green against a fresh emulator with the real AWS CLI (self-contained: starts its own
/// emulator; needs bash, AWS CLI v1 and v2 and python3 and fails, never skips, without them). Under v2, step 16 signs out with
/// `aws sso logout` through the emulator's AWS_DATA_PATH folder (v2 has no `--access-token`).
/// </summary>
public sealed class SsoLabScriptTests
{
    [Theory]
    [MemberData(nameof(AwsCli.Generations), MemberType = typeof(AwsCli))]
    public async Task The_sso_lab_runs_to_the_end_with_the_aws_cli(CliGeneration generation)
    {
        await using var emulator = await EmulatorServer.StartAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "samples", "sso-lab.sh");
        File.Exists(script).Should().BeTrue($"sso-lab.sh should be copied next to the tests ({script})");

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["ENDPOINT"] = emulator.Endpoint.ToString().TrimEnd('/');
        start.Environment["AWS_CLI"] = AwsCli.Executable(generation);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;

        process.ExitCode.Should().Be(0, $"the lab should finish:\n{output}");
        output.Should().Contain("Lab complete.")
            .And.Contain("AuthorizationPendingException")
            .And.Contain("(ForbiddenException)")
            .And.MatchRegex(@"assumed-role/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}/alice");
    }
}
