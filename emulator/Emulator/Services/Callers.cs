using System.Text.RegularExpressions;
using Emulator.Core;
using Emulator.Hosting;
using Emulator.State;

namespace Emulator.Services;

/// <summary>Why a key is refused: AWS's InvalidClientTokenId / UnrecognizedClientException, or ExpiredToken(Exception).</summary>
public enum KeyRefusal { Invalid, Expired }

/// <summary>Who a key belongs to and the secret its requests are signed with — or why it is refused.</summary>
public sealed record Identification(Caller? Caller, string? Secret, KeyRefusal? Refusal)
{
    public static Identification Accepted(Caller caller, string secret) => new(caller, secret, null);
    public static Identification Refused(KeyRefusal refusal) => new(null, null, refusal);
}

/// <summary>
/// The identity rules, in this order:
/// <list type="number">
/// <item>a 12-digit access key id is the root user of that account (secret: <c>--root-secret</c>);</item>
/// <item>a key that is not shaped like an AWS key (does not start with AKIA/ASIA, e.g. "test") is the root user of the
/// default account (secret: <c>--root-secret</c>);</item>
/// <item>an AKIA/ASIA key must be one the emulator issued and still honours: an active IAM access key of an existing
/// user, or unexpired temporary credentials presented with their own session token. Any other (deleted, inactive, from
/// another instance, forged, or a temporary key without its token) is refused as invalid; an expired one as expired;</item>
/// <item>every caller of a closed (SUSPENDED) account is refused as invalid.</item>
/// </list>
/// </summary>
public static partial class Callers
{
    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountKey();

    public static Identification Identify(Tx tx, string accessKeyId, string? sessionToken, EmulatorOptions options, DateTimeOffset now)
    {
        var identification = IdentifyKey(tx, accessKeyId, sessionToken, options, now);
        return identification.Caller is { } caller && IsClosed(tx, caller.AccountId) ? Identification.Refused(KeyRefusal.Invalid) : identification;
    }

    private static Identification IdentifyKey(Tx tx, string accessKeyId, string? sessionToken, EmulatorOptions options, DateTimeOffset now)
    {
        if (AccountKey().IsMatch(accessKeyId)) return Identification.Accepted(Caller.Root(accessKeyId), options.RootSecret);
        if (!KeyIds.LooksIssued(accessKeyId)) return Identification.Accepted(Caller.Root(options.DefaultAccount), options.RootSecret);
        if (tx.Sessions.FindById(accessKeyId) is { } session)
        {
            if (session.SessionToken != sessionToken) return Identification.Refused(KeyRefusal.Invalid);
            if (session.Expiration <= now) return Identification.Refused(KeyRefusal.Expired);
            var kind = Enum.Parse<PrincipalKind>(session.Kind);
            return Identification.Accepted(new Caller(session.AccountId, kind, session.Arn, session.UserId, accessKeyId), session.SecretAccessKey);
        }
        if (tx.AccessKeys.FindById(accessKeyId) is { Status: "Active" } key &&
            tx.Users.FindById(Iam.UserDoc.Key(key.AccountId, key.UserName)) is { } user)
            return Identification.Accepted(new Caller(user.AccountId, PrincipalKind.User, user.Arn, user.UserId, accessKeyId), key.SecretAccessKey);
        return Identification.Refused(KeyRefusal.Invalid);
    }

    private static bool IsClosed(Tx tx, string accountId) => tx.Accounts.FindById(accountId) is { Status: "SUSPENDED" };
}
