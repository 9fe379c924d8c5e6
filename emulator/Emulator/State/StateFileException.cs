namespace Emulator.State;

/// <summary>The state file cannot be used; the message is one line that says why and what to do.</summary>
public sealed class StateFileException(string message, Exception? inner = null) : Exception(message, inner);
