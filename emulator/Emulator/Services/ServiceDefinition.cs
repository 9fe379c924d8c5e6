using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services;

/// <summary>A service the emulator serves: its model, its wire protocol, what it implements and how it reports bad input.</summary>
public sealed record ServiceDefinition(
    ServiceModel Model,
    IWireProtocol Protocol,
    OperationTable Operations,
    Func<IReadOnlyList<Violation>, AwsException> ValidationError);
