namespace Emulator.Core;

/// <summary>
/// An AWS error as the client sees it: the wire code (exactly as AWS spells it), the message and the HTTP status.
/// Every service throws these only through its own error factory, so each message text lives in one place.
/// </summary>
public sealed class AwsException(string code, string message, int status = 400, bool senderFault = true)
    : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
    public bool SenderFault { get; } = senderFault;

    /// <summary>Extra modelled members of the error shape, e.g. Organizations' <c>Reason</c>.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}
