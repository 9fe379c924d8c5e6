using System.Diagnostics;
using Emulator.Hosting;

namespace Emulator.ClientTests;

/// <summary>The IAM side of Identity Center through boto3 (client-tests/python/iam_saml_provider_boto3.py) against a real emulator port.</summary>
public sealed class IamBoto3Tests
{
    [Fact]
    public async Task Boto3_reads_the_Identity_Center_SAML_provider_of_an_assigned_account()
    {
        await using var emulator = await EmulatorServer.StartAsync();
        var start = new ProcessStartInfo("python3", [Path.Combine(AppContext.BaseDirectory, "python", "iam_saml_provider_boto3.py")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ENDPOINT"] = emulator.Endpoint.ToString();
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
        var output = await stdout + await stderr;
        process.ExitCode.Should().Be(0, output);
        output.Should().Contain("PASS");
    }
}
