using Emulator.Protocol;
namespace Emulator.Services.Organizations;

// Effective management policies, spelled as the Organizations model spells them.

public sealed record DescribeEffectivePolicyRequest(string PolicyType, string? TargetId);

public sealed record EffectivePolicy(string PolicyContent, EpochTimestamp LastUpdatedTimestamp, string TargetId, string PolicyType);

public sealed record DescribeEffectivePolicyResponse(EffectivePolicy EffectivePolicy);

public sealed record EffectivePolicyValidationError(string ErrorCode, string ErrorMessage, string PathToError, IReadOnlyList<string> ContributingPolicies);

public sealed record ListAccountsWithInvalidEffectivePolicyRequest(string PolicyType, int? MaxResults, string? NextToken);

public sealed record ListAccountsWithInvalidEffectivePolicyResponse(IReadOnlyList<Account> Accounts, string PolicyType, string? NextToken);

public sealed record ListEffectivePolicyValidationErrorsRequest(string AccountId, string PolicyType, int? MaxResults, string? NextToken);

public sealed record ListEffectivePolicyValidationErrorsResponse(
    string AccountId, string PolicyType, string Path, EpochTimestamp EvaluationTimestamp,
    IReadOnlyList<EffectivePolicyValidationError> EffectivePolicyValidationErrors, string? NextToken);
