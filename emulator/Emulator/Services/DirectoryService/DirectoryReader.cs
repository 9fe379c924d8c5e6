using System.DirectoryServices.Protocols;

namespace Emulator.Services.DirectoryService;

public sealed record DirectoryUser(string ObjectGuid, string Dn, string SamAccountName, string? UserPrincipalName, string? DisplayName,
    string? GivenName, string? Surname, string? Mail, bool Disabled, IReadOnlyList<string> MemberOf);

public sealed record DirectoryGroup(string ObjectGuid, string Dn, string SamAccountName, string? Description, IReadOnlyList<string> MemberOf);

/// <summary>Users and groups read from a directory, with each synced group's members (nested groups resolved).</summary>
public sealed record DirectorySnapshot(IReadOnlyList<DirectoryUser> Users, IReadOnlyList<DirectoryGroup> Groups,
    IReadOnlyList<(string GroupGuid, string UserGuid)> Memberships);

/// <summary>Which users and groups a sync brings over (AWS's "sync scope"): sAMAccountNames; both empty = everything.</summary>
public sealed record SyncScope(IReadOnlyList<string> Groups, IReadOnlyList<string> Users)
{
    public static readonly SyncScope Everything = new([], []);
    public bool IsEverything => Groups.Count == 0 && Users.Count == 0;
}

/// <summary>
/// Reads users and groups as the directory's service account with paged searches (AD serves at most 1,000 entries a page).
/// Built-in objects (isCriticalSystemObject: Administrator, Guest, krbtgt, Domain Users…) are left out. Memberships come
/// from memberOf, followed upwards through nested groups.
/// </summary>
public static class DirectoryReader
{
    private const int PageSize = 500;
    private const string UserFilter = "(&(objectCategory=person)(objectClass=user)(!(isCriticalSystemObject=TRUE)))";
    private const string GroupFilter = "(&(objectClass=group)(!(isCriticalSystemObject=TRUE)))";
    private static readonly string[] UserAttributes =
        ["objectGUID", "sAMAccountName", "userPrincipalName", "displayName", "givenName", "sn", "mail", "userAccountControl", "memberOf"];
    private static readonly string[] GroupAttributes = ["objectGUID", "sAMAccountName", "description", "memberOf"];

    public static DirectorySnapshot Read(LdapConnection connection, string baseDn, SyncScope scope)
    {
        var users = Search(connection, baseDn, UserFilter, UserAttributes).Select(e => new DirectoryUser(
            Guid(e), e.DistinguishedName, Text(e, "sAMAccountName") ?? "", Text(e, "userPrincipalName"), Text(e, "displayName"),
            Text(e, "givenName"), Text(e, "sn"), Text(e, "mail"), IsDisabled(e),
            Texts(e, "memberOf"))).ToList();
        var groups = Search(connection, baseDn, GroupFilter, GroupAttributes).Select(e => new DirectoryGroup(
            Guid(e), e.DistinguishedName, Text(e, "sAMAccountName") ?? "", Text(e, "description"), Texts(e, "memberOf"))).ToList();
        return Scoped(users, groups, scope);
    }

    /// <summary>Applies the scope and resolves memberships: a user belongs to every group reached from its memberOf through parent groups.</summary>
    public static DirectorySnapshot Scoped(IReadOnlyList<DirectoryUser> users, IReadOnlyList<DirectoryGroup> groups, SyncScope scope)
    {
        var byDn = groups.ToDictionary(g => g.Dn, StringComparer.OrdinalIgnoreCase);
        var ancestors = users.ToDictionary(u => u.ObjectGuid, u => Ancestors(u.MemberOf, byDn));
        bool Named(IReadOnlyList<string> names, string sam) => names.Contains(sam, StringComparer.OrdinalIgnoreCase);

        var syncedGroups = scope.IsEverything ? groups : groups.Where(g => Named(scope.Groups, g.SamAccountName)).ToList();
        var syncedGroupDns = syncedGroups.Select(g => g.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var syncedUsers = scope.IsEverything ? users
            : users.Where(u => Named(scope.Users, u.SamAccountName) || ancestors[u.ObjectGuid].Overlaps(syncedGroupDns)).ToList();
        var memberships = syncedUsers
            .SelectMany(u => ancestors[u.ObjectGuid].Where(syncedGroupDns.Contains).Select(dn => (byDn[dn].ObjectGuid, u.ObjectGuid)))
            .ToList();
        return new DirectorySnapshot(syncedUsers, syncedGroups, memberships);
    }

    private static HashSet<string> Ancestors(IEnumerable<string> direct, Dictionary<string, DirectoryGroup> byDn)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(direct);
        while (pending.TryPop(out var dn))
        {
            if (!seen.Add(dn) || !byDn.TryGetValue(dn, out var group)) continue;
            foreach (var parent in group.MemberOf) pending.Push(parent);
        }
        return seen;
    }

    private static IEnumerable<SearchResultEntry> Search(LdapConnection connection, string baseDn, string filter, string[] attributes)
    {
        var request = new SearchRequest(baseDn, filter, SearchScope.Subtree, attributes);
        var paging = new PageResultRequestControl(PageSize);
        request.Controls.Add(paging);
        while (true)
        {
            var response = (SearchResponse)connection.SendRequest(request, DirectoryLdap.Timeout);
            foreach (SearchResultEntry entry in response.Entries) yield return entry;
            var next = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault();
            if (next is null || next.Cookie.Length == 0) yield break;
            paging.Cookie = next.Cookie;
        }
    }

    /// <summary>The objectGUID of the entry a user just bound as, looked up by UPN or sAMAccountName.</summary>
    public static string? FindUserGuid(LdapConnection connection, string baseDn, string? userPrincipalName, string samAccountName)
    {
        var filter = userPrincipalName is null
            ? $"(&(objectClass=user)(sAMAccountName={DirectoryLdap.Escape(samAccountName)}))"
            : $"(&(objectClass=user)(|(userPrincipalName={DirectoryLdap.Escape(userPrincipalName)})(sAMAccountName={DirectoryLdap.Escape(samAccountName)})))";
        var response = (SearchResponse)connection.SendRequest(new SearchRequest(baseDn, filter, SearchScope.Subtree, "objectGUID"), DirectoryLdap.Timeout);
        return response.Entries.Count == 1 ? Guid(response.Entries[0]) : null;
    }

    /// <summary>userAccountControl's ACCOUNTDISABLE bit (0x2).</summary>
    private static bool IsDisabled(SearchResultEntry entry) =>
        int.TryParse(Text(entry, "userAccountControl"), out var flags) && (flags & 2) != 0;

    private static string Guid(SearchResultEntry entry) =>
        new Guid((byte[])entry.Attributes["objectGUID"].GetValues(typeof(byte[]))[0]).ToString();

    private static string? Text(SearchResultEntry entry, string name) =>
        entry.Attributes.Contains(name) ? (string)entry.Attributes[name].GetValues(typeof(string))[0] : null;

    private static IReadOnlyList<string> Texts(SearchResultEntry entry, string name) =>
        entry.Attributes.Contains(name) ? entry.Attributes[name].GetValues(typeof(string)).Cast<string>().ToList() : [];
}
