namespace Emulator.Services.SsoOidc;

public sealed record CreateTokenWithIAMRequest(
    string clientId, string grantType, string? code, string? refreshToken, string? assertion, IReadOnlyList<string>? scope,
    string? redirectUri, string? subjectToken, string? subjectTokenType, string? requestedTokenType, string? codeVerifier);

/// <summary>
/// CreateTokenWithIAM: tokens for an IAM Identity Center customer managed application, requested with IAM (SigV4)
/// credentials (an unsigned call is refused before this handler, MissingAuthenticationTokenException); clientId is the
/// application's ARN. The emulator models no such applications, so after the grant type is checked every client is
/// unknown: InvalidClientException.
/// </summary>
public static class TokenWithIamOperations
{
    /// <summary>The grant types CreateTokenWithIAM accepts (the SSO OIDC API reference).</summary>
    public static readonly IReadOnlySet<string> GrantTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "authorization_code", "refresh_token",
        "urn:ietf:params:oauth:grant-type:jwt-bearer", "urn:ietf:params:oauth:grant-type:token-exchange",
    };

    public static void Register(OperationTable table) =>
        table.Write<CreateTokenWithIAMRequest, NoOutput>("CreateTokenWithIAM", Create);

    public static NoOutput Create(OperationContext context, CreateTokenWithIAMRequest request)
    {
        if (!GrantTypes.Contains(request.grantType)) throw SsoOidcErrors.UnsupportedGrantType(request.grantType);
        throw SsoOidcErrors.InvalidClient();
    }
}
