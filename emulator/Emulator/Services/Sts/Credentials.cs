using Emulator.Core;
using Emulator.State;

namespace Emulator.Services.Sts;

/// <summary>STS's Credentials shape.</summary>
public sealed record Credentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration);

/// <summary>
/// Issues temporary credentials for a principal (AssumeRole, GetSessionToken, and later SSO GetRoleCredentials): an
/// ASIA key id, a 40-character secret and a session token, remembered as a session so that requests signed with the
/// key act as that principal until it expires.
/// </summary>
public static class TemporaryCredentials
{
    public static Credentials Issue(Tx tx, string accountId, PrincipalKind kind, string arn, string userId, DateTimeOffset expiration)
    {
        var session = new SessionDoc
        {
            Id = KeyIds.AccessKeyId(KeyIds.TemporaryAccessKey, accountId),
            SecretAccessKey = Ids.Secret(40),
            SessionToken = "IQoJb3JpZ2luX2VjE" + Ids.Secret(339),
            AccountId = accountId,
            Kind = kind.ToString(),
            Arn = arn,
            UserId = userId,
            Expiration = expiration,
        };
        tx.Sessions.Insert(session);
        return new Credentials(session.Id, session.SecretAccessKey, session.SessionToken, session.Expiration);
    }
}
