using System.Runtime.InteropServices;

namespace Emulator.State;

/// <summary>
/// One writer per state file: an exclusive OS lock on "&lt;file&gt;.lock" beside it, held while the store is open.
/// On Linux it is a POSIX record lock, so a second process learns the holder's pid from the kernel (F_GETLK); the
/// lock dies with the process, so a killed emulator never leaves a stale lock behind.
/// </summary>
internal sealed class StateFileLock : IDisposable
{
    private static readonly HashSet<string> HeldInThisProcess = [];

    private readonly FileStream _file;
    private readonly string _dataPath;

    private StateFileLock(FileStream file, string dataPath)
    {
        _file = file;
        _dataPath = dataPath;
    }

    public static StateFileLock Acquire(string dataPath)
    {
        lock (HeldInThisProcess)
        {
            if (!HeldInThisProcess.Add(dataPath)) throw InUse(dataPath, Environment.ProcessId);
        }
        try
        {
            var file = OpenLockFile(dataPath);
            if (TryLock(file) is { } holder)
            {
                file.Dispose();
                throw InUse(dataPath, holder);
            }
            return new StateFileLock(file, dataPath);
        }
        catch
        {
            lock (HeldInThisProcess) HeldInThisProcess.Remove(dataPath);
            throw;
        }
    }

    private static FileStream OpenLockFile(string dataPath)
    {
        var folder = Path.GetDirectoryName(dataPath)!;
        try
        {
            Directory.CreateDirectory(folder);
            // Linux: shared here (the record lock below is the exclusive one); elsewhere .NET's exclusive share mode is the lock.
            var share = OperatingSystem.IsLinux() ? FileShare.ReadWrite : FileShare.None;
            return new FileStream(dataPath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
        }
        catch (Exception error) when (error is UnauthorizedAccessException || StateErrors.IsReadOnlyFileSystem(error))
        {
            throw new StateFileException($"The folder {folder} is not writable; make it writable or pass a --data file in a writable folder.");
        }
        catch (IOException error) when (StateErrors.IsDiskFull(error))
        {
            throw new StateFileException($"Cannot create {dataPath}.lock: the disk is full; free some space and start again.", error);
        }
        catch (IOException error) when (!OperatingSystem.IsLinux() && error is not PathTooLongException && !StateErrors.IsDiskFull(error))
        {
            throw InUse(dataPath, holder: null);
        }
        catch (IOException error)
        {
            throw new StateFileException($"Cannot create {dataPath}.lock ({StateFileChecks.OneLine(error.Message)}).", error);
        }
    }

    /// <returns>Null when the lock is ours; otherwise the pid holding it (0 when unknown).</returns>
    private static int? TryLock(FileStream file)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var fd = (int)file.SafeFileHandle.DangerousGetHandle();
        var request = new Flock { Type = WriteLock, Whence = 0, Start = 0, Length = 0 };
        if (fcntl(fd, SetLock, ref request) == 0) return null;
        var probe = new Flock { Type = WriteLock, Whence = 0, Start = 0, Length = 0 };
        return fcntl(fd, GetLock, ref probe) == 0 && probe.Type != Unlock ? probe.Pid : 0;
    }

    private static StateFileException InUse(string dataPath, int? holder) => new(
        $"{dataPath} is in use by another emulator ({(holder is > 0 ? $"pid {holder}" : "pid unknown")}); stop it, or pass another --data file.");

    public void Dispose()
    {
        _file.Dispose();
        lock (HeldInThisProcess) HeldInThisProcess.Remove(_dataPath);
    }

    private const int GetLock = 5, SetLock = 6;
    private const short WriteLock = 1, Unlock = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct Flock
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Length;
        public int Pid;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int command, ref Flock flock);
}
