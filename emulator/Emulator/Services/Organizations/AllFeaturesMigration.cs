using Emulator.Core;
using Emulator.Services.TrustModel;
using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>
/// EnableAllFeatures, AWS's way from CONSOLIDATED_BILLING to ALL: the management account receives an
/// ENABLE_ALL_FEATURES handshake and every account that joined by invitation an APPROVE_ALL_FEATURES handshake
/// (its PARENT_HANDSHAKE resource names the first). When every approval is accepted, the management account accepts
/// its handshake and the organization has all features (AWSServiceRoleForOrganizations appears in every member).
/// While the migration is pending, invitations are refused.
/// </summary>
public static class AllFeaturesMigration
{
    public const string Enable = "ENABLE_ALL_FEATURES";
    public const string Approve = "APPROVE_ALL_FEATURES";

    public static void Register(OperationTable table) =>
        table.Write<Empty, HandshakeResponse>("EnableAllFeatures", Start);

    public static HandshakeResponse Start(OperationContext context, Empty request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagement(context);
        if (organization.FeatureSet == "ALL") throw OrganizationsErrors.OrganizationAlreadyHasAllFeatures();
        if (IsPending(tx, organization)) throw OrganizationsErrors.AlreadyPendingAllFeaturesMigration();

        var parent = NewHandshake(tx, context, organization, Enable, "ORGANIZATION", organization.Id, parentId: null);
        foreach (var account in OrganizationTree.Members(tx, organization).Where(a => a.JoinedMethod == "INVITED" && a.Id != organization.ManagementAccountId).ToList())
            NewHandshake(tx, context, organization, Approve, "ACCOUNT", account.Id, parent.Id);
        return HandshakeOperations.Describe(context, new HandshakeIdRequest(parent.Id));
    }

    public static bool IsPending(Tx tx, OrganizationDoc organization)
    {
        var organizationId = organization.Id;
        return tx.Handshakes.Exists(h => h.OrganizationId == organizationId && h.Action == Enable && h.State == "OPEN");
    }

    /// <summary>The management account accepts: refused (InvalidHandshakeTransition) until every approval is accepted.</summary>
    public static void Finalize(OperationContext context, HandshakeDoc handshake)
    {
        var tx = context.Tx;
        var parentId = handshake.Id;
        if (tx.Handshakes.Find(h => h.ParentHandshakeId == parentId).Any(h => h.State != "ACCEPTED"))
            throw OrganizationsErrors.InvalidHandshakeTransition();
        var organization = tx.Organizations.FindById(handshake.OrganizationId) ?? throw OrganizationsErrors.InvalidHandshakeTransition();
        organization.FeatureSet = "ALL";
        tx.Organizations.Update(organization);
        foreach (var account in OrganizationTree.Members(tx, organization).Where(a => a.Id != organization.ManagementAccountId).ToList())
            TrustedAccessRules.EnsureLinkedRole(tx, account.Id, ServicePrincipals.OrganizationsRole, context.Now,
                $"organization {organization.Id} now has all features");
    }

    /// <summary>Cancelling the ENABLE_ALL_FEATURES handshake cancels the approvals still open.</summary>
    public static void CancelApprovals(OperationContext context, HandshakeDoc handshake)
    {
        var parentId = handshake.Id;
        foreach (var child in context.Tx.Handshakes.Find(h => h.ParentHandshakeId == parentId && h.State == "OPEN").ToList())
        {
            child.State = "CANCELED";
            context.Tx.Handshakes.Update(child);
        }
    }

    private static HandshakeDoc NewHandshake(
        Tx tx, OperationContext context, OrganizationDoc organization, string action, string targetType, string targetId, string? parentId)
    {
        var handshake = new HandshakeDoc
        {
            Id = "h-" + Ids.LowerAlphanumeric(10),
            OrganizationId = organization.Id,
            ManagementAccountId = organization.ManagementAccountId,
            Sequence = OrganizationTree.NextSequence(tx, organization),
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            ParentHandshakeId = parentId,
            RequestedTimestamp = context.Now,
            ExpirationTimestamp = context.Now + HandshakeOperations.Lifetime,
        };
        tx.Handshakes.Insert(handshake);
        return handshake;
    }
}
