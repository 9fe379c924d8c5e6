using LiteDB;
using Emulator.Services.SsoOidc;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<OidcClientDoc> OidcClients => Collection<OidcClientDoc>("oidc_clients");
        public ILiteCollection<DeviceAuthorizationDoc> DeviceAuthorizations => Collection<DeviceAuthorizationDoc>("oidc_device_authorizations");
        public ILiteCollection<OidcTokenDoc> OidcTokens => Collection<OidcTokenDoc>("oidc_tokens");
        public ILiteCollection<OidcRefreshTokenDoc> OidcRefreshTokens => Collection<OidcRefreshTokenDoc>("oidc_refresh_tokens");
        public ILiteCollection<UserCodeDoc> UserCodes => Collection<UserCodeDoc>("oidc_user_codes");
        public ILiteCollection<OidcAuthorizationDoc> OidcAuthorizations => Collection<OidcAuthorizationDoc>("oidc_authorizations");
    }
}

namespace Emulator.Services.SsoOidc
{
    /// <summary>A client registered with RegisterClient (e.g. the AWS CLI): its id and secret are checked by every later call.</summary>
    public sealed class OidcClientDoc
    {
        [BsonId] public string ClientId { get; set; } = "";

        /// <summary>SHA-256 of the secret (<see cref="StoredSecrets"/>): the emulator only compares it.</summary>
        public string ClientSecretHash { get; set; } = "";
        public string ClientName { get; set; } = "";
        public string ClientType { get; set; } = "public";
        public List<string> Scopes { get; set; } = [];
        public List<string> GrantTypes { get; set; } = [];

        /// <summary>Where GET /authorize may send the user back (authorization code clients).</summary>
        public List<string> RedirectUris { get; set; } = [];

        /// <summary>The start URL the client signs in to (authorization code clients).</summary>
        public string? IssuerUrl { get; set; }
        public DateTimeOffset IssuedAt { get; set; }
        public DateTimeOffset SecretExpiresAt { get; set; }
    }

    public static class DeviceAuthorizationStatus
    {
        public const string Pending = "PENDING";
        public const string Approved = "APPROVED";
        public const string Denied = "DENIED";
        public const string Redeemed = "REDEEMED";
    }

    /// <summary>One device authorization (StartDeviceAuthorization): a user code waiting for a signed-in user to approve it.</summary>
    public sealed class DeviceAuthorizationDoc
    {
        [BsonId] public string DeviceCode { get; set; } = "";
        public string UserCode { get; set; } = "";
        public string ClientId { get; set; } = "";
        public string ClientName { get; set; } = "";
        public string InstanceId { get; set; } = "";
        public string IdentityStoreId { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
        public int Interval { get; set; } = 1;
        public string Status { get; set; } = DeviceAuthorizationStatus.Pending;

        /// <summary>The directory user who approved (or denied) the request.</summary>
        public string? UserId { get; set; }
    }

    /// <summary>An access token (the portal's x-amz-sso_bearer_token). Tokens of one sign-in share a GrantId; Logout revokes the grant.</summary>
    public sealed class OidcTokenDoc
    {
        [BsonId] public string AccessToken { get; set; } = "";
        public string GrantId { get; set; } = "";
        public string ClientId { get; set; } = "";
        public string InstanceId { get; set; } = "";
        public string UserId { get; set; } = "";
        public DateTimeOffset IssuedAt { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
        public bool Revoked { get; set; }
    }

    /// <summary>A refresh token, keyed by its SHA-256 (<see cref="StoredSecrets"/>). Each use replaces it with a new one.</summary>
    public sealed class OidcRefreshTokenDoc
    {
        [BsonId] public string RefreshTokenHash { get; set; } = "";
        public string GrantId { get; set; } = "";
        public string ClientId { get; set; } = "";
        public string InstanceId { get; set; } = "";
        public string UserId { get; set; } = "";
        public DateTimeOffset IssuedAt { get; set; }

        /// <summary>When the sign-in session ends; rotation keeps it.</summary>
        public DateTimeOffset ExpiresAt { get; set; }
        public bool Revoked { get; set; }
    }

    /// <summary>The user code of a device authorization, so that the portal finds it (and a new code is checked for uniqueness) by id.</summary>
    public sealed class UserCodeDoc
    {
        [BsonId] public string UserCode { get; set; } = "";
        public string DeviceCode { get; set; } = "";
        public DateTimeOffset ExpiresAt { get; set; }
    }

    public static class AuthorizationStatus
    {
        public const string Pending = "PENDING";
        public const string Approved = "APPROVED";
        public const string Denied = "DENIED";
        public const string Redeemed = "REDEEMED";
    }

    /// <summary>
    /// One authorization code request (GET /authorize, PKCE): pending while the user signs in, approved with a single-use
    /// code, then redeemed by CreateToken with the verifier.
    /// </summary>
    public sealed class OidcAuthorizationDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string ClientId { get; set; } = "";
        public string ClientName { get; set; } = "";
        public string RedirectUri { get; set; } = "";
        public string? State { get; set; }
        public string CodeChallenge { get; set; } = "";
        public List<string> Scopes { get; set; } = [];
        public string InstanceId { get; set; } = "";
        public string IdentityStoreId { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>Until when the user may sign in and approve; after approval, until when the code may be redeemed.</summary>
        public DateTimeOffset ExpiresAt { get; set; }
        public string Status { get; set; } = AuthorizationStatus.Pending;
        public string? Code { get; set; }
        public string? UserId { get; set; }
    }
}
