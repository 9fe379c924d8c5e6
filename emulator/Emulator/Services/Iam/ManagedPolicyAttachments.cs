using System.Globalization;

namespace Emulator.Services.Iam;

/// <summary>Managed-policy attachments of a role, a user or a group: one set of rules for all three.</summary>
public static class ManagedPolicyAttachments
{
    /// <summary>
    /// Attaching is idempotent. Service-role policies (the <c>aws-service-role/</c> path) attach only to linked roles, by
    /// the service; a customer managed policy only within its own account.
    /// </summary>
    public static void Attach(State.Tx tx, string accountId, List<AttachedPolicyDoc> attached, string policyArn, bool isLinkedRole)
    {
        IamInput.EnsurePolicyArn(policyArn);
        if (policyArn.StartsWith("arn:aws:iam::aws:policy/aws-service-role/", StringComparison.Ordinal) && !isLinkedRole)
            throw IamErrors.ServiceRolePolicyNotAttachable();
        var ownAccount = policyArn.StartsWith(Authorization.AwsManagedPolicies.ArnPrefix, StringComparison.Ordinal) ||
                         policyArn.StartsWith($"arn:aws:iam::{accountId}:", StringComparison.Ordinal);
        if (!ownAccount || !Authorization.ManagedPolicyDocuments.Exists(tx, policyArn)) throw IamErrors.PolicyNotAttachable(policyArn);
        if (attached.Any(p => p.PolicyArn == policyArn)) return;
        attached.Add(new AttachedPolicyDoc { PolicyArn = policyArn, PolicyName = IamInput.PolicyName(policyArn) });
    }

    public static void Detach(List<AttachedPolicyDoc> attached, string policyArn)
    {
        IamInput.EnsurePolicyArn(policyArn);
        if (attached.RemoveAll(p => p.PolicyArn == policyArn) == 0) throw IamErrors.PolicyNotAttached(policyArn);
    }

    /// <summary>One page in attachment order; the marker remembers the position (zero-padded, so it orders like the list).</summary>
    public static ListAttachedRolePoliciesResponse List(List<AttachedPolicyDoc> attached, string? pathPrefix, string? marker, int? maxItems)
    {
        var prefix = pathPrefix ?? "/";
        var policies = attached
            .Select((p, index) => (Policy: p, Position: index.ToString("D6", CultureInfo.InvariantCulture)))
            .Where(p => IamInput.PolicyPath(p.Policy.PolicyArn).StartsWith(prefix, StringComparison.Ordinal));
        var (items, truncated, next) = IamInput.Page(policies, p => p.Position, marker, maxItems);
        return new(items.Select(p => new AttachedPolicy(p.Policy.PolicyName, p.Policy.PolicyArn)).ToList(), truncated, next);
    }
}
