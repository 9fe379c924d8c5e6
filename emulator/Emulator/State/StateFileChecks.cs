using System.Text;

namespace Emulator.State;

/// <summary>What the emulator checks before it opens a state file, so that it never overwrites a file that is not its own.</summary>
internal static class StateFileChecks
{
    private const int HeaderSize = 8192;
    private const string LiteDbHeader = "** This is a LiteDB file **";

    /// <summary>Missing and empty files start fresh; anything else must at least be a LiteDB database.</summary>
    public static void RequireOurs(string path)
    {
        if (Directory.Exists(path)) throw new StateFileException($"{path} is a directory, not a state file; pass a file path such as {Path.Combine(path, "state.db")}.");
        if (!File.Exists(path)) return;
        if (Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal))
            throw new StateFileException($"{path} is a device, not a state file; pass a regular file path.");
        RequireWritable(path);
        var length = new FileInfo(path).Length;
        if (length == 0) return;
        if (length < HeaderSize || !HasLiteDbHeader(path)) throw Foreign(path, "it is not a LiteDB database (or its header is damaged)");
    }

    public static StateFileException Foreign(string path, string why) => new(
        $"{path} is not an emulator state file ({why}); the emulator will not overwrite it. Move it aside (mv '{path}' '{path}.bak') or pass another --data file.");

    public static StateFileException Damaged(string path, Exception error) => new(
        $"{path} is damaged and cannot be read ({OneLine(error.Message)}); the emulator will not overwrite it. Move it aside (mv '{path}' '{path}.bak') to start fresh.", error);

    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static void RequireWritable(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException)
        {
            throw new StateFileException($"{path} is read-only; make it writable (chmod u+w '{path}') or pass another --data file.");
        }
        catch (IOException error) when (StateErrors.IsReadOnlyFileSystem(error))
        {
            throw new StateFileException($"{path} is on a read-only file system, not writable; pass a --data file on a writable one.");
        }
    }

    private static bool HasLiteDbHeader(string path)
    {
        var header = new byte[HeaderSize];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.ReadExactly(header);
        return Encoding.ASCII.GetString(header, 32, LiteDbHeader.Length) == LiteDbHeader;
    }
}
