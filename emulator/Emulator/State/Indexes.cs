using Emulator.Services.Iam;
using Emulator.Services.Organizations;

namespace Emulator.State;

/// <summary>A secondary index: documents of one collection grouped by a key, each group in ordinal id order.</summary>
public abstract class Index(string collection, bool ignoreCase)
{
    public string Collection { get; } = collection;
    public StringComparer KeyComparer { get; } = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}

public sealed class Index<T>(string collection, Func<T, string?> key, bool ignoreCase = false) : Index(collection, ignoreCase)
{
    public string? KeyOf(T document) => key(document);
}

/// <summary>Every secondary index of the model, in one table: lookups the operations make on every call.</summary>
public static class Indexes
{
    public static readonly Index<AccountDoc> AccountsByOrganization = new("accounts", a => a.OrganizationId);

    /// <summary>Account emails are unique regardless of case.</summary>
    public static readonly Index<AccountDoc> AccountsByEmail = new("accounts", a => a.Email, ignoreCase: true);

    public static readonly Index<RoleDoc> RolesByAccount = new("roles", r => r.AccountId);
    public static readonly Index<TrustedServiceDoc> TrustedServicesByOrganization = new("trusted_services", s => s.OrganizationId);

    public static readonly IReadOnlyList<Index> All = [AccountsByOrganization, AccountsByEmail, RolesByAccount, TrustedServicesByOrganization];

    public static Index<T>[] Of<T>(string collection) =>
        All.Where(i => i.Collection == collection).Cast<Index<T>>().ToArray();
}
