using Emulator.Core;
using Emulator.Services.Sso;
using Emulator.Services.TrustModel;

namespace Emulator.Services.IdentityStore;

/// <summary>The identity store a request names, who may use it (its instance's administrators), ids and paging.</summary>
public static class IdentityStoreAccess
{
    public const int DefaultPageSize = 100;

    /// <summary>The operations refused on a store whose identity source is an Active Directory (its users and groups come from the directory).</summary>
    private static readonly HashSet<string> Writes =
    [
        "CreateUser", "UpdateUser", "DeleteUser", "CreateGroup", "UpdateGroup", "DeleteGroup", "CreateGroupMembership", "DeleteGroupMembership",
    ];

    public static SsoInstanceDoc Store(OperationContext context, string identityStoreId, string action)
    {
        var instance = context.Tx.SsoInstances.FindOne(i => i.IdentityStoreId == identityStoreId)
            ?? throw IdentityStoreErrors.NotFound("IDENTITY_STORE", identityStoreId);
        if (!SsoRules.IsAdministrator(context.Tx, instance, context.Caller.AccountId))
            throw IdentityStoreErrors.AccessDenied(action, context.Caller.Arn, instance.OwnerAccountId, identityStoreId);
        SsoRules.EnsureAvailable(context.Tx, instance, IdentityStoreErrors.Unavailable);
        if (instance.IdentitySourceDirectoryId is { } directoryId && Writes.Contains(action))
            throw IdentityStoreErrors.DirectoryBacked(identityStoreId, directoryId);
        return instance;
    }

    /// <summary>"&lt;the store's 10 hex&gt;-&lt;uuid&gt;", as AWS forms user, group and membership ids (aws-facts §5.2).</summary>
    public static string NewId(string identityStoreId) =>
        identityStoreId.StartsWith("d-", StringComparison.Ordinal) ? $"{identityStoreId[2..]}-{Guid.NewGuid()}" : Guid.NewGuid().ToString();

    public static Page<T> Slice<T>(IEnumerable<T> items, Func<T, string> key, int? maxResults, string? token) =>
        Paging.Slice(items.OrderBy(key, StringComparer.Ordinal), key, token, maxResults ?? DefaultPageSize, IdentityStoreErrors.InvalidNextToken);

    public static bool SameText(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
