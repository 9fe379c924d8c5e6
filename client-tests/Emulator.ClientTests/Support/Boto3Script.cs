using System.Diagnostics;

namespace Emulator.ClientTests.Support;

/// <summary>
/// Runs one of client-tests/python/*.py with python3 and real boto3 against the emulator. Scripts take the endpoint from
/// ENDPOINT and keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, assert with plain asserts, and exit non-zero on failure.
/// </summary>
public static class Boto3Script
{
    private static readonly Lazy<string> Python = new(() =>
        RequiredTool.Find("python3", "Install python3 with boto3 (e.g. `pip install boto3`) so the tests can drive the emulator with it."));

    public static async Task<ProcessResult> Run(Uri endpoint, string script, Credentials credentials, IDictionary<string, string>? extra = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "python", script);
        File.Exists(path).Should().BeTrue($"the script {script} should be copied next to the tests ({path})");
        var start = new ProcessStartInfo(Python.Value) { WorkingDirectory = Path.GetDirectoryName(path)! };
        start.ArgumentList.Add(path);
        ProcessResult.ScrubAwsEnvironment(start);
        start.Environment["ENDPOINT"] = endpoint.ToString().TrimEnd('/');
        start.Environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return await ProcessResult.Run(start, $"python3 {script}", TimeSpan.FromMinutes(3));
    }
}
