using System.Text.RegularExpressions;

namespace Emulator.Hosting;

/// <summary>
/// The emulator's settings. Command line: <c>--host</c>, <c>--port</c>, <c>--data</c>, <c>--in-memory</c>,
/// <c>--default-account</c>, <c>--verify-signatures</c>, <c>--root-secret</c>, <c>--allowed-hosts</c>, <c>--trail-max-events</c>, <c>--trail-retention-days</c>, <c>--ad-dc-address</c>, <c>--ad-ca</c>,
/// <c>--ad-ldap-security</c>, <c>--ad-sync-interval</c> (seconds); environment: <c>EMULATOR_HOST</c>,
/// <c>EMULATOR_PORT</c>, <c>EMULATOR_DATA</c>, <c>EMULATOR_IN_MEMORY</c>, <c>EMULATOR_DEFAULT_ACCOUNT</c>,
/// <c>EMULATOR_VERIFY_SIGNATURES</c>, <c>EMULATOR_ROOT_SECRET</c>, <c>EMULATOR_ALLOWED_HOSTS</c>, <c>EMULATOR_TRAIL_*</c>, <c>EMULATOR_AD_*</c>. Configuration section <c>Emulator</c> for in-process hosts.
/// </summary>
public sealed partial record EmulatorOptions
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

    /// <summary>
    /// Host names (besides loopback names and <see cref="Host"/>) that requests may address, e.g. a Docker service
    /// name; <c>*</c> allows any. Anything else is refused, so a DNS-rebinding page cannot reach the emulator.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>The Region the emulated services live in (Identity Center's Region, role paths, ARNs that carry one).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Strict mode: every signed request's SigV4 signature is checked (header, query and aws-chunked forms).</summary>
    public bool VerifySignatures { get; init; }

    /// <summary>The secret access key of 12-digit and plain (e.g. "test") access key ids, used in strict mode.</summary>
    public string RootSecret { get; init; } = "test";

    /// <summary>Whether IAM policies (identity, boundaries, session, trust, SCPs/RCPs) decide every signed call. On by default.</summary>
    public bool EnforceIam { get; init; } = true;

    /// <summary>The event trail keeps at most this many events (oldest dropped first).</summary>
    public int TrailMaxEvents { get; init; } = 100_000;

    /// <summary>The event trail drops events older than this many days (CloudTrail's event history: 90).</summary>
    public int TrailRetentionDays { get; init; } = 90;
    /// <summary>The IPv4 address of the domain controller CreateMicrosoftAD points at (the operator's local DC); null refuses CreateMicrosoftAD.</summary>
    public string? AdDcAddress { get; init; }

    /// <summary>A PEM file with the CA that signed the domain controllers' certificates (LDAPS/StartTLS).</summary>
    public string? AdCaFile { get; init; }

    /// <summary>How the emulator talks LDAP to directories: ldaps (636), starttls (389) or plain (389); default ldaps with --ad-ca, else plain.</summary>
    public string AdLdapSecurity { get; init; } = "plain";

    /// <summary>How often directory-backed identity stores are synchronised from their directory; zero turns the periodic sync off.</summary>
    public TimeSpan AdSyncInterval { get; init; } = TimeSpan.FromHours(1);

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
        ["--verify-signatures"] = $"{Section}:VerifySignatures",
        ["--root-secret"] = $"{Section}:RootSecret",
        ["--allowed-hosts"] = $"{Section}:AllowedHosts",
        ["--enforce-iam"] = $"{Section}:EnforceIam",
        ["--trail-max-events"] = $"{Section}:TrailMaxEvents",
        ["--trail-retention-days"] = $"{Section}:TrailRetentionDays",
        ["--ad-dc-address"] = $"{Section}:AdDcAddress",
        ["--ad-ca"] = $"{Section}:AdCaFile",
        ["--ad-ldap-security"] = $"{Section}:AdLdapSecurity",
        ["--ad-sync-interval"] = $"{Section}:AdSyncInterval",
    };

    public static readonly IReadOnlyDictionary<string, string> EnvironmentMappings = new Dictionary<string, string>
    {
        ["EMULATOR_HOST"] = $"{Section}:Host",
        ["EMULATOR_PORT"] = $"{Section}:Port",
        ["EMULATOR_DATA"] = $"{Section}:DataPath",
        ["EMULATOR_IN_MEMORY"] = $"{Section}:InMemory",
        ["EMULATOR_DEFAULT_ACCOUNT"] = $"{Section}:DefaultAccount",
        ["EMULATOR_REGION"] = $"{Section}:Region",
        ["EMULATOR_VERIFY_SIGNATURES"] = $"{Section}:VerifySignatures",
        ["EMULATOR_ROOT_SECRET"] = $"{Section}:RootSecret",
        ["EMULATOR_ALLOWED_HOSTS"] = $"{Section}:AllowedHosts",
        ["EMULATOR_ENFORCE_IAM"] = $"{Section}:EnforceIam",
        ["EMULATOR_TRAIL_MAX_EVENTS"] = $"{Section}:TrailMaxEvents",
        ["EMULATOR_TRAIL_RETENTION_DAYS"] = $"{Section}:TrailRetentionDays",
        ["EMULATOR_AD_DC_ADDRESS"] = $"{Section}:AdDcAddress",
        ["EMULATOR_AD_CA"] = $"{Section}:AdCaFile",
        ["EMULATOR_AD_LDAP_SECURITY"] = $"{Section}:AdLdapSecurity",
        ["EMULATOR_AD_SYNC_INTERVAL"] = $"{Section}:AdSyncInterval",
    };

    /// <summary>Switches that may stand alone as flags (meaning true); <c>--no-enforce-iam</c> is <c>--enforce-iam false</c>.</summary>
    private static readonly string[] Flags = ["--in-memory", "--verify-signatures", "--enforce-iam"];

    public static string[] NormalizeArgs(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--no-enforce-iam") { result.AddRange(["--enforce-iam", "false"]); continue; }
            result.Add(args[i]);
            var isFlag = Flags.Contains(args[i]) && (i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal));
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
            VerifySignatures = ParseBool(section["VerifySignatures"], "verify-signatures"),
            RootSecret = section["RootSecret"] ?? defaults.RootSecret,
            AllowedHosts = (section["AllowedHosts"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            EnforceIam = section["EnforceIam"] is { } enforce ? ParseBool(enforce, "enforce-iam") : defaults.EnforceIam,
            TrailMaxEvents = ParseInt(section["TrailMaxEvents"], defaults.TrailMaxEvents, "trail-max-events"),
            TrailRetentionDays = ParseInt(section["TrailRetentionDays"], defaults.TrailRetentionDays, "trail-retention-days"),
            AdDcAddress = section["AdDcAddress"],
            AdCaFile = section["AdCaFile"],
            AdLdapSecurity = section["AdLdapSecurity"] ?? (section["AdCaFile"] is null ? "plain" : "ldaps"),
            AdSyncInterval = TimeSpan.FromSeconds(ParseInt(section["AdSyncInterval"], (int)defaults.AdSyncInterval.TotalSeconds, "ad-sync-interval")),
        };
        if (options.Port is < 0 or > 65535) throw new ArgumentException($"--port must be 0..65535, got {options.Port}.");
        if (!TwelveDigits.IsMatch(options.DefaultAccount))
            throw new ArgumentException($"--default-account must be 12 digits, got '{options.DefaultAccount}'.");
        if (options.TrailMaxEvents < 1) throw new ArgumentException($"--trail-max-events must be at least 1, got {options.TrailMaxEvents}.");
        if (options.TrailRetentionDays < 1) throw new ArgumentException($"--trail-retention-days must be at least 1, got {options.TrailRetentionDays}.");
        if (options.RootSecret.Length == 0) throw new ArgumentException("--root-secret must not be empty.");
        if (!RegionName.IsMatch(options.Region))
            throw new ArgumentException($"--region must look like us-east-1, got '{options.Region}'.");
        if (options.AdDcAddress is { } dc && !(System.Net.IPAddress.TryParse(dc, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
            throw new ArgumentException($"--ad-dc-address must be an IPv4 address, got '{dc}'.");
        if (options.AdLdapSecurity is not ("ldaps" or "starttls" or "plain"))
            throw new ArgumentException($"--ad-ldap-security must be ldaps, starttls or plain, got '{options.AdLdapSecurity}'.");
        if (options.AdCaFile is { } ca && !File.Exists(ca)) throw new ArgumentException($"--ad-ca: no file {ca}.");
        if (options.AdSyncInterval < TimeSpan.Zero) throw new ArgumentException("--ad-sync-interval must be 0 (off) or a number of seconds.");
        return options;
    }

    private static int ParseInt(string? text, int fallback, string name) =>
        text is null ? fallback : int.TryParse(text, out var value) ? value : throw new ArgumentException($"--{name} must be a number, got '{text}'.");

    private static bool ParseBool(string? text, string name) =>
        text is null ? false : bool.TryParse(text, out var value) ? value : throw new ArgumentException($"--{name} must be true or false, got '{text}'.");

    // Source-generated (precompiled with the assembly): the start path builds no regex.
    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex TwelveDigits { get; }

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d$")]
    private static partial Regex RegionName { get; }
}
