using Emulator.Services.Organizations;
using Emulator.Services.SsoAdmin;
using Emulator.Services.TrustModel;
using Emulator.State;

namespace Emulator.Services.Sso;

/// <summary>The organization instance, or why setup was refused (a 400 with Error and Message).</summary>
public sealed record SsoSetupOutcome(SsoInstanceDoc? Instance, string? Error, string? Message)
{
    public static SsoSetupOutcome Refused(string error, string message) => new(null, error, message);
}

/// <summary>IAM Identity Center's console "Enable" button, which no public AWS API offers.</summary>
public static class IdentityCenterSetup
{
    /// <summary>
    /// The console's "Enable IAM Identity Center" for the organization whose management account is <paramref name="accountId"/>:
    /// trusted access for sso.amazonaws.com on, and the organization instance (created once). Shared by POST /_emulator/sso/setup
    /// and the portal's setup page (/start/setup).
    /// </summary>
    public static SsoSetupOutcome Enable(Tx tx, string accountId, DateTimeOffset now)
    {
        var organization = OrganizationAccess.OrganizationOf(tx, accountId);
        if (organization is null)
            return SsoSetupOutcome.Refused("NotInOrganization", $"Account {accountId} is not a member of an organization. Create an organization first.");
        if (organization.ManagementAccountId != accountId)
            return SsoSetupOutcome.Refused("NotManagementAccount",
                $"Account {accountId} is not the management account of {organization.Id}; IAM Identity Center is enabled from the management account ({organization.ManagementAccountId}).");
        if (organization.FeatureSet != "ALL")
            return SsoSetupOutcome.Refused("AllFeaturesRequired", $"Organization {organization.Id} must have all features enabled to use IAM Identity Center.");

        TrustedAccessRules.Enable(tx, organization.Id, ServicePrincipals.Sso, now);
        var instance = tx.SsoInstances.FindOne(i => i.OrganizationId == organization.Id);
        if (instance is null)
        {
            instance = InstanceOperations.NewInstance(accountId, organization.Id, name: null, now);
            tx.SsoInstances.Insert(instance);
        }
        return new SsoSetupOutcome(instance, null, null);
    }
}
