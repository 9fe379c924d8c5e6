using System.Diagnostics;
using System.Text.Json;

namespace Emulator.ClientTests.Support;

/// <summary>Credentials a client presents: the access key id alone decides who the emulator thinks is calling.</summary>
public sealed record Credentials(string AccessKeyId, string SecretAccessKey = "secret", string? SessionToken = null)
{
    /// <summary>The root user of an account: a 12-digit access key id.</summary>
    public static Credentials Root(string accountId) => new(accountId);

    public static Credentials FromAssumeRole(JsonElement assumeRoleOutput)
    {
        var c = assumeRoleOutput.GetProperty("Credentials");
        return new(c.GetProperty("AccessKeyId").GetString()!, c.GetProperty("SecretAccessKey").GetString()!,
            c.GetProperty("SessionToken").GetString());
    }
}

/// <summary>The two AWS CLI generations the suite drives: v1 (the <c>aws</c> on PATH, pip's awscli) and v2 (Debian's awscli
/// 2.9.19 at /usr/bin/aws). Their output differs (v2: ISO timestamps, exit code 254 on a service error).</summary>
public enum CliGeneration { V1 = 1, V2 = 2 }

/// <summary>
/// Runs the real AWS CLI against one emulator, isolated from the machine: empty config and credentials files,
/// no inherited AWS_ variables, keys and Region passed by environment, <c>--endpoint-url</c> on every call.
/// </summary>
public sealed class AwsCli
{
    /// <summary>Every generation, for <c>[MemberData]</c> of tests that run with both.</summary>
    public static TheoryData<CliGeneration> Generations => new() { CliGeneration.V1, CliGeneration.V2 };

    /// <summary>The CLI's exit code when the service answered with an error: 255 for AWS CLI v1, 254 for v2.</summary>
    public static int ServiceErrorExitCodeOf(CliGeneration generation) => generation == CliGeneration.V2 ? 254 : 255;

    /// <summary>The v1 exit code (tests that run only with v1).</summary>
    public static int ServiceErrorExitCode => ServiceErrorExitCodeOf(CliGeneration.V1);

    private static readonly Dictionary<CliGeneration, Lazy<string>> Executables = new()
    {
        [CliGeneration.V1] = new(() => Find(CliGeneration.V1,
            "Install AWS CLI v1 on PATH (e.g. `pip install awscli`) so the tests can drive the emulator with it.")),
        [CliGeneration.V2] = new(() => Find(CliGeneration.V2,
            "Install AWS CLI v2 (Debian: `apt-get install -y awscli`, which puts 2.9.19 at /usr/bin/aws; or set AWS_CLI_V2 to its path).")),
    };

    /// <summary>The executable of a generation: AWS_CLI_V1 / AWS_CLI_V2 if set, else the first <c>aws</c> on PATH (then /usr/bin)
    /// whose <c>aws --version</c> names that major version.</summary>
    public static string Executable(CliGeneration generation) => Executables[generation].Value;

    private static string Find(CliGeneration generation, string installHint)
    {
        if (Environment.GetEnvironmentVariable($"AWS_CLI_V{(int)generation}") is { Length: > 0 } configured) return configured;
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Select(dir => Path.Combine(dir, "aws")).Where(File.Exists).Distinct();
        return candidates.FirstOrDefault(path => MajorVersion(path) == (int)generation)
            ?? throw new InvalidOperationException($"The client tests need AWS CLI v{(int)generation} and found none. {installHint}");
    }

    /// <summary>The major version <c>aws --version</c> prints ("aws-cli/1.45.11 Python/...").</summary>
    private static int MajorVersion(string executable)
    {
        var start = new ProcessStartInfo(executable, "--version")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        var match = System.Text.RegularExpressions.Regex.Match(text, @"aws-cli/(\d+)\.");
        return match.Success ? int.Parse(match.Groups[1].Value) : 0;
    }

    private static readonly Lazy<string> EmptyConfigDir = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("client-tests-aws-").FullName;
        File.WriteAllText(Path.Combine(dir, "config"), "");
        File.WriteAllText(Path.Combine(dir, "credentials"), "");
        return dir;
    });

    private readonly Uri _endpoint;

    public AwsCli(Uri endpoint, CliGeneration generation = CliGeneration.V1)
    {
        _endpoint = endpoint;
        Generation = generation;
    }

    public CliGeneration Generation { get; }

    public Task<ProcessResult> Run(Credentials credentials, params string[] args)
    {
        var start = new ProcessStartInfo(Executable(Generation));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(_endpoint.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        ProcessResult.ScrubAwsEnvironment(start);
        start.Environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey;
        if (credentials.SessionToken is not null) start.Environment["AWS_SESSION_TOKEN"] = credentials.SessionToken;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(EmptyConfigDir.Value, "config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(EmptyConfigDir.Value, "credentials");
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        var display = $"aws(v{(int)Generation}) {string.Join(' ', args)}  [key {credentials.AccessKeyId}]";
        return Run(start, display);
    }

    /// <summary>Runs a prepared CLI process; its result knows this generation's service-error exit code.</summary>
    public async Task<ProcessResult> Run(ProcessStartInfo start, string display, TimeSpan? timeout = null) =>
        await ProcessResult.Run(start, display, timeout ?? TimeSpan.FromSeconds(90)) with { ServiceErrorExitCode = ServiceErrorExitCodeOf(Generation) };
}
