namespace Emulator.Services.Organizations;

// Tagging requests, spelled as the Organizations model spells them.

public sealed record TagResourceRequest(string ResourceId, IReadOnlyList<Tag> Tags);

public sealed record UntagResourceRequest(string ResourceId, IReadOnlyList<string> TagKeys);

public sealed record ListTagsForResourceRequest(string ResourceId, string? NextToken);

public sealed record ListTagsForResourceResponse(IReadOnlyList<Tag> Tags, string? NextToken);
