using System.Collections.Immutable;

namespace Emulator.State;

/// <summary>
/// One immutable version of the whole state: every collection's documents by id plus its secondary indexes.
/// Readers hold a snapshot for as long as they like; a write builds the next one beside it.
/// </summary>
public sealed class Snapshot
{
    public static readonly Snapshot Empty = new(ImmutableDictionary<string, object>.Empty);

    private readonly ImmutableDictionary<string, object> _collections;

    private Snapshot(ImmutableDictionary<string, object> collections) => _collections = collections;

    internal CollectionState<T> Get<T>(string name) where T : class =>
        _collections.TryGetValue(name, out var state) ? (CollectionState<T>)state : CollectionState<T>.Empty(name);

    internal Snapshot With(IEnumerable<KeyValuePair<string, object>> changedCollections) => new(_collections.SetItems(changedCollections));

    internal IEnumerable<string> CollectionNames => _collections.Keys;

    /// <summary>Documents per collection (for figures and tests).</summary>
    public int Count(string collection) => _collections.TryGetValue(collection, out var state) ? ((ICollectionState)state).Count : 0;
}

internal interface ICollectionState
{
    int Count { get; }
}

/// <summary>One collection in one snapshot. Ids compare case-insensitively, as LiteDB's default collation did.</summary>
internal sealed class CollectionState<T>(
    string name, ImmutableDictionary<string, T> documents, ImmutableArray<IndexState<T>> indexes) : ICollectionState where T : class
{
    public static CollectionState<T> Empty(string name) => new(
        name, ImmutableDictionary.Create<string, T>(StringComparer.OrdinalIgnoreCase),
        [.. global::Emulator.State.Indexes.Of<T>(name).Select(IndexState<T>.Empty)]);

    public string Name { get; } = name;
    public ImmutableDictionary<string, T> Documents { get; } = documents;
    public ImmutableArray<IndexState<T>> Indexes { get; } = indexes;
    public int Count => Documents.Count;

    public IndexState<T> IndexFor(Index<T> index) =>
        Indexes.FirstOrDefault(i => ReferenceEquals(i.Definition, index))
        ?? throw new InvalidOperationException($"Collection '{Name}' has no such index; declare it in Indexes.All.");
}

/// <summary>An index in one snapshot: key → the ids of the documents with that key, sorted ordinally.</summary>
internal sealed record IndexState<T>(Index<T> Definition, ImmutableDictionary<string, ImmutableSortedSet<string>> Entries) where T : class
{
    public static IndexState<T> Empty(Index<T> definition) =>
        new(definition, ImmutableDictionary.Create<string, ImmutableSortedSet<string>>(definition.KeyComparer));

    public IEnumerable<string> Ids(string key) => Entries.TryGetValue(key, out var ids) ? ids : [];

    public IEnumerable<string> IdsAfter(string key, string? afterId) => IndexPage.After(Entries, key, afterId);
}

/// <summary>Where a page starts in an index group: a binary search of the sorted ids, not a scan.</summary>
internal static class IndexPage
{
    public static IEnumerable<string> After(IReadOnlyDictionary<string, ImmutableSortedSet<string>> entries, string key, string? afterId)
    {
        if (!entries.TryGetValue(key, out var ids)) yield break;
        var start = 0;
        if (afterId is not null)
        {
            var at = ids.IndexOf(afterId);
            start = at >= 0 ? at + 1 : ~at;
        }
        for (var i = start; i < ids.Count; i++) yield return ids[i];
    }
}

/// <summary>A collection being changed by one write: builders over the head snapshot's collection.</summary>
internal sealed class CollectionBuilder<T> where T : class
{
    private readonly string _name;
    private readonly ImmutableDictionary<string, T>.Builder _documents;
    private readonly (Index<T> Definition, ImmutableDictionary<string, ImmutableSortedSet<string>>.Builder Entries)[] _indexes;

    public CollectionBuilder(CollectionState<T> state)
    {
        _name = state.Name;
        _documents = state.Documents.ToBuilder();
        _indexes = state.Indexes.Select(i => (i.Definition, i.Entries.ToBuilder())).ToArray();
    }

    public IReadOnlyDictionary<string, T> Documents => _documents;

    public IEnumerable<string> Ids(Index<T> index, string key) =>
        EntriesOf(index).TryGetValue(key, out var ids) ? ids : [];

    private ImmutableDictionary<string, ImmutableSortedSet<string>>.Builder EntriesOf(Index<T> index) =>
        _indexes.FirstOrDefault(i => ReferenceEquals(i.Definition, index)).Entries
        ?? throw new InvalidOperationException($"Collection '{_name}' has no such index; declare it in Indexes.All.");

    public IEnumerable<string> IdsAfter(Index<T> index, string key, string? afterId) =>
        IndexPage.After(EntriesOf(index), key, afterId);

    public void Set(string id, T document)
    {
        Remove(id);
        _documents[id] = document;
        foreach (var (definition, entries) in _indexes)
            if (definition.KeyOf(document) is { } key)
                entries[key] = (entries.TryGetValue(key, out var ids) ? ids : ImmutableSortedSet.Create<string>(StringComparer.Ordinal)).Add(id);
    }

    public bool Remove(string id)
    {
        if (!_documents.TryGetKey(id, out var storedId)) return false;
        Unindex(storedId, _documents[storedId]);
        _documents.Remove(storedId);
        return true;
    }

    private void Unindex(string id, T old)
    {
        foreach (var (definition, entries) in _indexes)
        {
            if (definition.KeyOf(old) is not { } key || !entries.TryGetValue(key, out var ids)) continue;
            var remaining = ids.Remove(id);
            if (remaining.IsEmpty) entries.Remove(key);
            else entries[key] = remaining;
        }
    }

    public CollectionState<T> ToState() =>
        new(_name, _documents.ToImmutable(), [.. _indexes.Select(i => new IndexState<T>(i.Definition, i.Entries.ToImmutable()))]);
}
