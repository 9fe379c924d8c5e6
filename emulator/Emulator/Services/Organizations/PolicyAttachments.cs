using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>
/// Attachments of policies to targets, and the rules that keep them consistent: enabling SCPs or RCPs attaches the
/// AWS-managed FullAWSAccess / RCPFullAWSAccess everywhere (and to OUs and accounts added later); disabling a type
/// detaches every policy of that type; a removed target loses its attachments and tags.
/// </summary>
public static class PolicyAttachments
{
    public static void Attach(Tx tx, OrganizationDoc organization, string policyId, string policyType, string targetId, DateTimeOffset now) =>
        tx.PolicyAttachments.Upsert(new PolicyAttachmentDoc
        {
            Id = PolicyAttachmentDoc.Key(targetId, policyId),
            OrganizationId = organization.Id,
            PolicyId = policyId,
            PolicyType = policyType,
            TargetId = targetId,
            Sequence = OrganizationTree.NextSequence(tx, organization),
            AttachedAt = now,
        });

    public static bool IsAttached(Tx tx, string policyId, string targetId) =>
        tx.PolicyAttachments.FindById(PolicyAttachmentDoc.Key(targetId, policyId)) is not null;

    /// <summary>The target's attachments of one type, oldest first.</summary>
    public static List<PolicyAttachmentDoc> OfTarget(Tx tx, string targetId, string policyType) =>
        tx.PolicyAttachments.Find(a => a.TargetId == targetId && a.PolicyType == policyType).OrderBy(a => a.Sequence).ToList();

    /// <summary>The policy type was just enabled: its AWS-managed policy goes on every target.</summary>
    public static void OnTypeEnabled(Tx tx, OrganizationDoc organization, string policyType, DateTimeOffset now)
    {
        if (PolicyTypes.Rule(policyType).AwsManagedPolicyId is not { } managed) return;
        foreach (var target in PolicyTargets.All(tx, organization).ToList())
            Attach(tx, organization, managed, policyType, target, now);
    }

    public static void OnTypeDisabled(Tx tx, OrganizationDoc organization, string policyType)
    {
        var organizationId = organization.Id;
        tx.PolicyAttachments.DeleteMany(a => a.OrganizationId == organizationId && a.PolicyType == policyType);
    }

    /// <summary>A new OU, or an account that joined: it gets the AWS-managed policy of each enabled type that has one.</summary>
    public static void OnTargetAdded(Tx tx, OrganizationDoc organization, string targetId, DateTimeOffset now)
    {
        foreach (var type in organization.EnabledPolicyTypes.ToList())
            if (PolicyTypes.Rule(type).AwsManagedPolicyId is { } managed)
                Attach(tx, organization, managed, type, targetId, now);
    }

    /// <summary>A deleted OU, or an account that left: its attachments and its Organizations tags go.</summary>
    public static void OnTargetRemoved(Tx tx, string targetId)
    {
        tx.PolicyAttachments.DeleteMany(a => a.TargetId == targetId);
        Tagging.Forget(tx, targetId);
    }
}
