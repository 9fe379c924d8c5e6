using System.Text.RegularExpressions;

namespace Emulator.Hosting;

/// <summary>
/// The emulator's settings. Command line: <c>--host</c>, <c>--port</c>, <c>--data</c>, <c>--in-memory</c>,
/// <c>--default-account</c>; environment: <c>EMULATOR_HOST</c>, <c>EMULATOR_PORT</c>, <c>EMULATOR_DATA</c>,
/// <c>EMULATOR_IN_MEMORY</c>, <c>EMULATOR_DEFAULT_ACCOUNT</c>. Configuration section <c>Emulator</c> for in-process hosts.
/// </summary>
public sealed record EmulatorOptions
{
    public const string Section = "Emulator";

    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (in-process hosts).</summary>
    public int Port { get; init; } = 4599;

    /// <summary>The LiteDB file; ignored when <see cref="InMemory"/>.</summary>
    public string DataPath { get; init; } = DefaultDataPath;

    public bool InMemory { get; init; }

    /// <summary>The account of callers whose access key is neither 12 digits nor issued by the emulator (e.g. "test").</summary>
    public string DefaultAccount { get; init; } = "000000000000";

    /// <summary>The Region the emulated services live in (Identity Center's Region, role paths, ARNs that carry one).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Whether IAM policies (identity, boundaries, session, trust, SCPs/RCPs) decide every signed call. On by default.</summary>
    public bool EnforceIam { get; init; } = true;

    public static string DefaultDataPath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "aws-org-sso-emulator", "state.db");

    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--host"] = $"{Section}:Host",
        ["--port"] = $"{Section}:Port",
        ["--data"] = $"{Section}:DataPath",
        ["--in-memory"] = $"{Section}:InMemory",
        ["--default-account"] = $"{Section}:DefaultAccount",
        ["--region"] = $"{Section}:Region",
        ["--enforce-iam"] = $"{Section}:EnforceIam",
    };

    public static readonly IReadOnlyDictionary<string, string> EnvironmentMappings = new Dictionary<string, string>
    {
        ["EMULATOR_HOST"] = $"{Section}:Host",
        ["EMULATOR_PORT"] = $"{Section}:Port",
        ["EMULATOR_DATA"] = $"{Section}:DataPath",
        ["EMULATOR_IN_MEMORY"] = $"{Section}:InMemory",
        ["EMULATOR_DEFAULT_ACCOUNT"] = $"{Section}:DefaultAccount",
        ["EMULATOR_REGION"] = $"{Section}:Region",
        ["EMULATOR_ENFORCE_IAM"] = $"{Section}:EnforceIam",
    };

    /// <summary>Lets <c>--in-memory</c> and <c>--enforce-iam</c> stand alone as flags; <c>--no-enforce-iam</c> is <c>--enforce-iam false</c>.</summary>
    public static string[] NormalizeArgs(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--no-enforce-iam") { result.AddRange(["--enforce-iam", "false"]); continue; }
            result.Add(args[i]);
            var isFlag = args[i] is "--in-memory" or "--enforce-iam" && (i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal));
            if (isFlag) result.Add("true");
        }
        return [.. result];
    }

    public static EmulatorOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new EmulatorOptions();
        var options = new EmulatorOptions
        {
            Host = section["Host"] ?? defaults.Host,
            Port = ParseInt(section["Port"], defaults.Port, "port"),
            DataPath = section["DataPath"] ?? defaults.DataPath,
            InMemory = ParseBool(section["InMemory"], "in-memory"),
            DefaultAccount = section["DefaultAccount"] ?? defaults.DefaultAccount,
            Region = section["Region"] ?? defaults.Region,
            EnforceIam = section["EnforceIam"] is { } enforce ? ParseBool(enforce, "enforce-iam") : defaults.EnforceIam,
        };
        if (options.Port is < 0 or > 65535) throw new ArgumentException($"--port must be 0..65535, got {options.Port}.");
        if (!Regex.IsMatch(options.DefaultAccount, @"^\d{12}$"))
            throw new ArgumentException($"--default-account must be 12 digits, got '{options.DefaultAccount}'.");
        if (!Regex.IsMatch(options.Region, @"^[a-z]{2}(-[a-z]+)+-\d$"))
            throw new ArgumentException($"--region must look like us-east-1, got '{options.Region}'.");
        return options;
    }

    private static int ParseInt(string? text, int fallback, string name) =>
        text is null ? fallback : int.TryParse(text, out var value) ? value : throw new ArgumentException($"--{name} must be a number, got '{text}'.");

    private static bool ParseBool(string? text, string name) =>
        text is null ? false : bool.TryParse(text, out var value) ? value : throw new ArgumentException($"--{name} must be true or false, got '{text}'.");
}
