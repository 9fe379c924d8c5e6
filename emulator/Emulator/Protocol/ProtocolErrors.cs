using Emulator.Core;

namespace Emulator.Protocol;

/// <summary>Errors every protocol answers with the same code; protocol-specific codes live in each <see cref="IWireProtocol"/>.</summary>
public static class ProtocolErrors
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>A 5xx error: the emulator, not the caller, is at fault (XML <c>Type</c> Receiver).</summary>
    public static AwsException NotImplemented(ServiceModel model, string operation) =>
        new("NotImplemented", $"The emulator does not implement {model.Name}:{operation}.", 501, senderFault: false);

    public static AwsException TooLarge() =>
        new("RequestEntityTooLarge", $"Request body exceeds the emulator's limit of {MaxBodyBytes} bytes.", 413);

    public static AwsException InternalFailure() =>
        new("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500, senderFault: false);
}
