using Emulator.Core;
using Emulator.Portal;
using Emulator.Services.Sso;
using Emulator.State;

namespace Emulator.Services.SsoOidc;

public sealed record RegisterClientRequest(
    string clientName, string clientType, List<string>? scopes, List<string>? redirectUris, List<string>? grantTypes,
    string? issuerUrl, string? entitledApplicationArn);

public sealed record RegisterClientResponse(
    string clientId, string clientSecret, long clientIdIssuedAt, long clientSecretExpiresAt, string? authorizationEndpoint, string? tokenEndpoint);

public sealed record StartDeviceAuthorizationRequest(string clientId, string clientSecret, string startUrl);

public sealed record StartDeviceAuthorizationResponse(
    string deviceCode, string userCode, string verificationUri, string verificationUriComplete, int expiresIn, int interval);

public sealed record CreateTokenRequest(
    string clientId, string clientSecret, string grantType, string? deviceCode, string? code, string? refreshToken,
    List<string>? scope, string? redirectUri, string? codeVerifier);

public sealed record CreateTokenResponse(string accessToken, string tokenType, int expiresIn, string? refreshToken, string? idToken);

/// <summary>SSO OIDC: client registration, the device authorization grant (RFC 8628), the authorization code grant with
/// PKCE (<see cref="AuthorizationCodeGrant"/>; GET /authorize is in Portal/AuthorizeEndpoints) and refresh tokens.</summary>
public static class SsoOidcOperations
{
    public const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";
    public const string RefreshTokenGrant = "refresh_token";
    public const int AccessTokenSeconds = 8 * 60 * 60;
    public static readonly TimeSpan ClientSecretLifetime = TimeSpan.FromDays(90);

    /// <summary>How long a sign-in can be refreshed: IAM Identity Center's longest session duration (the emulator has no setting for it).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(90);
    private static readonly string[] RegistrableGrants = [AuthorizationCodeGrant.GrantType, RefreshTokenGrant, DeviceCodeGrant];
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static void Register(OperationTable table)
    {
        table.Write<RegisterClientRequest, RegisterClientResponse>("RegisterClient", RegisterClient);
        table.Write<StartDeviceAuthorizationRequest, StartDeviceAuthorizationResponse>("StartDeviceAuthorization", StartDeviceAuthorization);
        table.Write<CreateTokenRequest, CreateTokenResponse>("CreateToken", CreateToken);
    }

    public static RegisterClientResponse RegisterClient(OperationContext context, RegisterClientRequest request)
    {
        if (request.clientType != "public")
            throw SsoOidcErrors.InvalidClientMetadata($"Invalid client type: {request.clientType}. Only public clients are supported.");
        var secret = "eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0." + Ids.From(TokenAlphabet, 300);
        if (request.grantTypes?.FirstOrDefault(g => !RegistrableGrants.Contains(g)) is { } unsupported)
            throw SsoOidcErrors.UnsupportedGrantType(unsupported);
        if (request.grantTypes?.Contains(AuthorizationCodeGrant.GrantType) == true)
            AuthorizationCodeGrant.CheckRegistration(context.Tx, request.redirectUris, request.issuerUrl);
        var client = new OidcClientDoc
        {
            ClientId = Ids.From(TokenAlphabet, 22),
            ClientSecretHash = StoredSecrets.Hash(secret),
            ClientName = request.clientName,
            ClientType = request.clientType,
            Scopes = request.scopes ?? [],
            GrantTypes = request.grantTypes ?? [],
            RedirectUris = request.redirectUris ?? [],
            IssuerUrl = request.issuerUrl,
            IssuedAt = context.Now,
            SecretExpiresAt = context.Now + ClientSecretLifetime,
        };
        context.Tx.OidcClients.Insert(client);
        return new RegisterClientResponse(client.ClientId, secret, client.IssuedAt.ToUnixTimeSeconds(),
            client.SecretExpiresAt.ToUnixTimeSeconds(), null, null);
    }

    public static StartDeviceAuthorizationResponse StartDeviceAuthorization(OperationContext context, StartDeviceAuthorizationRequest request)
    {
        var client = AuthenticateClient(context, request.clientId, request.clientSecret);
        if (PortalUrls.InstanceOf(context.Tx, request.startUrl) is not { } instance) throw SsoOidcErrors.InvalidRequest($"Invalid start URL: {request.startUrl}");

        var authorization = new DeviceAuthorizationDoc
        {
            DeviceCode = Ids.From(TokenAlphabet, 86),
            UserCode = DeviceAuthorizations.NewUserCode(context.Tx, context.Now),
            ClientId = client.ClientId,
            ClientName = client.ClientName,
            InstanceId = instance.Id,
            IdentityStoreId = instance.IdentityStoreId,
            CreatedAt = context.Now,
            ExpiresAt = context.Now.AddSeconds(DeviceAuthorizations.ExpiresInSeconds),
            Interval = DeviceAuthorizations.IntervalSeconds,
        };
        context.Tx.DeviceAuthorizations.Insert(authorization);
        DeviceAuthorizations.IndexUserCode(context.Tx, authorization);
        var verificationUri = PortalUrls.DeviceUrl(context.EndpointUrl);
        return new StartDeviceAuthorizationResponse(authorization.DeviceCode, authorization.UserCode, verificationUri,
            $"{verificationUri}?user_code={authorization.UserCode}", DeviceAuthorizations.ExpiresInSeconds, authorization.Interval);
    }

    public static CreateTokenResponse CreateToken(OperationContext context, CreateTokenRequest request)
    {
        var client = AuthenticateClient(context, request.clientId, request.clientSecret);
        return request.grantType switch
        {
            DeviceCodeGrant => RedeemDeviceCode(context, client, request.deviceCode),
            RefreshTokenGrant => Refresh(context, client, request.refreshToken),
            AuthorizationCodeGrant.GrantType => RedeemAuthorizationCode(context, client, request),
            _ => throw SsoOidcErrors.UnsupportedGrantType(request.grantType),
        };
    }

    private static CreateTokenResponse RedeemDeviceCode(OperationContext context, OidcClientDoc client, string? deviceCode)
    {
        if (string.IsNullOrEmpty(deviceCode)) throw SsoOidcErrors.InvalidRequest("deviceCode is required for the device_code grant");
        var tx = context.Tx;
        var authorization = tx.DeviceAuthorizations.FindById(deviceCode);
        if (authorization is null || authorization.ClientId != client.ClientId) throw SsoOidcErrors.InvalidGrant("Invalid device code provided");
        if (authorization.Status == DeviceAuthorizationStatus.Redeemed) throw SsoOidcErrors.InvalidGrant("Device code has already been used");
        if (authorization.ExpiresAt <= context.Now)
        {
            DeviceAuthorizations.Forget(deviceCode);
            throw SsoOidcErrors.ExpiredToken();
        }
        switch (authorization.Status)
        {
            case DeviceAuthorizationStatus.Denied:
                DeviceAuthorizations.Forget(deviceCode);
                throw SsoOidcErrors.AccessDenied();
            case DeviceAuthorizationStatus.Pending:
                DeviceAuthorizations.CheckPollingRate(authorization, context.Now);
                throw SsoOidcErrors.AuthorizationPending();
        }

        authorization.Status = DeviceAuthorizationStatus.Redeemed;
        tx.DeviceAuthorizations.Update(authorization);
        tx.UserCodes.Delete(authorization.UserCode); // the code is spent: free it at once (the record goes when it expires)
        DeviceAuthorizations.Forget(deviceCode);
        return NewGrant(context, client, authorization.InstanceId, authorization.UserId!);
    }

    private static CreateTokenResponse RedeemAuthorizationCode(OperationContext context, OidcClientDoc client, CreateTokenRequest request)
    {
        var authorization = AuthorizationCodeGrant.Redeem(context.Tx, client, request.code, request.redirectUri, request.codeVerifier, context.Now);
        return NewGrant(context, client, authorization.InstanceId, authorization.UserId!);
    }

    /// <summary>A new sign-in: a refresh token and the first access token, sharing one GrantId.</summary>
    private static CreateTokenResponse NewGrant(OperationContext context, OidcClientDoc client, string instanceId, string userId)
    {
        var grantId = Guid.NewGuid().ToString();
        var refreshToken = NewRefreshToken(context.Tx, grantId, client.ClientId, instanceId, userId, context.Now,
            context.Now + SessionLifetime);
        return Issue(context, grantId, client.ClientId, instanceId, userId, refreshToken);
    }

    /// <summary>Issues a refresh token for the grant and stores only its hash.</summary>
    private static string NewRefreshToken(Tx tx, string grantId, string clientId, string instanceId, string userId, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var token = "aor" + Ids.From(TokenAlphabet, 200);
        tx.OidcRefreshTokens.Insert(new OidcRefreshTokenDoc
        {
            RefreshTokenHash = StoredSecrets.Hash(token),
            GrantId = grantId,
            ClientId = clientId,
            InstanceId = instanceId,
            UserId = userId,
            IssuedAt = now,
            ExpiresAt = expiresAt,
        });
        return token;
    }

    private static CreateTokenResponse Refresh(OperationContext context, OidcClientDoc client, string? refreshToken)
    {
        if (string.IsNullOrEmpty(refreshToken)) throw SsoOidcErrors.InvalidRequest("refreshToken is required for the refresh_token grant");
        var tx = context.Tx;
        var refresh = tx.OidcRefreshTokens.FindById(StoredSecrets.Hash(refreshToken));
        if (refresh is null || refresh.Revoked || refresh.ExpiresAt <= context.Now || refresh.ClientId != client.ClientId ||
            tx.SsoUsers.FindById(refresh.UserId) is null || tx.SsoInstances.FindById(refresh.InstanceId) is null)
            throw SsoOidcErrors.InvalidGrant("Invalid refresh token provided");
        // Rotation: the used token is gone, its successor ends with the same sign-in session.
        tx.OidcRefreshTokens.Delete(refresh.RefreshTokenHash);
        var next = NewRefreshToken(tx, refresh.GrantId, client.ClientId, refresh.InstanceId, refresh.UserId, context.Now, refresh.ExpiresAt);
        return Issue(context, refresh.GrantId, client.ClientId, refresh.InstanceId, refresh.UserId, next);
    }

    private static CreateTokenResponse Issue(OperationContext context, string grantId, string clientId, string instanceId, string userId, string refreshToken)
    {
        var token = new OidcTokenDoc
        {
            AccessToken = "aoa" + Ids.From(TokenAlphabet, 200),
            GrantId = grantId,
            ClientId = clientId,
            InstanceId = instanceId,
            UserId = userId,
            IssuedAt = context.Now,
            ExpiresAt = context.Now.AddSeconds(AccessTokenSeconds),
        };
        context.Tx.OidcTokens.Insert(token);
        return new CreateTokenResponse(token.AccessToken, "Bearer", AccessTokenSeconds, refreshToken, null);
    }

    private static OidcClientDoc AuthenticateClient(OperationContext context, string clientId, string clientSecret)
    {
        var client = context.Tx.OidcClients.FindById(clientId);
        if (client is null || !StoredSecrets.Matches(clientSecret, client.ClientSecretHash)) throw SsoOidcErrors.InvalidClient();
        if (client.SecretExpiresAt <= context.Now) throw SsoOidcErrors.InvalidClient("Client registration has expired");
        return client;
    }

    /// <summary>Logout: deletes every access and refresh token of the sign-in the given token belongs to.</summary>
    public static void RevokeGrant(Tx tx, string grantId)
    {
        tx.OidcTokens.DeleteMany(t => t.GrantId == grantId);
        tx.OidcRefreshTokens.DeleteMany(t => t.GrantId == grantId);
    }

    /// <summary>The live access token, or null when unknown, revoked or expired.</summary>
    public static OidcTokenDoc? ValidToken(Tx tx, string accessToken, DateTimeOffset now) =>
        tx.OidcTokens.FindById(accessToken) is { Revoked: false } token && token.ExpiresAt > now ? token : null;
}
