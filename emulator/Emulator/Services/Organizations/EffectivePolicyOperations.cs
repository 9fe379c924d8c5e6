using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>DescribeEffectivePolicy, ListAccountsWithInvalidEffectivePolicy, ListEffectivePolicyValidationErrors.</summary>
public static class EffectivePolicyOperations
{
    public static void Register(OperationTable table)
    {
        table.Read<DescribeEffectivePolicyRequest, DescribeEffectivePolicyResponse>("DescribeEffectivePolicy", Describe);
        table.Read<ListAccountsWithInvalidEffectivePolicyRequest, ListAccountsWithInvalidEffectivePolicyResponse>(
            "ListAccountsWithInvalidEffectivePolicy", ListInvalidAccounts);
        table.Read<ListEffectivePolicyValidationErrorsRequest, ListEffectivePolicyValidationErrorsResponse>(
            "ListEffectivePolicyValidationErrors", ListErrors);
    }

    /// <summary>
    /// An account's effective management policy. Without TargetId, the caller's own account. Any member may ask about
    /// itself; other accounts need the management account or a delegated administrator. Roots and OUs are not
    /// supported targets (TARGET_NOT_SUPPORTED).
    /// </summary>
    public static DescribeEffectivePolicyResponse Describe(OperationContext context, DescribeEffectivePolicyRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.Membership(context);
        var accountId = request.TargetId ?? context.Caller.AccountId;
        if (accountId != context.Caller.AccountId)
            OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "DescribeEffectivePolicy");
        if (accountId.StartsWith("r-", StringComparison.Ordinal) || accountId.StartsWith("ou-", StringComparison.Ordinal))
            throw OrganizationsErrors.EffectivePolicyTargetNotSupported();
        if (OrganizationTree.FindMember(tx, organization, accountId) is null) throw OrganizationsErrors.TargetNotFound();
        var levels = RequireLevels(tx, accountId, request.PolicyType);
        var result = EffectivePolicies.Compute(levels);
        var updated = levels.SelectMany(l => l).Max(p => p.UpdatedAt);
        return new(new EffectivePolicy(result.Content.ToJsonString(), updated, accountId, request.PolicyType));
    }

    public static ListAccountsWithInvalidEffectivePolicyResponse ListInvalidAccounts(
        OperationContext context, ListAccountsWithInvalidEffectivePolicyRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListAccountsWithInvalidEffectivePolicy");
        var invalid = OrganizationTree.Members(tx, organization).OrderBy(a => a.Id, StringComparer.Ordinal)
            .Where(a => EffectivePolicies.Compute(PolicyLevels.Detailed(tx, a.Id, request.PolicyType)).Errors.Count > 0)
            .ToList();
        var page = Pages.Of(invalid, a => a.Id, request.NextToken, request.MaxResults);
        return new(page.Items.Select(a => OrganizationTree.ToAccount(tx, organization, a)).ToList(), request.PolicyType, page.NextToken);
    }

    public static ListEffectivePolicyValidationErrorsResponse ListErrors(OperationContext context, ListEffectivePolicyValidationErrorsRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListEffectivePolicyValidationErrors");
        var account = OrganizationTree.RequireMember(tx, organization, request.AccountId);
        var errors = EffectivePolicies.Compute(RequireLevels(tx, account.Id, request.PolicyType)).Errors
            .Select((e, i) => (Error: e, Key: i.ToString("D6")));
        var page = Pages.Of(errors, e => e.Key, request.NextToken, request.MaxResults);
        return new(account.Id, request.PolicyType, OrganizationTree.ToAccount(tx, organization, account).Paths[0], context.Now,
            page.Items.Select(e => e.Error).ToList(), page.NextToken);
    }

    private static IReadOnlyList<IReadOnlyList<LevelPolicy>> RequireLevels(Tx tx, string accountId, string policyType)
    {
        var levels = PolicyLevels.Detailed(tx, accountId, policyType);
        return levels.Any(l => l.Count > 0) ? levels : throw OrganizationsErrors.EffectivePolicyNotFound();
    }
}
