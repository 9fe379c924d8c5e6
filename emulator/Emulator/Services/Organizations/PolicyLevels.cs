using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>One policy in force at one level of an account's path.</summary>
public sealed record LevelPolicy(string PolicyId, string Content, DateTimeOffset UpdatedAt);

/// <summary>
/// The policies of a type that apply to an account, level by level: the root, each OU down to the account's parent,
/// then the account itself; each level holds the policies attached there, oldest attachment first. No levels at all
/// when the account is in no organization or the type is not enabled in its root. The authz branch evaluates SCPs and
/// RCPs from this; DescribeEffectivePolicy merges management policies from it.
/// </summary>
public static class PolicyLevels
{
    public static IReadOnlyList<IReadOnlyList<string>> For(Tx tx, string accountId, string policyType) =>
        Detailed(tx, accountId, policyType).Select(level => (IReadOnlyList<string>)level.Select(p => p.Content).ToList()).ToList();

    public static IReadOnlyList<IReadOnlyList<LevelPolicy>> Detailed(Tx tx, string accountId, string policyType)
    {
        if (OrganizationAccess.OrganizationOf(tx, accountId) is not { } organization || !PolicyTypes.IsEnabled(organization, policyType)) return [];
        var account = tx.Accounts.FindById(accountId)!;
        var targets = OrganizationTree.Chain(tx, organization, account.ParentId ?? organization.RootId).Append(accountId);
        return targets.Select(target => (IReadOnlyList<LevelPolicy>)PolicyAttachments.OfTarget(tx, target, policyType)
            .Select(a => PolicyCatalog.Find(tx, organization, a.PolicyId) is { } policy
                ? new LevelPolicy(policy.Id, policy.Content, Later(a.AttachedAt, tx.Policies.FindById(policy.Id)?.UpdatedAt))
                : null)
            .OfType<LevelPolicy>().ToList()).ToList();
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;
}
