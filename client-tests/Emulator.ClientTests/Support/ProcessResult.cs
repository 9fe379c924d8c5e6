using System.Diagnostics;
using System.Text.Json;

namespace Emulator.ClientTests.Support;

/// <summary>What a finished client process left: exit code, standard output and standard error.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The exit code of the CLI that ran when the service refused the call (set by <see cref="AwsCli"/>).</summary>
    public int ServiceErrorExitCode { get; init; } = AwsCli.ServiceErrorExitCode;

    public override string ToString() =>
        $"$ {Command}\nexit code: {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    /// <summary>Asserts exit code 0 and returns this result, so calls chain.</summary>
    public ProcessResult ShouldSucceed()
    {
        ExitCode.Should().Be(0, "the command should succeed:\n{0}", this);
        return this;
    }

    /// <summary>Parses standard output as JSON after asserting success.</summary>
    public JsonElement Json()
    {
        ShouldSucceed();
        Stdout.Should().NotBeNullOrWhiteSpace("the command should print JSON:\n{0}", this);
        return JsonDocument.Parse(Stdout).RootElement.Clone();
    }

    /// <summary>Asserts a service error from the CLI: its exit code and the error code named on standard error.</summary>
    public ProcessResult ShouldFailWith(string errorCode, string operation)
    {
        ExitCode.Should().Be(ServiceErrorExitCode, "the service should refuse the call:\n{0}", this);
        Stderr.Should().Contain($"An error occurred ({errorCode}) when calling the {operation} operation",
            "the CLI should report the service's error code:\n{0}", this);
        return this;
    }

    internal static async Task<ProcessResult> Run(ProcessStartInfo start, string display, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {display}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{display} did not finish within {timeout.TotalSeconds}s");
        }
        return new ProcessResult(display, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Copies the environment without any AWS_ variable, so the machine's profile or keys cannot leak in.</summary>
    internal static void ScrubAwsEnvironment(ProcessStartInfo start)
    {
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
    }
}
