using Emulator.Services.Iam;
using Emulator.State;

namespace Emulator.Services.TrustModel;

/// <summary>
/// Roles that belong to an AWS service rather than to the customer. Every service-linked role and every
/// AWSReservedSSO_* role is protected: IAM refuses customer changes (UnmodifiableEntity) whether or not the service
/// has trusted access — the only way to delete a service-linked role is the DeleteServiceLinkedRole task, which
/// succeeds once the service no longer uses the role.
/// </summary>
public static class ProtectedRoles
{
    public static bool IsProtected(RoleDoc role) => role.LinkedService is not null || role.ReservedBy is not null;

    /// <summary>
    /// Whether the owning service still uses the role (so that the DeleteServiceLinkedRole task fails):
    /// AWSReservedSSO_* roles always; AWSServiceRoleForOrganizations while its account is in an organization (management
    /// account included); any other linked role while its service has trusted access in the account's organization.
    /// </summary>
    public static bool IsInUse(Tx tx, RoleDoc role)
    {
        if (role.ReservedBy is not null) return true;
        if (role.LinkedService is null) return false;
        if (role.LinkedService == ServicePrincipals.Organizations)
            return tx.Accounts.FindById(role.AccountId) is { OrganizationId: not null };
        return TrustedAccessRules.IsEnabledForAccount(tx, role.AccountId, role.LinkedService);
    }

    /// <summary>Throws UnmodifiableEntity when the role is protected.</summary>
    public static void EnsureMutable(RoleDoc role)
    {
        if (IsProtected(role)) throw IamErrors.UnmodifiableEntity(role.RoleName);
    }
}
