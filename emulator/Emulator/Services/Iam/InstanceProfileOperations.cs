using Emulator.Core;

namespace Emulator.Services.Iam;

/// <summary>Instance profiles: Create, Get, Delete, List, ListForRole, and adding/removing their (single) role.</summary>
public static class InstanceProfileOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<CreateInstanceProfileRequest, InstanceProfileResponse>("CreateInstanceProfile", Create);
        table.Read<InstanceProfileNameRequest, InstanceProfileResponse>("GetInstanceProfile", Get);
        table.Write<InstanceProfileNameRequest, NoOutput>("DeleteInstanceProfile", Delete);
        table.Read<ListInstanceProfilesRequest, ListInstanceProfilesResponse>("ListInstanceProfiles", List);
        table.Read<ListByRoleRequest, ListInstanceProfilesResponse>("ListInstanceProfilesForRole", ListForRole);
        table.Write<InstanceProfileRoleRequest, NoOutput>("AddRoleToInstanceProfile", AddRole);
        table.Write<InstanceProfileRoleRequest, NoOutput>("RemoveRoleFromInstanceProfile", RemoveRole);
    }

    private static InstanceProfileDoc Find(OperationContext context, string name) =>
        context.Tx.InstanceProfiles.FindById(InstanceProfileDoc.Key(context.Caller.AccountId, name)) ?? throw IamErrors.NoSuchInstanceProfile(name);

    public static InstanceProfileResponse Create(OperationContext context, CreateInstanceProfileRequest request)
    {
        var accountId = context.Caller.AccountId;
        var key = InstanceProfileDoc.Key(accountId, request.InstanceProfileName);
        if (context.Tx.InstanceProfiles.FindById(key) is not null) throw IamErrors.InstanceProfileExists(request.InstanceProfileName);
        var profile = new InstanceProfileDoc
        {
            Id = key,
            AccountId = accountId,
            InstanceProfileName = request.InstanceProfileName,
            InstanceProfileId = "AIPA" + Ids.UpperAlphanumeric(17),
            Path = request.Path ?? "/",
            CreateDate = context.Now,
        };
        IamTags.Merge(profile.Tags, request.Tags);
        context.Tx.InstanceProfiles.Insert(profile);
        return new(ToWire(context, profile));
    }

    public static InstanceProfileResponse Get(OperationContext context, InstanceProfileNameRequest request) =>
        new(ToWire(context, Find(context, request.InstanceProfileName)));

    public static NoOutput Delete(OperationContext context, InstanceProfileNameRequest request)
    {
        var profile = Find(context, request.InstanceProfileName);
        if (profile.RoleNames.Count > 0) throw IamErrors.MustRemoveRoles();
        context.Tx.InstanceProfiles.Delete(profile.Id);
        return new NoOutput();
    }

    public static ListInstanceProfilesResponse List(OperationContext context, ListInstanceProfilesRequest request)
    {
        var prefix = request.PathPrefix ?? "/";
        var profiles = context.Tx.InstanceProfiles.Find(p => p.AccountId == context.Caller.AccountId)
            .Where(p => p.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(p => p.Id, StringComparer.Ordinal);
        return Page(context, profiles, request.Marker, request.MaxItems);
    }

    public static ListInstanceProfilesResponse ListForRole(OperationContext context, ListByRoleRequest request)
    {
        var role = RoleOperations.Find(context, request.RoleName);
        var profiles = context.Tx.InstanceProfiles.Find(p => p.AccountId == role.AccountId).ToList()
            .Where(p => p.RoleNames.Contains(role.RoleName, StringComparer.OrdinalIgnoreCase))
            .OrderBy(p => p.Id, StringComparer.Ordinal);
        return Page(context, profiles, request.Marker, request.MaxItems);
    }

    /// <summary>An instance profile holds one role (IAM's fixed quota).</summary>
    public static NoOutput AddRole(OperationContext context, InstanceProfileRoleRequest request)
    {
        var profile = Find(context, request.InstanceProfileName);
        var role = RoleOperations.Find(context, request.RoleName);
        if (profile.RoleNames.Count > 0) throw IamErrors.InstanceProfileFull();
        profile.RoleNames.Add(role.RoleName);
        context.Tx.InstanceProfiles.Update(profile);
        return new NoOutput();
    }

    public static NoOutput RemoveRole(OperationContext context, InstanceProfileRoleRequest request)
    {
        var profile = Find(context, request.InstanceProfileName);
        if (profile.RoleNames.RemoveAll(n => string.Equals(n, request.RoleName, StringComparison.OrdinalIgnoreCase)) == 0)
            throw IamErrors.NoSuchRole(request.RoleName);
        context.Tx.InstanceProfiles.Update(profile);
        return new NoOutput();
    }

    private static ListInstanceProfilesResponse Page(OperationContext context, IEnumerable<InstanceProfileDoc> ordered, string? marker, int? maxItems)
    {
        var (items, truncated, next) = IamInput.Page(ordered, p => p.Id, marker, maxItems);
        return new(items.Select(p => ToWire(context, p)).ToList(), truncated, next);
    }

    /// <summary>The profile with its role (as ListRoles shows roles); a role deleted since is left out.</summary>
    private static InstanceProfile ToWire(OperationContext context, InstanceProfileDoc profile) => new(
        profile.Path, profile.InstanceProfileName, profile.InstanceProfileId, profile.Arn, profile.CreateDate,
        profile.RoleNames.Select(n => context.Tx.Roles.FindById(RoleDoc.Key(profile.AccountId, n)))
            .OfType<RoleDoc>().Select(r => Role.From(r, withDetails: false)).ToList(),
        IamTags.ToWire(profile.Tags));
}

public sealed record InstanceProfile(
    string Path, string InstanceProfileName, string InstanceProfileId, string Arn, DateTimeOffset CreateDate,
    IReadOnlyList<Role> Roles, IReadOnlyList<Tag>? Tags);

public sealed record CreateInstanceProfileRequest(string InstanceProfileName, string? Path, IReadOnlyList<Tag>? Tags);

public sealed record InstanceProfileNameRequest(string InstanceProfileName);

public sealed record InstanceProfileResponse(InstanceProfile InstanceProfile);

public sealed record ListInstanceProfilesRequest(string? Marker, int? MaxItems, string? PathPrefix);

public sealed record ListInstanceProfilesResponse(IReadOnlyList<InstanceProfile> InstanceProfiles, bool IsTruncated, string? Marker);

public sealed record InstanceProfileRoleRequest(string InstanceProfileName, string RoleName);
