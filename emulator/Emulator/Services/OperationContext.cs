using Emulator.Core;
using Emulator.Hosting;
using Emulator.State;

namespace Emulator.Services;

/// <summary>Everything a handler may use: who calls, the open transaction, the clock and the emulator's settings. No HTTP.</summary>
public sealed record OperationContext(Caller Caller, Tx Tx, DateTimeOffset Now, EmulatorOptions Options);
