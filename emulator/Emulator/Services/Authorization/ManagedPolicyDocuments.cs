using Emulator.State;

namespace Emulator.Services.Authorization;

/// <summary>The default document of a managed policy ARN: AWS managed from the embedded snapshot, customer managed from the store.</summary>
public static class ManagedPolicyDocuments
{
    public static string? Find(Tx tx, string policyArn) =>
        policyArn.StartsWith(AwsManagedPolicies.ArnPrefix, StringComparison.Ordinal)
            ? AwsManagedPolicies.Find(policyArn)?.Document
            : tx.ManagedPolicies.FindById(policyArn) is { } policy ? policy.DocumentOf(policy.DefaultVersionId) : null;

    public static bool Exists(Tx tx, string policyArn) => Find(tx, policyArn) is not null;

    public static Policy? Parsed(Tx tx, string policyArn) =>
        Find(tx, policyArn) is { } document ? PolicyCache.Get(document, policyArn) : null;
}
