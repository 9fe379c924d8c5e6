using System.DirectoryServices.Protocols;
using System.Net;
using Emulator.Hosting;

namespace Emulator.Services.DirectoryService;

/// <summary>Where and how to reach a directory's domain controller: LDAPS on 636, StartTLS or plain LDAP on 389.</summary>
public sealed record LdapEndpoint(string Host, string Security, string? TrustDirectory)
{
    public int Port => Security == "ldaps" ? 636 : 389;

    public static LdapEndpoint For(DirectoryDoc directory, EmulatorOptions options) =>
        new(directory.DnsIpAddrs.FirstOrDefault() ?? "", options.AdLdapSecurity, LdapTrust.DirectoryFor(options.AdCaFile));
}

/// <summary>
/// LDAP connections with System.DirectoryServices.Protocols (native libldap). Linux specifics: StartTLS is started after an
/// anonymous bind (before it, libldap would talk to its default ldap://localhost); certificates are checked against a folder
/// holding the operator's CA (SessionOptions.TrustedCertificatesDirectory), not a callback.
/// </summary>
public static class DirectoryLdap
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>A connection bound as <paramref name="name"/> (UPN, DOMAIN\user or DN). Refuses empty passwords itself: AD treats
    /// a name with an empty password as an anonymous bind that succeeds. Throws <see cref="LdapException"/> when the bind fails.</summary>
    public static LdapConnection Bind(LdapEndpoint endpoint, string name, string password)
    {
        if (password.Length == 0) throw new ArgumentException("An empty password is refused before binding.", nameof(password));
        var connection = Open(endpoint);
        try
        {
            connection.AuthType = AuthType.Basic;
            connection.Bind(new NetworkCredential(name, password));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static LdapConnection Open(LdapEndpoint endpoint)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(endpoint.Host, endpoint.Port, fullyQualifiedDnsHostName: false, connectionless: false))
        {
            AuthType = AuthType.Basic,
            Timeout = Timeout,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        // AD answers subtree searches at the domain root with referrals to partitions whose DNS names need not resolve here.
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        if (endpoint.Security == "plain") return connection;
        if (endpoint.TrustDirectory is { } trust && !OperatingSystem.IsWindows()) // Windows trusts through its certificate store
        {
            connection.SessionOptions.TrustedCertificatesDirectory = trust;
            connection.SessionOptions.StartNewTlsSessionContext();
        }
        if (endpoint.Security == "ldaps")
        {
            connection.SessionOptions.SecureSocketLayer = true;
            return connection;
        }
        connection.AuthType = AuthType.Anonymous;
        connection.Bind();
        connection.SessionOptions.StartTransportLayerSecurity(null);
        return connection;
    }

    /// <summary>Escapes a value for an LDAP filter (RFC 4515), so user input cannot change the filter.</summary>
    public static string Escape(string value) =>
        string.Concat(value.Select(c => c switch
        {
            '\\' => @"\5c",
            '*' => @"\2a",
            '(' => @"\28",
            ')' => @"\29",
            '\0' => @"\00",
            _ => c.ToString(),
        }));
}

/// <summary>The operator's CA (--ad-ca) in a folder of its own, which is what libldap's TLS (GnuTLS on Debian) reads trust from.</summary>
public static class LdapTrust
{
    private static readonly Dictionary<string, string> Folders = [];

    public static string? DirectoryFor(string? caFile)
    {
        if (caFile is null) return null;
        lock (Folders)
        {
            if (Folders.TryGetValue(caFile, out var folder)) return folder;
            folder = Directory.CreateTempSubdirectory("emulator-ad-ca-").FullName;
            File.Copy(caFile, Path.Combine(folder, "ca.pem"));
            Folders[caFile] = folder;
            return folder;
        }
    }
}
