namespace Emulator.Services.Iam;

/// <summary>IAM's tag rules, for every taggable IAM entity: keys compare case-insensitively, "aws:" keys are AWS's, at most 50.</summary>
public static class IamTags
{
    public const int MaxPerEntity = 50;

    /// <summary>Merges incoming tags by key; an empty value is a value and is kept.</summary>
    public static void Merge(List<TagDoc> existing, IReadOnlyList<Tag>? incoming)
    {
        if (incoming is null) return;
        if (incoming.Any(t => t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))) throw IamErrors.ReservedTagKey();
        if (incoming.GroupBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1)) throw IamErrors.DuplicateTagKeys();
        foreach (var tag in incoming)
        {
            var doc = new TagDoc { Key = tag.Key, Value = tag.Value ?? "" };
            var current = existing.FindIndex(t => string.Equals(t.Key, tag.Key, StringComparison.OrdinalIgnoreCase));
            if (current >= 0) existing[current] = doc;
            else existing.Add(doc);
        }
        if (existing.Count > MaxPerEntity) throw IamErrors.TooManyTags();
    }

    /// <summary>Removes the named keys (case-insensitively); unknown keys are ignored.</summary>
    public static void Remove(List<TagDoc> existing, IReadOnlyList<string> keys) =>
        existing.RemoveAll(t => keys.Contains(t.Key, StringComparer.OrdinalIgnoreCase));

    /// <summary>The wire list: null when there are none (IAM leaves the member out).</summary>
    public static IReadOnlyList<Tag>? ToWire(List<TagDoc> tags) =>
        tags.Count == 0 ? null : tags.Select(ToWire).ToList();

    /// <summary>The store reads an empty string back as null; on the wire an empty value stays an empty value.</summary>
    public static Tag ToWire(TagDoc tag) => new(tag.Key, tag.Value ?? "");

    /// <summary>ListRoleTags / ListUserTags: the tags in key order, a page at a time.</summary>
    public static ListRoleTagsResponse List(List<TagDoc> tags, string? marker, int? maxItems)
    {
        var (items, truncated, next) = IamInput.Page(tags.OrderBy(t => t.Key, StringComparer.Ordinal), t => t.Key, marker, maxItems);
        return new(items.Select(ToWire).ToList(), truncated, next);
    }
}
