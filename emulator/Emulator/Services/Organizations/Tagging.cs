using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>
/// Organizations' tag rules, for TagResource and every create call that takes Tags: at most 50 tags per resource,
/// keys unique (case-sensitive) within a request, no key with the reserved "aws:" prefix. Key and value lengths and
/// characters are checked against the model before any handler runs.
/// </summary>
public static class Tagging
{
    public const int MaxTagsPerResource = 50;

    /// <summary>The request's tags, checked; an empty list for none.</summary>
    public static List<TagEntryDoc> Checked(IReadOnlyList<Tag>? tags)
    {
        if (tags is null) return [];
        if (tags.Any(t => IsSystemKey(t.Key))) throw OrganizationsErrors.SystemTag();
        if (tags.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count() != tags.Count) throw OrganizationsErrors.DuplicateTagKey();
        if (tags.Count > MaxTagsPerResource) throw OrganizationsErrors.MaxTagLimitExceeded();
        return tags.Select(t => new TagEntryDoc { Key = t.Key, Value = t.Value }).ToList();
    }

    public static bool IsSystemKey(string key) => key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds the tags, replacing the values of keys the resource already has.</summary>
    public static void Put(Tx tx, string organizationId, string resourceId, IReadOnlyList<TagEntryDoc> tags)
    {
        if (tags.Count == 0) return;
        var set = tx.OrganizationTags.FindById(resourceId) ?? new TagSetDoc { Id = resourceId, OrganizationId = organizationId };
        foreach (var tag in tags)
        {
            if (set.Tags.Find(t => t.Key == tag.Key) is { } existing) existing.Value = tag.Value;
            else set.Tags.Add(new TagEntryDoc { Key = tag.Key, Value = tag.Value });
        }
        if (set.Tags.Count > MaxTagsPerResource) throw OrganizationsErrors.MaxTagLimitExceeded();
        tx.OrganizationTags.Upsert(set);
    }

    /// <summary>Removes the keys; keys the resource does not have are ignored.</summary>
    public static void Remove(Tx tx, string resourceId, IReadOnlyList<string> keys)
    {
        if (tx.OrganizationTags.FindById(resourceId) is not { } set) return;
        set.Tags.RemoveAll(t => keys.Contains(t.Key, StringComparer.Ordinal));
        if (set.Tags.Count == 0) tx.OrganizationTags.Delete(resourceId);
        else tx.OrganizationTags.Update(set);
    }

    /// <summary>The store reads an empty value back as null; a tag's value is then "".</summary>
    public static IReadOnlyList<Tag> Of(Tx tx, string resourceId) =>
        tx.OrganizationTags.FindById(resourceId)?.Tags.Select(t => new Tag(t.Key, t.Value ?? "")).ToList() ?? [];

    /// <summary>The resource is gone (or the account left the organization): its tags go with it.</summary>
    public static void Forget(Tx tx, string resourceId) => tx.OrganizationTags.Delete(resourceId);
}
