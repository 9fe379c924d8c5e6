namespace Emulator.Services.Organizations;

// Policies, policy types and attachments, spelled as the Organizations model spells them.

public sealed record PolicyTypeRequest(string RootId, string PolicyType);

public sealed record RootResponse(Root Root);

public sealed record PolicySummary(string Id, string Arn, string Name, string Description, string Type, bool AwsManaged);

public sealed record Policy(PolicySummary PolicySummary, string Content);

public sealed record PolicyResponse(Policy Policy);

public sealed record CreatePolicyRequest(string Content, string Description, string Name, string Type, IReadOnlyList<Tag>? Tags);

public sealed record UpdatePolicyRequest(string PolicyId, string? Name, string? Description, string? Content);

public sealed record PolicyIdRequest(string PolicyId);

public sealed record ListPoliciesRequest(string Filter, int? MaxResults, string? NextToken);

public sealed record ListPoliciesResponse(IReadOnlyList<PolicySummary> Policies, string? NextToken);

public sealed record ListPoliciesForTargetRequest(string TargetId, string Filter, int? MaxResults, string? NextToken);

public sealed record ListTargetsForPolicyRequest(string PolicyId, int? MaxResults, string? NextToken);

public sealed record PolicyTargetSummary(string TargetId, string Arn, string Name, string Type);

public sealed record ListTargetsForPolicyResponse(IReadOnlyList<PolicyTargetSummary> Targets, string? NextToken);

public sealed record AttachPolicyRequest(string PolicyId, string TargetId);
