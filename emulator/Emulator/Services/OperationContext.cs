using Emulator.Core;
using Emulator.Hosting;
using Emulator.State;

namespace Emulator.Services;

/// <summary>Everything a handler may use: who calls, the open transaction, the clock and the emulator's settings. No HTTP.</summary>
/// <param name="EndpointUrl">The base URL the client used (e.g. http://127.0.0.1:4599), for answers that name the emulator's own pages.</param>
public sealed record OperationContext(Caller Caller, Tx Tx, DateTimeOffset Now, EmulatorOptions Options, string EndpointUrl = "");
