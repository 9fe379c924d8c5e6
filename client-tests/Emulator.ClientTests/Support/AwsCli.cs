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

/// <summary>
/// Runs the real AWS CLI against one emulator, isolated from the machine: empty config and credentials files,
/// no inherited AWS_ variables, keys and Region passed by environment, <c>--endpoint-url</c> on every call.
/// </summary>
public sealed class AwsCli
{
    /// <summary>The CLI's exit code when the service answered with an error: 255 for AWS CLI v1, 254 for v2.</summary>
    public static int ServiceErrorExitCode => MajorVersion.Value >= 2 ? 254 : 255;

    /// <summary>The installed CLI's major version, from <c>aws --version</c> ("aws-cli/1.45.11 Python/...").</summary>
    public static readonly Lazy<int> MajorVersion = new(() =>
    {
        var start = new ProcessStartInfo(Executable.Value, "--version")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        var match = System.Text.RegularExpressions.Regex.Match(text, @"aws-cli/(\d+)\.");
        if (!match.Success) throw new InvalidOperationException($"cannot read the AWS CLI version from: {text}");
        return int.Parse(match.Groups[1].Value);
    });

    private static readonly Lazy<string> Executable = new(() =>
        RequiredTool.Find("aws", "Install the AWS CLI (e.g. `pip install awscli`) so the tests can drive the emulator with it."));

    private static readonly Lazy<string> EmptyConfigDir = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("client-tests-aws-").FullName;
        File.WriteAllText(Path.Combine(dir, "config"), "");
        File.WriteAllText(Path.Combine(dir, "credentials"), "");
        return dir;
    });

    private readonly Uri _endpoint;

    public AwsCli(Uri endpoint) => _endpoint = endpoint;

    public Task<ProcessResult> Run(Credentials credentials, params string[] args)
    {
        var start = new ProcessStartInfo(Executable.Value);
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
        return ProcessResult.Run(start, $"aws {string.Join(' ', args)}  [key {credentials.AccessKeyId}]", TimeSpan.FromSeconds(90));
    }
}
