using Emulator.State;
using Microsoft.AspNetCore.Identity;

namespace Emulator.Services.Sso;

/// <summary>Sign-in against the identity store: passwords are kept only as salted hashes.</summary>
public static class SsoDirectory
{
    private static readonly PasswordHasher<SsoUserDoc> Hasher = new();

    public static void SetPassword(SsoUserDoc user, string password) => user.PasswordHash = Hasher.HashPassword(user, password);

    public static SsoUserDoc? FindByUserName(Tx tx, string identityStoreId, string userName) =>
        tx.SsoUsers.FindOne(u => u.IdentityStoreId == identityStoreId && u.UserName == userName);

    /// <summary>The user when the password matches; null otherwise (unknown user, no password, wrong password).</summary>
    public static SsoUserDoc? Authenticate(Tx tx, string identityStoreId, string userName, string password)
    {
        var user = FindByUserName(tx, identityStoreId, userName);
        if (user?.PasswordHash is null) return null;
        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>The groups the user belongs to.</summary>
    public static IReadOnlyList<string> GroupsOf(Tx tx, string userId) =>
        tx.SsoGroupMemberships.Find(m => m.UserId == userId).Select(m => m.GroupId).ToList();
}
