using System.Diagnostics;
using Emulator.Hosting;

namespace Emulator.ClientTests;

/// <summary>sso-admin, identitystore and the IAM side of Identity Center through boto3 (client-tests/python/*.py) against a real emulator port.</summary>
public sealed class SsoAdminBoto3Tests
{
    [Fact]
    public async Task Boto3_administers_IAM_Identity_Center()
    {
        await using var emulator = await EmulatorServer.StartAsync();
        var (exitCode, output) = await RunPython(Path.Combine(AppContext.BaseDirectory, "python", "sso_admin_boto3.py"), emulator.Endpoint);
        exitCode.Should().Be(0, output);
        output.Should().Contain("all checks passed");
    }

    [Fact]
    public async Task Boto3_reads_the_Identity_Center_SAML_provider_of_an_assigned_account()
    {
        await using var emulator = await EmulatorServer.StartAsync();
        var (exitCode, output) = await RunPython(Path.Combine(AppContext.BaseDirectory, "python", "iam_saml_provider_boto3.py"), emulator.Endpoint);
        exitCode.Should().Be(0, output);
        output.Should().Contain("PASS");
    }

    /// <summary>Runs a script with the emulator's endpoint and management-account keys; answers its exit code and all its output.</summary>
    private static async Task<(int ExitCode, string Output)> RunPython(string script, Uri endpoint)
    {
        var start = new ProcessStartInfo("python3", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ENDPOINT"] = endpoint.ToString();
        start.Environment["AWS_ACCESS_KEY_ID"] = "111111111111";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "secret";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
