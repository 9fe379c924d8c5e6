using System.DirectoryServices.Protocols;
using Emulator.Hosting;
using Emulator.Services.Sso;
using Emulator.State;

namespace Emulator.Services.DirectoryService;

/// <summary>The signed-in user, or why not.</summary>
public sealed record SignInResult(SsoUserDoc? User, SignInFailure Failure)
{
    public static SignInResult Failed(SignInFailure failure) => new(null, failure);
}

/// <summary>
/// Password sign-in against the instance's identity source: the Identity Center directory's stored hashes, or an LDAP
/// bind to the Active Directory (UPN, DOMAIN\user, or a bare sAMAccountName) followed by the user's objectGUID, which
/// must belong to a synced user. Used by the portal's sign-in form and POST /_emulator/sso/device/approve.
/// </summary>
public static class DirectorySignIn
{
    public static SignInResult Authenticate(StateStore store, EmulatorOptions options, string identityStoreId, string userName, string password)
    {
        var (instance, directory) = store.Read(tx =>
        {
            var found = tx.SsoInstances.FindOne(i => i.IdentityStoreId == identityStoreId);
            return (found, found?.IdentitySourceDirectoryId is { } id ? tx.Directories.FindById(id) : null);
        });
        if (instance?.IdentitySourceDirectoryId is null)
            return store.Read(tx => SsoDirectory.Authenticate(tx, identityStoreId, userName, password)) is { } local
                ? new SignInResult(local, SignInFailure.None)
                : SignInResult.Failed(SignInFailure.WrongCredentials);
        if (password.Length == 0) return SignInResult.Failed(SignInFailure.EmptyPassword);
        if (directory is null) return SignInResult.Failed(SignInFailure.Unavailable);

        var (bindName, principalName, samAccountName) = Names(userName.Trim(), directory);
        string? guid;
        try
        {
            using var connection = DirectoryLdap.Bind(LdapEndpoint.For(directory, options), bindName, password);
            guid = DirectoryReader.FindUserGuid(connection, directory.BaseDn, principalName, samAccountName);
        }
        catch (LdapException error) { return SignInResult.Failed(SignInFailures.Classify(error)); }
        catch (DirectoryOperationException) { return SignInResult.Failed(SignInFailure.Unavailable); }

        var user = guid is null ? null
            : store.Read(tx => tx.SsoUsers.FindOne(u => u.IdentityStoreId == identityStoreId && u.DirectoryObjectGuid == guid));
        return user is null ? SignInResult.Failed(SignInFailure.NotSynced) : new SignInResult(user, SignInFailure.None);
    }

    /// <summary>The bind name, and the UPN / sAMAccountName to find the entry by, for "user@domain", "DOMAIN\user" or "user".</summary>
    public static (string BindName, string? PrincipalName, string SamAccountName) Names(string userName, DirectoryDoc directory)
    {
        var slash = userName.IndexOf('\\');
        if (slash >= 0) return (userName, null, userName[(slash + 1)..]);
        var at = userName.IndexOf('@');
        if (at >= 0) return (userName, userName, userName[..at]);
        return ($"{userName}@{directory.Name}", null, userName);
    }
}
