using System.Xml;
using Emulator.Core;
using Emulator.Services.Sso;
using Emulator.Services.Sts;
using Emulator.State;

namespace Emulator.Services.SsoPortal;

/// <summary>Role credentials as the portal hands them out (API GetRoleCredentials and the portal page's "Command line access").</summary>
public sealed record PortalRoleCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration);

public static class PortalCredentials
{
    /// <summary>
    /// Temporary credentials for the AWSReservedSSO_* role behind <paramref name="role"/>, with the user name as the session
    /// name: the caller is arn:aws:sts::&lt;acct&gt;:assumed-role/AWSReservedSSO_&lt;ps&gt;_&lt;hex&gt;/&lt;userName&gt;, valid for
    /// the permission set's session duration.
    /// </summary>
    public static PortalRoleCredentials Issue(Tx tx, PortalRole role, SsoUserDoc user, DateTimeOffset now)
    {
        var credentials = TemporaryCredentials.Issue(tx, role.AccountId, PrincipalKind.AssumedRole,
            $"arn:aws:sts::{role.AccountId}:assumed-role/{role.Role.RoleName}/{user.UserName}",
            $"{role.Role.RoleId}:{user.UserName}",
            now + SessionDuration(role.SessionDuration));
        return new PortalRoleCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken, credentials.Expiration);
    }

    /// <summary>The permission set's ISO-8601 SessionDuration (PT1H … PT12H); one hour when unreadable.</summary>
    public static TimeSpan SessionDuration(string? isoDuration)
    {
        try { return string.IsNullOrEmpty(isoDuration) ? TimeSpan.FromHours(1) : XmlConvert.ToTimeSpan(isoDuration); }
        catch (FormatException) { return TimeSpan.FromHours(1); }
    }
}
