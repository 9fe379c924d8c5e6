using Emulator.Services.Iam;
using Emulator.State;

namespace Emulator.Services.Sts;

/// <summary>The session policies of AssumeRole credentials: they cap what the session may do (the evaluator reads them back).</summary>
public static class SessionPolicies
{
    private const int MaxPolicyArns = 10;

    /// <param name="federatedBy">GetFederationToken: the issuer's UserId (account id for root); the session is remembered even without policies.</param>
    public static void Remember(Tx tx, string accessKeyId, string? policy, List<string>? policyArns, string? federatedBy = null)
    {
        if (policyArns is { Count: > MaxPolicyArns }) throw StsErrors.TooManyPolicyArns();
        if (policy is null && policyArns is null or { Count: 0 } && federatedBy is null) return;
        foreach (var arn in policyArns ?? [])
            if (!Authorization.ManagedPolicyDocuments.Exists(tx, arn)) throw StsErrors.PolicyArnNotFound(arn);
        tx.SessionPolicies.Insert(new SessionPolicyDoc { AccessKeyId = accessKeyId, Policy = policy, PolicyArns = policyArns ?? [], FederatedBy = federatedBy });
    }
}
