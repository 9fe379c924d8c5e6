using System.DirectoryServices.Protocols;
using System.Text.RegularExpressions;

namespace Emulator.Services.DirectoryService;

/// <summary>Why a sign-in (or a service-account bind) did not succeed.</summary>
public enum SignInFailure
{
    None,
    EmptyPassword,
    WrongCredentials,
    AccountDisabled,
    PasswordExpired,
    PasswordMustChange,
    AccountLocked,
    AccountExpired,
    AccountRestricted,
    NotSynced,
    Unavailable,
}

/// <summary>What a failure means to the person signing in (portal pages, POST /_emulator/sso/device/approve).</summary>
public sealed record SignInFailureText(string Error, string Message, int Status);

/// <summary>
/// The one table from LDAP results to sign-in failures, and from failures to what a user sees. Active Directory answers
/// every refused simple bind with LDAP 49 (invalidCredentials) and tells why in the diagnostic message's "data XXX"
/// (a Win32 error in hex); a DC that cannot be reached is LDAP 81/91/85 (also how a certificate failure shows on Linux).
/// </summary>
public static partial class SignInFailures
{
    private static readonly Dictionary<string, SignInFailure> AdDataCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["525"] = SignInFailure.WrongCredentials,   // no such user
        ["52e"] = SignInFailure.WrongCredentials,   // wrong password
        ["530"] = SignInFailure.AccountRestricted,  // not permitted to log on at this time
        ["531"] = SignInFailure.AccountRestricted,  // not permitted to log on at this workstation
        ["532"] = SignInFailure.PasswordExpired,
        ["533"] = SignInFailure.AccountDisabled,
        ["701"] = SignInFailure.AccountExpired,
        ["773"] = SignInFailure.PasswordMustChange, // pwdLastSet = 0
        ["775"] = SignInFailure.AccountLocked,
    };

    private static readonly Dictionary<SignInFailure, SignInFailureText> Texts = new()
    {
        [SignInFailure.EmptyPassword] = new("InvalidCredentials", "Enter your password.", 401),
        [SignInFailure.WrongCredentials] = new("InvalidCredentials", "Incorrect username or password.", 401),
        [SignInFailure.AccountDisabled] = new("AccountDisabled", "Your account is disabled in the directory. Contact your administrator.", 401),
        [SignInFailure.PasswordExpired] = new("PasswordExpired", "Your password has expired. Change it in your directory, then sign in again.", 401),
        [SignInFailure.PasswordMustChange] = new("PasswordExpired",
            "Your password has expired: you must change it before you sign in. Change it in your directory, then sign in again.", 401),
        [SignInFailure.AccountLocked] = new("AccountLocked",
            "Your account is locked after too many failed sign-in attempts. Try again later or contact your administrator.", 401),
        [SignInFailure.AccountExpired] = new("AccountExpired", "Your account has expired. Contact your administrator.", 401),
        [SignInFailure.AccountRestricted] = new("AccountRestricted", "Your account may not sign in at this time or from this computer.", 401),
        [SignInFailure.NotSynced] = new("UserNotSynchronized",
            "Your directory account is not in IAM Identity Center: it is outside the sync scope or has not been synchronised yet.", 403),
        [SignInFailure.Unavailable] = new("IdentitySourceUnavailable",
            "Identity source unavailable: the directory cannot be reached right now. Try again later.", 503),
    };

    public static SignInFailureText Text(SignInFailure failure) => Texts[failure];

    /// <summary>LDAP result codes that mean the directory was not reached (server down, timeout, connect error, unavailable, busy).</summary>
    private static readonly HashSet<int> Unreachable = [81, 85, 91, 52, 51];

    public static SignInFailure Classify(LdapException error)
    {
        if (error.ErrorCode == 49)
            return AdData().Match(error.ServerErrorMessage ?? "") is { Success: true } data && AdDataCodes.TryGetValue(data.Groups[1].Value, out var failure)
                ? failure
                : SignInFailure.WrongCredentials;
        return SignInFailure.Unavailable; // unreachable (Unreachable) or refusing simple binds altogether: either way nobody can sign in
    }

    public static bool IsUnreachable(LdapException error) => Unreachable.Contains(error.ErrorCode);

    [GeneratedRegex(@"data ([0-9a-fA-F]+)")]
    private static partial Regex AdData();
}
