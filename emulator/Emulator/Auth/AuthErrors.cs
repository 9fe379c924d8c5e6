using Emulator.Core;
using Emulator.Protocol;
using Emulator.Services;

namespace Emulator.Auth;

/// <summary>
/// AWS's answers to a refused key or signature, per protocol (Query: IAM/STS; JSON: Organizations, sso-admin,
/// identitystore). Every message text of the authentication layer lives here.
/// </summary>
public static class AuthErrors
{
    public const string InvalidTokenMessage = "The security token included in the request is invalid.";
    public const string SignatureMismatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private static bool IsQuery(ServiceModel model) => model.Protocol == "query";

    public static AwsException For(KeyRefusal refusal, ServiceModel model) => refusal switch
    {
        KeyRefusal.Expired => ExpiredToken(model),
        _ => InvalidToken(model),
    };

    public static AwsException ExpiredToken(ServiceModel model) => IsQuery(model)
        ? new("ExpiredToken", "The security token included in the request is expired")
        : new("ExpiredTokenException", "The security token included in the request is expired");

    public static AwsException InvalidToken(ServiceModel model) => IsQuery(model)
        ? new("InvalidClientTokenId", InvalidTokenMessage, 403)
        : new("UnrecognizedClientException", InvalidTokenMessage, 400);

    public static AwsException SignatureDoesNotMatch(ServiceModel model, string message = SignatureMismatchMessage) => IsQuery(model)
        ? new("SignatureDoesNotMatch", message, 403)
        : new("InvalidSignatureException", message, 400);

    public static AwsException IncompleteSignature(ServiceModel model, string message) => IsQuery(model)
        ? new("IncompleteSignature", message, 400)
        : new("IncompleteSignatureException", message, 400);

    /// <summary>A presigned request used after its X-Amz-Expires.</summary>
    public static AwsException RequestExpired() => new("RequestExpired", "Request has expired.", 400);

    public static AwsException MalformedChunkedBody(ServiceModel model) => IsQuery(model)
        ? new("IncompleteSignature", "The aws-chunked request body is malformed.", 400)
        : new("IncompleteSignatureException", "The aws-chunked request body is malformed.", 400);

    /// <summary>The request's date is too old: AWS answers with the signature-mismatch code and this text.</summary>
    public static AwsException SignatureExpired(ServiceModel model, string signed, string earliest, string now, int minutes) =>
        SignatureDoesNotMatch(model, $"Signature expired: {signed} is now earlier than {earliest} ({now} - {minutes} min.)");

    /// <summary>The request's date is too far in the future.</summary>
    public static AwsException SignatureNotYetCurrent(ServiceModel model, string signed, string latest, string now, int minutes) =>
        SignatureDoesNotMatch(model, $"Signature not yet current: {signed} is still later than {latest} ({now} + {minutes} min.)");
}
