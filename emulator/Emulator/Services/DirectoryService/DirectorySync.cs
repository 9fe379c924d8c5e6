using System.Text.Json.Nodes;
using Emulator.Services.IdentityStore;
using Emulator.Services.Sso;
using Emulator.Services.TrustModel;
using Emulator.State;

namespace Emulator.Services.DirectoryService;

/// <summary>Counts of what a sync left in the identity store.</summary>
public sealed record SyncResult(int Users, int Groups, int Memberships);

/// <summary>
/// Brings a directory-backed identity store in line with a <see cref="DirectorySnapshot"/>: users and groups matched by
/// objectGUID are updated, new ones added, and the ones no longer in the directory (or the scope) removed with their
/// memberships, assignments (and, with the last assignment, the provisioned roles) and portal sessions.
/// </summary>
public static class DirectorySync
{
    /// <summary>The ExternalIds issuer of synced users and groups: the directory's ARN (the objectGUID is the Id).</summary>
    public static string Issuer(DirectoryDoc directory, string region) =>
        $"arn:aws:ds:{region}:{directory.OwnerAccountId}:directory/{directory.DirectoryId}";

    public static SyncResult Apply(Tx tx, SsoInstanceDoc instance, DirectoryDoc directory, DirectorySnapshot snapshot, string region, DateTimeOffset now)
    {
        var storeId = instance.IdentityStoreId;
        var issuer = Issuer(directory, region);
        var userIds = SyncUsers(tx, storeId, snapshot.Users, issuer, now);
        var groupIds = SyncGroups(tx, storeId, snapshot.Groups, issuer, now);

        var wanted = snapshot.Memberships
            .Where(m => groupIds.ContainsKey(m.GroupGuid) && userIds.ContainsKey(m.UserGuid))
            .Select(m => (GroupId: groupIds[m.GroupGuid], UserId: userIds[m.UserGuid])).ToHashSet();
        var existing = tx.SsoGroupMemberships.Find(m => m.IdentityStoreId == storeId).ToList();
        foreach (var membership in existing.Where(m => !wanted.Contains((m.GroupId, m.UserId))))
            tx.SsoGroupMemberships.Delete(membership.MembershipId);
        var kept = existing.Select(m => (m.GroupId, m.UserId)).ToHashSet();
        foreach (var (groupId, userId) in wanted.Where(w => !kept.Contains(w)))
            tx.SsoGroupMemberships.Insert(new SsoGroupMembershipDoc
            {
                MembershipId = IdentityStoreAccess.NewId(storeId), IdentityStoreId = storeId, GroupId = groupId, UserId = userId,
            });

        instance.LastSyncAt = now;
        tx.SsoInstances.Update(instance);
        return new SyncResult(userIds.Count, groupIds.Count, wanted.Count);
    }

    /// <summary>Removes every user, group and membership of the store, with their assignments and portal sessions (a change of identity source).</summary>
    public static void Clear(Tx tx, string identityStoreId)
    {
        foreach (var user in tx.SsoUsers.Find(u => u.IdentityStoreId == identityStoreId).ToList()) RemoveUser(tx, user.UserId);
        foreach (var group in tx.SsoGroups.Find(g => g.IdentityStoreId == identityStoreId).ToList()) RemoveGroup(tx, group.GroupId);
    }

    private static Dictionary<string, string> SyncUsers(Tx tx, string storeId, IReadOnlyList<DirectoryUser> users, string issuer, DateTimeOffset now) =>
        Reconcile(tx.SsoUsers.Find(u => u.IdentityStoreId == storeId).ToList(), u => u.DirectoryObjectGuid, u => u.UserId, users, s => s.ObjectGuid,
            (source, user) =>
            {
                var created = user is null ? null : (string?)JsonNode.Parse(user.AttributesJson)!["CreatedAt"];
                user ??= new SsoUserDoc { UserId = IdentityStoreAccess.NewId(storeId), IdentityStoreId = storeId, DirectoryObjectGuid = source.ObjectGuid };
                user.UserName = source.UserPrincipalName ?? source.SamAccountName;
                var attributes = new JsonObject
                {
                    ["DisplayName"] = source.DisplayName ?? source.SamAccountName,
                    ["Name"] = WithoutNulls(("GivenName", source.GivenName), ("FamilyName", source.Surname), ("Formatted", source.DisplayName)),
                    ["ExternalIds"] = ExternalIds(issuer, source.ObjectGuid),
                    ["UserStatus"] = source.Disabled ? "DISABLED" : "ENABLED",
                    ["CreatedAt"] = created ?? now.ToString("O"),
                    ["UpdatedAt"] = now.ToString("O"),
                };
                if (source.Mail is not null) attributes["Emails"] = new JsonArray(new JsonObject { ["Value"] = source.Mail, ["Type"] = "work", ["Primary"] = true });
                UserOperations.Store(user, attributes);
                tx.SsoUsers.Upsert(user);
                return user;
            },
            userId => RemoveUser(tx, userId));

    private static Dictionary<string, string> SyncGroups(Tx tx, string storeId, IReadOnlyList<DirectoryGroup> groups, string issuer, DateTimeOffset now) =>
        Reconcile(tx.SsoGroups.Find(g => g.IdentityStoreId == storeId).ToList(), g => g.DirectoryObjectGuid, g => g.GroupId, groups, s => s.ObjectGuid,
            (source, group) =>
            {
                var created = group is null ? null : (string?)JsonNode.Parse(group.AttributesJson)!["CreatedAt"];
                group ??= new SsoGroupDoc { GroupId = IdentityStoreAccess.NewId(storeId), IdentityStoreId = storeId, DirectoryObjectGuid = source.ObjectGuid };
                group.DisplayName = source.SamAccountName;
                group.Description = source.Description;
                group.AttributesJson = new JsonObject
                {
                    ["ExternalIds"] = ExternalIds(issuer, source.ObjectGuid),
                    ["CreatedAt"] = created ?? now.ToString("O"),
                    ["UpdatedAt"] = now.ToString("O"),
                }.ToJsonString();
                tx.SsoGroups.Upsert(group);
                return group;
            },
            groupId => RemoveGroup(tx, groupId));

    /// <summary>
    /// Matches stored documents to directory entries by objectGUID: <paramref name="write"/> updates the match (or creates
    /// the document when there is none) and stores it; documents no entry matched are removed. Answers objectGUID → id.
    /// </summary>
    private static Dictionary<string, string> Reconcile<TDoc, TSource>(List<TDoc> existing, Func<TDoc, string?> guidOf, Func<TDoc, string> idOf,
        IEnumerable<TSource> sources, Func<TSource, string> sourceGuid, Func<TSource, TDoc?, TDoc> write, Action<string> remove) where TDoc : class
    {
        var byGuid = existing.Where(d => guidOf(d) is not null).ToDictionary(d => guidOf(d)!);
        var ids = new Dictionary<string, string>();
        foreach (var source in sources) ids[sourceGuid(source)] = idOf(write(source, byGuid.GetValueOrDefault(sourceGuid(source))));
        var kept = ids.Values.ToHashSet();
        foreach (var gone in existing.Where(d => !kept.Contains(idOf(d)))) remove(idOf(gone));
        return ids;
    }

    private static JsonArray ExternalIds(string issuer, string objectGuid) => new(new JsonObject { ["Issuer"] = issuer, ["Id"] = objectGuid });

    private static JsonObject WithoutNulls(params (string Name, string? Value)[] members)
    {
        var result = new JsonObject();
        foreach (var (name, value) in members.Where(m => m.Value is not null)) result[name] = value;
        return result;
    }

    private static void RemoveUser(Tx tx, string userId)
    {
        tx.SsoGroupMemberships.DeleteMany(m => m.UserId == userId);
        SsoProvisioning.RemovePrincipal(tx, "USER", userId);
        tx.PortalSessions.DeleteMany(s => s.UserId == userId);
        tx.SsoUsers.Delete(userId);
    }

    private static void RemoveGroup(Tx tx, string groupId)
    {
        tx.SsoGroupMemberships.DeleteMany(m => m.GroupId == groupId);
        SsoProvisioning.RemovePrincipal(tx, "GROUP", groupId);
        tx.SsoGroups.Delete(groupId);
    }
}
