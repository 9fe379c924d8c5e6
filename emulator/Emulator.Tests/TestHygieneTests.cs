using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Emulator.Tests;

/// <summary>
/// Issue #6 item 5, kept true by a source scan of the test code (this project, Emulator.Testing, the client tests): tests
/// build their world through the public APIs and the control plane, never through the store, and never wait for time to
/// pass — they move the emulator's clock (ManualClock), and poll an asynchronous effect only through <c>Eventually</c>.
/// </summary>
public sealed partial class TestHygieneTests
{
    /// <summary>Folders of this project whose subject is the store itself, the trust model without HTTP, or the event trail.</summary>
    private static readonly string[] ExemptFolders = ["State", "TrustModel", "Trail"];

    /// <summary>Test files that may read the store, each with the reason no public API can express what it asserts.</summary>
    private static readonly Dictionary<string, string> StoreReaders = new()
    {
        ["Authorization/EnforcementCacheTests.cs"] = "asserts the scope of the authorization cache (one resolution per caller and snapshot, none in a write), which no API shows; the rest of the class checks the effects through IAM",
        ["Oidc/ExpiredStateTests.cs"] = "asserts what is stored: expired tokens, sessions and registrations are purged (bounded growth) and secrets are kept only as hashes; no API lists stored documents",
    };

    private const string SharedPoll = "Support/Eventually.cs";

    private static string ThisFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>Every test source file outside the exempt folders, by path relative to its project.</summary>
    private static List<(string Project, string RelativePath, string Text)> Sources()
    {
        var projects = new[]
        {
            ThisFolder(),
            Path.Combine(ThisFolder(), "..", "Emulator.Testing"),
            Path.Combine(ThisFolder(), "..", "..", "client-tests", "Emulator.ClientTests"),
        };
        var sources = (from project in projects
                       from file in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
                       let relative = Path.GetRelativePath(project, file).Replace('\\', '/')
                       where !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal)
                       where project != ThisFolder() || !ExemptFolders.Any(folder => relative.StartsWith(folder + "/", StringComparison.Ordinal))
                       where relative != "TestHygieneTests.cs"
                       select (Path.GetFileName(Path.GetFullPath(project)), relative, File.ReadAllText(file))).ToList();
        sources.Should().Contain(s => s.relative == SharedPoll, "the scan must find the test sources");
        return sources;
    }

    [GeneratedRegex(@"\bStateStore\b|\.Store\s*\.|\bStore\s*\.\s*(Read|Write)\b")]
    private static partial Regex StoreAccess();

    [GeneratedRegex(@"\bThread\s*\.\s*Sleep\b|\bTask\s*\.\s*Delay\b")]
    private static partial Regex Wait();

    [Fact]
    public void Tests_outside_the_store_trust_model_and_trail_folders_do_not_read_or_write_the_store()
    {
        var offenders = Sources().Where(s => StoreAccess().IsMatch(s.Text) && !StoreReaders.ContainsKey(s.RelativePath))
            .Select(s => $"{s.Project}/{s.RelativePath}");
        offenders.Should().BeEmpty("tests build their world through the AWS APIs and /_emulator (SsoWorld, SsoTestBed, PortalSession)");
    }

    [Fact]
    public void Every_exempted_store_reader_still_reads_the_store()
    {
        var sources = Sources();
        foreach (var file in StoreReaders.Keys)
            sources.Should().Contain(s => s.RelativePath == file && StoreAccess().IsMatch(s.Text), "an exemption that is no longer needed goes");
    }

    [Fact]
    public void No_test_sleeps_or_delays_outside_the_shared_bounded_poll()
    {
        var offenders = Sources().Where(s => Wait().IsMatch(s.Text) && s.RelativePath != SharedPoll).Select(s => $"{s.Project}/{s.RelativePath}");
        offenders.Should().BeEmpty("time is moved with ManualClock; asynchronous effects are awaited with Eventually.Until");
    }

    [Fact]
    public void The_scan_recognises_store_access_and_waits()
    {
        StoreAccess().IsMatch("_factory.Services.GetRequiredService<StateStore>()").Should().BeTrue();
        StoreAccess().IsMatch("_bed.Store.Read(tx => tx.Roles)").Should().BeTrue();
        StoreAccess().IsMatch("Store.Write(tx => 0)").Should().BeTrue();
        StoreAccess().IsMatch("IdentityStoreId").Should().BeFalse();
        Wait().IsMatch("await Task.Delay(100);").Should().BeTrue();
        Wait().IsMatch("Thread.Sleep(5)").Should().BeTrue();
        Wait().IsMatch("Task.WhenAll(writers)").Should().BeFalse();
    }
}
