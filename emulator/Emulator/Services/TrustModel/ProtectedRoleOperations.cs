using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Emulator.Hosting;
using Emulator.Services.Iam;

namespace Emulator.Services.TrustModel;

/// <summary>
/// Every IAM operation that names a role (a RoleName member in the iam model), declared once: either lock-checked —
/// refused with UnmodifiableEntity on a protected role (<see cref="ProtectedRoles"/>) — or allowed, with the reason.
/// IAM's operation table runs <see cref="Check"/> before each handler; a test checks that the two lists cover every
/// such operation of the model, so a new role operation cannot forget the lock.
/// </summary>
public static class ProtectedRoleOperations
{
    /// <summary>Operations refused on a protected role, with the requests the lock applies to.</summary>
    public static readonly IReadOnlyDictionary<string, Func<object, bool>> Locked = new Dictionary<string, Func<object, bool>>(StringComparer.Ordinal)
    {
        ["DeleteRole"] = Always,
        ["UpdateAssumeRolePolicy"] = Always,
        ["AttachRolePolicy"] = Always,
        ["DetachRolePolicy"] = Always,
        ["PutRolePolicy"] = Always,
        ["DeleteRolePolicy"] = Always,
        ["PutRolePermissionsBoundary"] = Always,
        ["DeleteRolePermissionsBoundary"] = Always,
        ["AddRoleToInstanceProfile"] = Always,
        ["RemoveRoleFromInstanceProfile"] = Always,
        // The description of any role may be edited (IAM User Guide, "Update a service-linked role"); the rest may not.
        ["UpdateRole"] = request => request is not UpdateRoleRequest { MaxSessionDuration: null },
    };

    /// <summary>Operations that name a role and are allowed on a protected one.</summary>
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CreateRole"] = "creates a new role; an existing name is EntityAlreadyExists",
        ["GetRole"] = "read",
        ["GetRolePolicy"] = "read",
        ["ListAttachedRolePolicies"] = "read",
        ["ListRolePolicies"] = "read",
        ["ListRoleTags"] = "read",
        ["ListInstanceProfilesForRole"] = "read",
        ["UpdateRoleDescription"] = "the description of any role may be edited (IAM User Guide, \"Update a service-linked role\")",
        ["TagRole"] = "IAM models no UnmodifiableEntity for tags",
        ["UntagRole"] = "IAM models no UnmodifiableEntity for tags",
        ["DeleteServiceLinkedRole"] = "the service's own deletion task: FAILED while the service uses the role (ProtectedRoles.IsInUse)",
    };

    private static bool Always(object request) => true;

    private static readonly ConcurrentDictionary<Type, Func<object, string?>> RoleNames = new();

    /// <summary>Throws UnmodifiableEntity when a locked operation targets a protected role of the caller's account.</summary>
    public static void Check(string operation, OperationContext context, object request)
    {
        if (!Locked.TryGetValue(operation, out var applies) || !applies(request)) return;
        if (RoleNameOf(request) is not { } roleName) return;
        if (context.Tx.Roles.FindById(RoleDoc.Key(context.Caller.AccountId, roleName)) is not { } role) return;
        if (ProtectedRoles.IsProtected(role))
            context.Tx.Trail.RefusedChange(role.AccountId, role.LinkedService ?? role.ReservedBy!, operation, role.RoleName,
                $"{role.RoleName} is locked: it belongs to {role.LinkedService ?? role.ReservedBy}, and only that service may change it", "UnmodifiableEntity");
        ProtectedRoles.EnsureMutable(role);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = AotRoots.Justification)]
    private static string? RoleNameOf(object request) =>
        RoleNames.GetOrAdd(request.GetType(), type => type.GetProperty("RoleName") is { } property
            ? r => property.GetValue(r) as string
            : throw new InvalidOperationException($"{type.Name} is the request of a lock-checked operation but has no RoleName."))(request);
}
