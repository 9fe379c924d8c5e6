using System.Diagnostics;

namespace Emulator.Tests.State;

/// <summary>A small tmpfs mounted for one test (needs root; <see cref="TryMount"/> says why not otherwise).</summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string folder) => Folder = folder;

    public string Folder { get; }

    public static SmallDisk? TryMount(string sizeOption, out string whyNot)
    {
        whyNot = "";
        if (!OperatingSystem.IsLinux()) { whyNot = "a tmpfs can only be mounted on Linux"; return null; }
        if (Environment.UserName != "root") { whyNot = "mounting a small tmpfs needs root (run the suite as root to test a full or read-only disk)"; return null; }
        var folder = Directory.CreateTempSubdirectory("emulator-disk-").FullName;
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={sizeOption}", "tmpfs", folder);
        if (code == 0) return new SmallDisk(folder);
        Directory.Delete(folder);
        whyNot = $"mount -t tmpfs failed: {error}";
        return null;
    }

    /// <summary>Fills the disk with a file of zeros, leaving at most a few KiB free.</summary>
    public string Fill()
    {
        var filler = Path.Combine(Folder, "filler");
        using var file = new FileStream(filler, FileMode.Create, FileAccess.Write);
        var chunk = new byte[4096];
        try { while (true) { file.Write(chunk); file.Flush(); } }
        catch (IOException) { }
        return filler;
    }

    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Folder).Code.Should().Be(0);

    public void Dispose()
    {
        Run("umount", "-l", Folder);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Error) Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Trim());
    }
}
