using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Net;
using System.Text;
using Emulator.Services.DirectoryService;

namespace Emulator.Tests.ActiveDirectory;

/// <summary>
/// One throwaway Samba AD domain controller for the whole test run, on 127.0.0.1 (LDAP 389, LDAPS 636), provisioned into a
/// temporary folder and seeded by the lab's own scripts (samples/ad-lab/dc-*.sh), stopped and deleted at the end.
/// Samba's ports are fixed, so every test that needs it is in the <see cref="SambaDcCollection"/> (and in this assembly only).
/// </summary>
public sealed class SambaDc : IAsyncLifetime
{
    public const string Address = "127.0.0.1";
    public const string DnsName = "lab.example";
    public const string NetBiosName = "LAB";
    public const string BaseDn = "DC=lab,DC=example";
    public const string AdminPassword = "Adm1nPass!2024";
    public const string ServiceUser = "svc-aws";
    public const string ServicePassword = "Svc!Pass12345";
    public const string ManagedAdminPassword = "Admin!Pass123";

    /// <summary>Seeded users and their passwords (samples/ad-lab/dc-seed.sh).</summary>
    public static readonly IReadOnlyDictionary<string, string> Passwords = new Dictionary<string, string>
    {
        ["alice"] = "Alice!Pass123", ["bob"] = "Bob!Pass12345", ["carol"] = "Carol!Pass123", ["dan"] = "Dan!Pass12345",
        ["erin"] = "Erin!Pass1234", ["frank"] = "Frank!Pass123", ["gina"] = "Gina!Pass1234", ["hank"] = "Hank!Pass1234", ["ivan"] = "Ivan!Pass1234",
    };

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "emulator-tests-dc-" + Guid.NewGuid().ToString("N")[..8]);
    public string CaFile => Path.Combine(Folder, "pki", "ca.pem");
    public TimeSpan ProvisionTime { get; private set; }
    public TimeSpan StartTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await Script("dc-provision.sh");
        ProvisionTime = clock.Elapsed;
        await StartAsync();
        await Script("dc-seed.sh");
        Console.WriteLine($"Samba DC: provisioned in {ProvisionTime.TotalSeconds:F1} s, started in {StartTime.TotalSeconds:F1} s, seeded; total {clock.Elapsed.TotalSeconds:F1} s");
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    public async Task StartAsync()
    {
        var clock = Stopwatch.StartNew();
        await Script("dc-start.sh");
        StartTime = clock.Elapsed;
    }

    public Task StopAsync() => Script("dc-stop.sh");

    private async Task Script(string name)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(LabFolder(), name)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["AD_LAB_DIR"] = Folder, ["AD_LAB_IP"] = Address },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{name} failed ({process.ExitCode}); Samba AD needs root and the Debian packages test.sh installs.\n{await output}\n{await error}");
    }

    private static string LabFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "ad-lab"))) return Path.Combine(dir.FullName, "samples", "ad-lab");
        throw new InvalidOperationException("samples/ad-lab not found above " + AppContext.BaseDirectory);
    }

    // ---- changes an administrator makes in the directory (over LDAPS as Administrator) ---------------------------------

    public static string UserDn(string sam) => $"CN={FullNames[sam]},CN=Users,{BaseDn}";

    private static readonly Dictionary<string, string> FullNames = new()
    {
        ["alice"] = "Alice Liddell", ["bob"] = "Bob Builder", ["carol"] = "Carol Cole", ["dan"] = "Dan Dare", ["erin"] = "Erin Brockovich",
        ["frank"] = "Frank Castle", ["gina"] = "Gina Torres", ["hank"] = "Hank Hill", ["ivan"] = "Ivan Drago",
    };

    public void Disable(string sam) => Modify(UserDn(sam), Change("userAccountControl", DirectoryAttributeOperation.Replace, "66050"));

    public void Enable(string sam) => Modify(UserDn(sam), Change("userAccountControl", DirectoryAttributeOperation.Replace, "66048"));

    public void RemoveFromGroup(string sam, string group) => Modify($"CN={group},CN=Users,{BaseDn}", Change("member", DirectoryAttributeOperation.Delete, UserDn(sam)));

    public void AddToGroup(string sam, string group) => Modify($"CN={group},CN=Users,{BaseDn}", Change("member", DirectoryAttributeOperation.Add, UserDn(sam)));

    private static DirectoryAttributeModification Change(string name, DirectoryAttributeOperation operation, string value)
    {
        var change = new DirectoryAttributeModification { Name = name, Operation = operation };
        change.Add(value);
        return change;
    }

    private void Modify(string dn, DirectoryAttributeModification change)
    {
        using var connection = DirectoryLdap.Bind(new LdapEndpoint(Address, "ldaps", LdapTrust.DirectoryFor(CaFile)), $"Administrator@{DnsName}", AdminPassword);
        connection.SendRequest(new ModifyRequest(dn, change));
    }
}

[CollectionDefinition(Name)]
public sealed class SambaDcCollection : ICollectionFixture<SambaDc>
{
    public const string Name = "Samba AD DC";
}
