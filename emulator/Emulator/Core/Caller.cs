namespace Emulator.Core;

public enum PrincipalKind { Root, User, AssumedRole, Anonymous, FederatedUser }

/// <summary>Who is calling: resolved from the SigV4 access key id (or a bearer token) before any handler runs.</summary>
public sealed record Caller(string AccountId, PrincipalKind Kind, string Arn, string UserId, string? AccessKeyId = null)
{
    /// <summary>The last root caller made: requests come signed for one account after another, so it is reused (it is immutable).</summary>
    private static Caller? _lastRoot;

    public static Caller Root(string accountId) =>
        _lastRoot is { } last && last.AccountId == accountId
            ? last
            : _lastRoot = new(accountId, PrincipalKind.Root, $"arn:aws:iam::{accountId}:root", accountId);

    public static readonly Caller Anonymous = new("", PrincipalKind.Anonymous, "", "");
}
