namespace Emulator.State;

/// <summary>
/// Where each document is in the state file. In format 2 a document's LiteDB <c>_id</c> is a storage key: a number
/// given in insertion order per collection, so that an insert lands at the end of the collection's <c>_id</c> index
/// (LiteDB's skip list touches the pages of a key's neighbours: with random ids, a page per level). The document's own
/// id is kept in <see cref="DocumentIdField"/>. Holds the keys of what is on disk plus the changes of the transaction in
/// progress, which count only once it commits. Used by the committer thread only.
/// </summary>
internal sealed class StorageKeys
{
    /// <summary>The stored document's own id (its <c>_id</c> in the in-memory model).</summary>
    public const string DocumentIdField = "_docId";

    private readonly Dictionary<string, CollectionKeys> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, long?>> _pending = new(StringComparer.Ordinal); // null: deleted
    private bool _clearing;

    /// <summary>A document read from the file at start.</summary>
    public void Loaded(string collection, string id, long key)
    {
        var keys = Of(collection);
        keys.ById[id] = key;
        keys.Last = Math.Max(keys.Last, key);
    }

    /// <summary>A transaction begins; <paramref name="clears"/> when it first deletes every document.</summary>
    public void Begin(bool clears)
    {
        _pending.Clear();
        _clearing = clears;
    }

    /// <summary>The document's key, or null when the file does not hold it (as the transaction has left it so far).</summary>
    public long? Find(string collection, string id)
    {
        if (_pending.TryGetValue(collection, out var pending) && pending.TryGetValue(id, out var changed)) return changed;
        return !_clearing && _collections.TryGetValue(collection, out var keys) && keys.ById.TryGetValue(id, out var key) ? key : null;
    }

    /// <summary>A new key for a document the transaction inserts (never one given before, even if that transaction failed).</summary>
    public long Assign(string collection, string id)
    {
        var key = ++Of(collection).Last;
        Pending(collection)[id] = key;
        return key;
    }

    public void Forget(string collection, string id) => Pending(collection)[id] = null;

    /// <summary>The transaction is on disk: its changes count from now on.</summary>
    public void Committed()
    {
        if (_clearing)
            foreach (var keys in _collections.Values) keys.ById.Clear();
        foreach (var (collection, changes) in _pending)
        {
            var byId = Of(collection).ById;
            foreach (var (id, key) in changes)
                if (key is { } stored) byId[id] = stored;
                else byId.Remove(id);
        }
        Begin(clears: false);
    }

    /// <summary>The transaction failed: the file holds what it held before it.</summary>
    public void Abandoned() => Begin(clears: false);

    private Dictionary<string, long?> Pending(string collection)
    {
        if (!_pending.TryGetValue(collection, out var pending)) _pending[collection] = pending = new(StringComparer.OrdinalIgnoreCase);
        return pending;
    }

    private CollectionKeys Of(string collection)
    {
        if (!_collections.TryGetValue(collection, out var keys)) _collections[collection] = keys = new CollectionKeys();
        return keys;
    }

    /// <summary>Ids compare as the in-memory model compares them (ordinal, ignoring case).</summary>
    private sealed class CollectionKeys
    {
        public Dictionary<string, long> ById { get; } = new(StringComparer.OrdinalIgnoreCase);
        public long Last { get; set; }
    }
}
