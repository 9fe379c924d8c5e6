using System.Net.Sockets;
using Emulator.State;

namespace Emulator.Hosting;

/// <summary>The reasons the emulator cannot start that are the environment's, not a bug: each one line, exit code 2.</summary>
public static class StartupFailures
{
    /// <returns>The line to print, or null for a failure that is not a known start-up problem.</returns>
    public static string? Describe(Exception failure) => failure switch
    {
        StateFileException state => state.Message,
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } or
            SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } =>
            $"the port is already in use ({OneLine(failure.Message)}); stop the other server or pass --port.",
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.AccessDenied } } =>
            $"not allowed to listen there ({OneLine(failure.Message)}); pass another --port or --host.",
        UnauthorizedAccessException => $"permission denied ({OneLine(failure.Message)}); pass --data with a writable file, or --in-memory.",
        IOException io => $"{OneLine(io.Message)}",
        _ => null,
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
