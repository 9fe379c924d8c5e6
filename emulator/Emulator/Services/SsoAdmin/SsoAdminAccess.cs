using Emulator.Services.Sso;
using Emulator.Services.TrustModel;

namespace Emulator.Services.SsoAdmin;

/// <summary>Finds the instance and permission set a request names, and applies who-may-call and the trusted-access gate.</summary>
public static class SsoAdminAccess
{
    public const int DefaultPageSize = 100;

    /// <summary>
    /// The instance, when it exists (ResourceNotFoundException), the caller administers it (AccessDeniedException) and
    /// Identity Center is available for it (the trusted-access gate, SsoRules.IsAvailable).
    /// </summary>
    public static SsoInstanceDoc Instance(OperationContext context, string instanceArn, string action)
    {
        var instance = FindInstance(context, instanceArn) ?? throw SsoAdminErrors.InstanceNotFound(instanceArn);
        if (!SsoRules.IsAdministrator(context.Tx, instance, context.Caller.AccountId))
            throw SsoAdminErrors.AccessDenied(action, context.Caller.Arn, instanceArn);
        SsoRules.EnsureAvailable(context.Tx, instance, SsoAdminErrors.Unavailable);
        return instance;
    }

    public static SsoInstanceDoc? FindInstance(OperationContext context, string instanceArn)
    {
        var id = instanceArn[(instanceArn.LastIndexOf('/') + 1)..];
        return context.Tx.SsoInstances.FindById(id) is { } instance && instance.InstanceArn == instanceArn ? instance : null;
    }

    public static PermissionSetDoc PermissionSet(OperationContext context, SsoInstanceDoc instance, string permissionSetArn) =>
        context.Tx.PermissionSets.FindById(permissionSetArn) is { } permissionSet && permissionSet.InstanceArn == instance.InstanceArn
            ? permissionSet
            : throw SsoAdminErrors.PermissionSetNotFound(permissionSetArn);

    /// <summary>Instance, then permission set — the common preamble of permission-set operations.</summary>
    public static (SsoInstanceDoc Instance, PermissionSetDoc PermissionSet) PermissionSet(
        OperationContext context, string instanceArn, string permissionSetArn, string action)
    {
        var instance = Instance(context, instanceArn, action);
        return (instance, PermissionSet(context, instance, permissionSetArn));
    }

    /// <summary>A delegated administrator may not manage access to the management account.</summary>
    public static void EnsureMayManageAccount(OperationContext context, SsoInstanceDoc instance, string accountId, string action, string resource)
    {
        if (!SsoRules.MayManageAccount(context.Tx, instance, context.Caller.AccountId, accountId))
            throw SsoAdminErrors.AccessDenied(action, context.Caller.Arn, resource);
    }

    public static Page<T> Slice<T>(IEnumerable<T> items, Func<T, string> key, int? maxResults, string? token) =>
        Paging.Slice(items.OrderBy(key, StringComparer.Ordinal), key, token, maxResults ?? DefaultPageSize, SsoAdminErrors.InvalidNextToken);
}
