using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Emulator.Core;
using Emulator.Portal;
using Emulator.Services.Sso;
using Emulator.State;

namespace Emulator.Services.SsoOidc;

/// <summary>The query of GET /authorize as AWS CLI ≥ 2.22 (botocore's SSOTokenFetcherAuth) sends it.</summary>
public sealed record AuthorizeParameters(
    string? ResponseType, string? ClientId, string? RedirectUri, string? State, string? CodeChallenge, string? CodeChallengeMethod, string? Scopes);

/// <summary>What GET /authorize does: an error page (the redirect URI cannot be trusted), an error redirect, or the sign-in.</summary>
public abstract record AuthorizeOutcome
{
    public sealed record ErrorPage(string Error, string Description) : AuthorizeOutcome;

    public sealed record ErrorRedirect(string Location) : AuthorizeOutcome;

    public sealed record SignIn(OidcAuthorizationDoc Authorization) : AuthorizeOutcome;
}

/// <summary>
/// The authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636 S256, loopback redirects per RFC 8252 §7.3): the
/// /authorize checks, the user's decision, and the single-use, 10-minute code CreateToken redeems with the verifier.
/// </summary>
public static partial class AuthorizationCodeGrant
{
    public const string GrantType = "authorization_code";
    public const string ChallengeMethod = "S256";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string CodeAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>The checks of RFC 6749 §4.1.2.1 in its order: client and redirect URI first (an error page: never redirect to
    /// an unverified URI), then the rest as an <c>error</c> redirect carrying the client's state.</summary>
    public static AuthorizeOutcome Authorize(Tx tx, AuthorizeParameters query, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(query.ClientId) || tx.OidcClients.FindById(query.ClientId) is not { } client || client.SecretExpiresAt <= now)
            return new AuthorizeOutcome.ErrorPage("invalid_client", "Invalid client: the client_id is not registered or its registration has expired.");
        if (string.IsNullOrEmpty(query.RedirectUri))
            return new AuthorizeOutcome.ErrorPage("invalid_request", "redirect_uri is required.");
        if (!client.RedirectUris.Any(registered => RedirectUriMatches(registered, query.RedirectUri)))
            return new AuthorizeOutcome.ErrorPage("invalid_request", $"Invalid redirect_uri: {query.RedirectUri} is not registered for this client.");

        AuthorizeOutcome Refuse(string error, string description) => new AuthorizeOutcome.ErrorRedirect(
            WithQuery(query.RedirectUri, ("error", error), ("error_description", description), ("state", query.State)));

        if (query.ResponseType != "code")
            return Refuse("unsupported_response_type", $"Unsupported response_type: {query.ResponseType}. Only code is supported.");
        if (!client.GrantTypes.Contains(GrantType))
            return Refuse("unauthorized_client", "The client is not registered for the authorization_code grant.");
        if (string.IsNullOrEmpty(query.CodeChallenge))
            return Refuse("invalid_request", "code_challenge is required (PKCE).");
        if (query.CodeChallengeMethod != ChallengeMethod)
            return Refuse("invalid_request", $"Unsupported code_challenge_method: {query.CodeChallengeMethod}. Only S256 is supported.");
        if (!ChallengePattern().IsMatch(query.CodeChallenge))
            return Refuse("invalid_request", "code_challenge must be the unpadded base64url SHA-256 of the code verifier (43 characters).");
        var scopes = (query.Scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (scopes.Except(client.Scopes).FirstOrDefault() is { } unknown)
            return Refuse("invalid_scope", $"Invalid scope: {unknown} is not registered for this client.");
        if (PortalUrls.InstanceOf(tx, client.IssuerUrl) is not { } instance)
            return Refuse("invalid_request", "The client's issuer URL names no IAM Identity Center instance.");

        var authorization = new OidcAuthorizationDoc
        {
            Id = Ids.From(CodeAlphabet, 32),
            ClientId = client.ClientId,
            ClientName = client.ClientName,
            RedirectUri = query.RedirectUri,
            State = query.State,
            CodeChallenge = query.CodeChallenge,
            Scopes = scopes,
            InstanceId = instance.Id,
            IdentityStoreId = instance.IdentityStoreId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        tx.OidcAuthorizations.Insert(authorization);
        return new AuthorizeOutcome.SignIn(authorization);
    }

    /// <summary>A pending request the user may still decide on (null when unknown, decided or expired).</summary>
    public static OidcAuthorizationDoc? Pending(Tx tx, string? id, DateTimeOffset now) =>
        !string.IsNullOrEmpty(id) && tx.OidcAuthorizations.FindById(id) is { Status: AuthorizationStatus.Pending } authorization && authorization.ExpiresAt > now
            ? authorization
            : null;

    /// <summary>The signed-in user allows or denies the client: answers where to send the browser (the client's loopback callback).</summary>
    public static string Decide(Tx tx, OidcAuthorizationDoc authorization, SsoUserDoc user, bool approve, DateTimeOffset now)
    {
        authorization.UserId = user.UserId;
        if (!approve)
        {
            authorization.Status = AuthorizationStatus.Denied;
            tx.OidcAuthorizations.Update(authorization);
            return WithQuery(authorization.RedirectUri, ("error", "access_denied"), ("error_description", "The user denied the request."),
                ("state", authorization.State));
        }
        authorization.Status = AuthorizationStatus.Approved;
        authorization.Code = Ids.From(CodeAlphabet, 64);
        authorization.ExpiresAt = now + Lifetime;
        tx.OidcAuthorizations.Update(authorization);
        return WithQuery(authorization.RedirectUri, ("code", authorization.Code), ("state", authorization.State));
    }

    /// <summary>CreateToken's authorization_code grant: the code is this client's, unused, unexpired, sent back with the same
    /// redirect URI, and the verifier hashes to the challenge. Marks the code used.</summary>
    public static OidcAuthorizationDoc Redeem(Tx tx, OidcClientDoc client, string? code, string? redirectUri, string? codeVerifier, DateTimeOffset now)
    {
        if (!client.GrantTypes.Contains(GrantType))
            throw SsoOidcErrors.UnauthorizedClient("The client is not registered for the authorization_code grant.");
        if (string.IsNullOrEmpty(code)) throw SsoOidcErrors.InvalidRequest("code is required for the authorization_code grant");
        if (string.IsNullOrEmpty(redirectUri)) throw SsoOidcErrors.InvalidRequest("redirectUri is required for the authorization_code grant");
        if (string.IsNullOrEmpty(codeVerifier)) throw SsoOidcErrors.InvalidRequest("codeVerifier is required for the authorization_code grant");
        if (!VerifierPattern().IsMatch(codeVerifier))
            throw SsoOidcErrors.InvalidRequest("codeVerifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'");

        var authorization = tx.OidcAuthorizations.FindOne(a => a.Code == code);
        if (authorization is null || authorization.ClientId != client.ClientId) throw SsoOidcErrors.InvalidGrant("Invalid authorization code provided");
        if (authorization.Status == AuthorizationStatus.Redeemed) throw SsoOidcErrors.InvalidGrant("Authorization code has already been used");
        if (authorization.ExpiresAt <= now) throw SsoOidcErrors.InvalidGrant("Authorization code has expired");
        if (authorization.RedirectUri != redirectUri) throw SsoOidcErrors.InvalidGrant("Invalid redirect URI: it differs from the one of the authorization request");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Challenge(codeVerifier)), Encoding.ASCII.GetBytes(authorization.CodeChallenge)))
            throw SsoOidcErrors.InvalidGrant("Invalid code verifier: it does not match the code challenge");

        authorization.Status = AuthorizationStatus.Redeemed;
        tx.OidcAuthorizations.Update(authorization);
        return authorization;
    }

    /// <summary>RegisterClient's checks for an authorization code client: redirect URIs (https, or http on a loopback
    /// address) and an issuer URL naming an instance.</summary>
    public static void CheckRegistration(Tx tx, IReadOnlyList<string>? redirectUris, string? issuerUrl)
    {
        if (redirectUris is null || redirectUris.Count == 0)
            throw SsoOidcErrors.InvalidRedirectUri("redirectUris is required for the authorization_code grant");
        foreach (var uri in redirectUris)
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Fragment.Length > 0 ||
                !(parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback)))
                throw SsoOidcErrors.InvalidRedirectUri($"Invalid redirect URI: {uri}");
        if (PortalUrls.InstanceOf(tx, issuerUrl) is null)
            throw SsoOidcErrors.InvalidRequest($"Invalid issuer URL: {issuerUrl ?? "(none)"}");
    }

    /// <summary>Exact match, except that a registered http loopback redirect accepts any port (RFC 8252 §7.3): the CLI
    /// registers http://127.0.0.1/oauth/callback and then listens on a random port.</summary>
    public static bool RedirectUriMatches(string registered, string requested)
    {
        if (registered == requested) return true;
        if (!Uri.TryCreate(registered, UriKind.Absolute, out var r) || !Uri.TryCreate(requested, UriKind.Absolute, out var q)) return false;
        return r.Scheme == Uri.UriSchemeHttp && q.Scheme == Uri.UriSchemeHttp && r.IsLoopback && r.Host == q.Host &&
               r.PathAndQuery == q.PathAndQuery && q.Fragment.Length == 0 && r.UserInfo.Length == 0 && q.UserInfo.Length == 0;
    }

    /// <summary>S256: the unpadded base64url SHA-256 of the verifier.</summary>
    public static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string WithQuery(string uri, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return uri + (uri.Contains('?') ? "&" : "?") + query;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex ChallengePattern();

    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$")]
    private static partial Regex VerifierPattern();
}
