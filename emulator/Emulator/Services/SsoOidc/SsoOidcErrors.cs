using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.SsoOidc;

/// <summary>SSO OIDC errors: the code goes in x-amzn-ErrorType, the OAuth <c>error</c> and <c>error_description</c> in the body.</summary>
public static class SsoOidcErrors
{
    private static AwsException Oauth(string code, string error, string description, int status = 400) =>
        new(code, description, status) { Fields = new Dictionary<string, string> { ["error"] = error } };

    public static AwsException Validation(IReadOnlyList<Violation> violations) =>
        Oauth("InvalidRequestException", "invalid_request", InputValidator.Describe(violations));

    public static AwsException InvalidClient(string description = "Invalid client") =>
        Oauth("InvalidClientException", "invalid_client", description, 401);

    public static AwsException InvalidClientMetadata(string description) =>
        Oauth("InvalidClientMetadataException", "invalid_client_metadata", description);

    public static AwsException InvalidRequest(string description) =>
        Oauth("InvalidRequestException", "invalid_request", description);

    public static AwsException InvalidRedirectUri(string description) =>
        Oauth("InvalidRedirectUriException", "invalid_redirect_uri", description);

    public static AwsException UnauthorizedClient(string description) =>
        Oauth("UnauthorizedClientException", "unauthorized_client", description);

    public static AwsException InvalidGrant(string description) =>
        Oauth("InvalidGrantException", "invalid_grant", description);

    public static AwsException UnsupportedGrantType(string grantType) =>
        Oauth("UnsupportedGrantTypeException", "unsupported_grant_type", $"Unsupported grant type: {grantType}");

    public static AwsException AuthorizationPending() =>
        Oauth("AuthorizationPendingException", "authorization_pending", "Authorization is still pending");

    public static AwsException SlowDown() =>
        Oauth("SlowDownException", "slow_down", "Client is polling too quickly");

    public static AwsException ExpiredToken() =>
        Oauth("ExpiredTokenException", "expired_token", "Device code has expired");

    public static AwsException AccessDenied() =>
        Oauth("AccessDeniedException", "access_denied", "Access denied: the user denied the authorization request");
}
