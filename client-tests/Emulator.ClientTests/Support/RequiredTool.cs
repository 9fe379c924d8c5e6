namespace Emulator.ClientTests.Support;

/// <summary>
/// Finds a command-line tool the client tests drive (the real AWS CLI, python3 with boto3). A missing tool fails the
/// test with a message that says what to install: these tests exist to prove real clients work, so they never skip.
/// </summary>
public static class RequiredTool
{
    public static string Find(string name, string installHint)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            $"The client tests need '{name}' on PATH, and it was not found. {installHint}");
    }
}
