using Emulator.Core;

namespace Emulator.Protocol;

/// <summary>Errors raised before any service code runs; the texts live only here.</summary>
public static class ProtocolErrors
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static AwsException UnknownOperation(ServiceModel model, string operation) => model.Protocol == "query"
        ? new("InvalidAction", $"Could not find operation {operation} for version {model.ApiVersion}")
        : new("UnknownOperationException", $"The operation {operation} is not recognized by {model.TargetPrefix ?? model.Name}.");

    public static AwsException UnknownTarget(string target) =>
        new("UnknownOperationException", $"The target '{target}' does not name an operation of any service this emulator serves.");

    public static AwsException NotImplemented(ServiceModel model, string operation) =>
        new("NotImplemented", $"The emulator does not implement {model.Name}:{operation}.", 501);

    public static AwsException MissingAuthentication(ServiceModel model) => model.Protocol == "query"
        ? new("MissingAuthenticationToken", "Request is missing Authentication Token", 403)
        : new("MissingAuthenticationTokenException", "Missing Authentication Token", 403);

    public static AwsException ExpiredToken(ServiceModel model) => model.Protocol == "query"
        ? new("ExpiredToken", "The security token included in the request is expired")
        : new("ExpiredTokenException", "The security token included in the request is expired");

    public static AwsException TooLarge() =>
        new("RequestEntityTooLarge", $"Request body exceeds the emulator's limit of {MaxBodyBytes} bytes.", 413);

    public static AwsException InternalFailure() =>
        new("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500, senderFault: false);
}
