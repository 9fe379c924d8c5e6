using System.Text.RegularExpressions;
using Emulator.Core;
using Emulator.Hosting;
using Emulator.State;

namespace Emulator.Services;

/// <summary>
/// The identity rules: a 12-digit access key id is the root user of that account; a key the emulator issued (STS
/// credentials, IAM access keys) is its principal; any other key is the root user of the default account.
/// </summary>
public static partial class Callers
{
    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountKey();

    /// <returns>The caller, or null when the key names expired temporary credentials.</returns>
    public static Caller? Resolve(Tx tx, string accessKeyId, EmulatorOptions options, DateTimeOffset now)
    {
        if (AccountKey().IsMatch(accessKeyId)) return Caller.Root(accessKeyId);
        if (tx.Sessions.FindById(accessKeyId) is { } session)
        {
            if (session.Expiration <= now) return null;
            var kind = Enum.Parse<PrincipalKind>(session.Kind);
            return new Caller(session.AccountId, kind, session.Arn, session.UserId, accessKeyId);
        }
        if (tx.AccessKeys.FindById(accessKeyId) is { Status: "Active" } key &&
            tx.Users.FindById(Iam.UserDoc.Key(key.AccountId, key.UserName)) is { } user)
            return new Caller(user.AccountId, PrincipalKind.User, user.Arn, user.UserId, accessKeyId);
        return Caller.Root(options.DefaultAccount);
    }
}
