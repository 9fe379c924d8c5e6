namespace Emulator.Core;

public enum PrincipalKind { Root, User, AssumedRole, Anonymous, FederatedUser }

/// <summary>Who is calling: resolved from the SigV4 access key id (or a bearer token) before any handler runs.</summary>
public sealed record Caller(string AccountId, PrincipalKind Kind, string Arn, string UserId, string? AccessKeyId = null)
{
    public static Caller Root(string accountId) =>
        new(accountId, PrincipalKind.Root, $"arn:aws:iam::{accountId}:root", accountId);

    public static readonly Caller Anonymous = new("", PrincipalKind.Anonymous, "", "");
}
