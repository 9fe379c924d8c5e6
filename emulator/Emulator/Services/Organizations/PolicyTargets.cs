using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>What policies attach to: the root, the OUs and the member accounts of an organization.</summary>
public static class PolicyTargets
{
    /// <summary>The target as ListTargetsForPolicy shows it, or null when it is not part of this organization.</summary>
    public static PolicyTargetSummary? Find(Tx tx, OrganizationDoc organization, string targetId)
    {
        if (targetId == organization.RootId) return new(targetId, OrganizationTree.RootArn(organization), "Root", "ROOT");
        if (OrganizationTree.FindOu(tx, organization, targetId) is { } ou)
            return new(targetId, OrganizationTree.OuArn(organization, ou.Id), ou.Name, "ORGANIZATIONAL_UNIT");
        if (OrganizationTree.FindMember(tx, organization, targetId) is { } account)
            return new(targetId, OrganizationTree.AccountArn(organization, account.Id), account.Name, "ACCOUNT");
        return null;
    }

    public static PolicyTargetSummary Require(Tx tx, OrganizationDoc organization, string targetId) =>
        Find(tx, organization, targetId) ?? throw OrganizationsErrors.TargetNotFound();

    /// <summary>Every target of the organization: the root, each OU, each member account.</summary>
    public static IEnumerable<string> All(Tx tx, OrganizationDoc organization)
    {
        yield return organization.RootId;
        var organizationId = organization.Id;
        foreach (var ou in tx.OrganizationalUnits.Find(o => o.OrganizationId == organizationId)) yield return ou.Id;
        foreach (var account in OrganizationTree.Members(tx, organization)) yield return account.Id;
    }
}
