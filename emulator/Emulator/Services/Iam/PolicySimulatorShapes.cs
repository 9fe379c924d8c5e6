using Emulator.Services.Authorization;

namespace Emulator.Services.Iam;

// The policy simulator's request and response records, spelled as the IAM model spells its members.

public sealed record ContextEntry(string? ContextKeyName, IReadOnlyList<string>? ContextKeyValues, string? ContextKeyType);

public sealed record SimulatePrincipalPolicyRequest(
    string PolicySourceArn, IReadOnlyList<string> ActionNames, IReadOnlyList<string>? PolicyInputList,
    IReadOnlyList<string>? PermissionsBoundaryPolicyInputList, IReadOnlyList<string>? ResourceArns, string? ResourcePolicy,
    string? ResourceOwner, string? CallerArn, IReadOnlyList<ContextEntry>? ContextEntries, string? ResourceHandlingOption,
    string? Marker, int? MaxItems);

public sealed record SimulateCustomPolicyRequest(
    IReadOnlyList<string> PolicyInputList, IReadOnlyList<string> ActionNames,
    IReadOnlyList<string>? PermissionsBoundaryPolicyInputList, IReadOnlyList<string>? ResourceArns, string? ResourcePolicy,
    string? ResourceOwner, string? CallerArn, IReadOnlyList<ContextEntry>? ContextEntries, string? ResourceHandlingOption,
    string? Marker, int? MaxItems);

/// <summary>The simulator's Statement shape (named apart from the evaluator's parsed statement).</summary>
public sealed record StatementReference(string SourcePolicyId, string SourcePolicyType, TextPosition? StartPosition, TextPosition? EndPosition);

public sealed record OrganizationsDecisionDetail(bool AllowedByOrganizations);

public sealed record PermissionsBoundaryDecisionDetail(bool AllowedByPermissionsBoundary);

public sealed record ResourceSpecificResult(
    string EvalResourceName, string EvalResourceDecision, IReadOnlyList<StatementReference> MatchedStatements,
    IReadOnlyList<string> MissingContextValues, PermissionsBoundaryDecisionDetail? PermissionsBoundaryDecisionDetail);

public sealed record EvaluationResult(
    string EvalActionName, string EvalResourceName, string EvalDecision, IReadOnlyList<StatementReference> MatchedStatements,
    IReadOnlyList<string> MissingContextValues, OrganizationsDecisionDetail? OrganizationsDecisionDetail,
    PermissionsBoundaryDecisionDetail? PermissionsBoundaryDecisionDetail, IReadOnlyList<ResourceSpecificResult>? ResourceSpecificResults);

public sealed record SimulatePolicyResponse(IReadOnlyList<EvaluationResult> EvaluationResults, bool IsTruncated, string? Marker);

public sealed record GetContextKeysForPrincipalPolicyRequest(string PolicySourceArn, IReadOnlyList<string>? PolicyInputList);

public sealed record GetContextKeysForCustomPolicyRequest(IReadOnlyList<string> PolicyInputList);

public sealed record GetContextKeysForPolicyResponse(IReadOnlyList<string> ContextKeyNames);
