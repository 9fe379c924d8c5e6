namespace Emulator.Services.Iam;

/// <summary>The account alias (one per account, unique across AWS): List, Create (replaces the current one), Delete.</summary>
public static class AccountAliasOperations
{
    public static void Register(OperationTable table)
    {
        table.Read<ListAccountAliasesRequest, ListAccountAliasesResponse>("ListAccountAliases", List);
        table.Write<AccountAliasRequest, NoOutput>("CreateAccountAlias", Create);
        table.Write<AccountAliasRequest, NoOutput>("DeleteAccountAlias", Delete);
    }

    public static ListAccountAliasesResponse List(OperationContext context, ListAccountAliasesRequest request)
    {
        var aliases = context.Tx.AccountAliases.Find(a => a.AccountId == context.Caller.AccountId)
            .Select(a => a.Alias).OrderBy(a => a, StringComparer.Ordinal);
        var (items, truncated, marker) = IamInput.Page(aliases, a => a, request.Marker, request.MaxItems);
        return new(items, truncated, marker);
    }

    public static NoOutput Create(OperationContext context, AccountAliasRequest request)
    {
        var accountId = context.Caller.AccountId;
        if (context.Tx.AccountAliases.FindById(request.AccountAlias) is { } taken)
        {
            if (taken.AccountId == accountId) return new NoOutput();
            throw IamErrors.AccountAliasTaken(request.AccountAlias);
        }
        context.Tx.AccountAliases.DeleteMany(a => a.AccountId == accountId);
        context.Tx.AccountAliases.Insert(new AccountAliasDoc { Alias = request.AccountAlias, AccountId = accountId });
        return new NoOutput();
    }

    public static NoOutput Delete(OperationContext context, AccountAliasRequest request)
    {
        if (context.Tx.AccountAliases.FindById(request.AccountAlias) is not { } alias || alias.AccountId != context.Caller.AccountId)
            throw IamErrors.NoSuchAccountAlias(request.AccountAlias);
        context.Tx.AccountAliases.Delete(alias.Alias);
        return new NoOutput();
    }
}

public sealed record ListAccountAliasesRequest(string? Marker, int? MaxItems);

public sealed record ListAccountAliasesResponse(IReadOnlyList<string> AccountAliases, bool IsTruncated, string? Marker);

public sealed record AccountAliasRequest(string AccountAlias);
