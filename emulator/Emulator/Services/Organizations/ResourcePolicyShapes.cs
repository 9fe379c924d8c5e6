namespace Emulator.Services.Organizations;

// The organization's resource policy, spelled as the Organizations model spells it.

public sealed record PutResourcePolicyRequest(string Content, IReadOnlyList<Tag>? Tags);

public sealed record ResourcePolicySummary(string Id, string Arn);

public sealed record ResourcePolicy(ResourcePolicySummary ResourcePolicySummary, string Content);

public sealed record ResourcePolicyResponse(ResourcePolicy ResourcePolicy);
