using Emulator.State;

namespace Emulator.Services.Sso;

/// <summary>
/// What the emulator forgets, and when, so that sign-ins and credentials do not grow the state without bound. Expired
/// records already act as absent when looked up; <see cref="Purge"/> deletes them (the sweeper runs it periodically
/// and at start). Expired STS/portal credentials are kept for <see cref="ExpiredCredentialRetention"/> so that a caller
/// still holding them is told they expired rather than that they are unknown.
/// </summary>
public static class ExpiredState
{
    public static readonly TimeSpan ExpiredCredentialRetention = TimeSpan.FromHours(1);

    public static void Purge(Tx tx, DateTimeOffset now)
    {
        tx.OidcTokens.DeleteMany(t => t.Revoked || t.ExpiresAt <= now);
        tx.OidcRefreshTokens.DeleteMany(t => t.Revoked || t.ExpiresAt <= now);
        tx.DeviceAuthorizations.DeleteMany(d => d.ExpiresAt <= now);
        tx.UserCodes.DeleteMany(c => c.ExpiresAt <= now);
        tx.OidcClients.DeleteMany(c => c.SecretExpiresAt <= now);
        tx.PortalSessions.DeleteMany(s => s.ExpiresAt <= now);
        var credentialsBefore = now - ExpiredCredentialRetention;
        tx.Sessions.DeleteMany(s => s.Expiration <= credentialsBefore);
    }
}
