namespace Emulator.ClientConfig;

/// <summary>
/// <c>Emulator cli-config [--endpoint http://127.0.0.1:4599] [--dir &lt;folder&gt;]</c>: writes the <see cref="AwsDataPath"/> folder
/// (default <c>~/.aws/org-sso-emulator</c>) and prints the line that makes botocore-based clients use it.
/// </summary>
public static class CliConfigCommand
{
    public const string Name = "cli-config";

    public static string DefaultDirectory => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "org-sso-emulator");

    public static int Run(string[] args, TextWriter output)
    {
        var endpoint = "http://127.0.0.1:4599";
        var directory = DefaultDirectory;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--endpoint": endpoint = value; break;
                case "--dir": directory = value; break;
                default: throw new ArgumentException($"unknown option {args[i]} (cli-config takes --endpoint <url> and --dir <folder>).");
            }
            i++;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"--endpoint must be an http(s) URL, got '{endpoint}'.");

        var full = Path.GetFullPath(directory);
        foreach (var file in AwsDataPath.Write(full, endpoint)) output.WriteLine($"wrote {file}");
        output.WriteLine();
        output.WriteLine("# AWS CLI v1, AWS CLI v2 (any version) and boto3 now reach the emulator with:");
        output.WriteLine($"export AWS_DATA_PATH={full}");
        return 0;
    }
}
