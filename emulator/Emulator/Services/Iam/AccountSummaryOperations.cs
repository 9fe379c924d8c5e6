namespace Emulator.Services.Iam;

/// <summary>GetAccountSummary: the account's IAM entity counts beside IAM's default quotas.</summary>
public static class AccountSummaryOperations
{
    /// <summary>IAM's default quotas, as GetAccountSummary reports them.</summary>
    public static readonly IReadOnlyDictionary<string, int> Quotas = new Dictionary<string, int>
    {
        ["UsersQuota"] = 5000, ["GroupsQuota"] = 300, ["RolesQuota"] = 1000, ["PoliciesQuota"] = 1500,
        ["InstanceProfilesQuota"] = 1000, ["ServerCertificatesQuota"] = 20, ["AccessKeysPerUserQuota"] = 2,
        ["SigningCertificatesPerUserQuota"] = 2, ["GroupsPerUserQuota"] = 10, ["AttachedPoliciesPerUserQuota"] = 10,
        ["AttachedPoliciesPerGroupQuota"] = 10, ["AttachedPoliciesPerRoleQuota"] = 10, ["UserPolicySizeQuota"] = 2048,
        ["GroupPolicySizeQuota"] = 5120, ["RolePolicySizeQuota"] = 10240, ["PolicySizeQuota"] = 6144,
        ["AssumeRolePolicySizeQuota"] = 2048, ["VersionsPerPolicyQuota"] = 5, ["PolicyVersionsInUseQuota"] = 10000,
        ["GlobalEndpointTokenVersion"] = 1,
    };

    public static void Register(OperationTable table) =>
        table.Read<Empty, GetAccountSummaryResponse>("GetAccountSummary", Get);

    /// <summary>
    /// Counts of what the emulator holds for the account. MFA devices, server and signing certificates and root access
    /// keys are not kept here, so they count 0.
    /// </summary>
    public static GetAccountSummaryResponse Get(OperationContext context, Empty request)
    {
        var tx = context.Tx;
        var accountId = context.Caller.AccountId;
        var summary = new Dictionary<string, int>(Quotas)
        {
            ["Users"] = tx.Users.Count(u => u.AccountId == accountId),
            ["Roles"] = tx.Roles.Count(r => r.AccountId == accountId),
            ["InstanceProfiles"] = tx.InstanceProfiles.Count(p => p.AccountId == accountId),
            ["Providers"] = tx.SamlProviders.Count(p => p.AccountId == accountId),
            ["Groups"] = tx.Groups.Count(g => g.AccountId == accountId),
            ["Policies"] = tx.ManagedPolicies.Count(p => p.AccountId == accountId),
            ["PolicyVersionsInUse"] = PolicyUsage.In(tx, accountId).Select(u => u.PolicyArn).Distinct().Count(),
            ["ServerCertificates"] = 0,
            ["MFADevices"] = 0, ["MFADevicesInUse"] = 0, ["AccountMFAEnabled"] = 0, ["AccountAccessKeysPresent"] = 0,
            ["AccountPasswordPresent"] = 0, ["AccountSigningCertificatesPresent"] = 0,
        };
        return new(summary);
    }
}

public sealed record GetAccountSummaryResponse(IReadOnlyDictionary<string, int> SummaryMap);
