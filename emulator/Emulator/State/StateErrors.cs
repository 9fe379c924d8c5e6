namespace Emulator.State;

/// <summary>The store cannot make a write durable right now (e.g. the disk is full); nothing of the write was applied.</summary>
public sealed class StateUnavailableException(string reason, Exception? inner = null)
    : Exception($"The state could not be saved: {reason}", inner)
{
    public string Reason { get; } = reason;
}

internal static class StateErrors
{
    private const int Enospc = 28;

    public static bool IsDiskFull(Exception error) =>
        error is IOException io && (io.HResult == Enospc || (io.HResult & 0xFFFF) == 112 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase))
        || (error.InnerException is { } inner && IsDiskFull(inner));

    public static bool IsReadOnlyFileSystem(Exception error) =>
        error is IOException && error.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase);

    public static string Describe(Exception error) =>
        IsDiskFull(error) ? "the disk is full" : StateFileChecks.OneLine(error.Message);
}
