using LiteDB;

namespace Emulator.State;

/// <summary>
/// A document a write changed: its new content, or null when it was deleted. The content is the model's own document
/// (never changed once recorded), made BSON by the commit, or a BSON document (the trail's pages).
/// </summary>
public sealed record Change(string Collection, string Id, object? Document);

/// <summary>Everything one write changed, kept apart from the head until the handler has returned.</summary>
internal interface IWritableCollection
{
    object ToState();
}

internal sealed class WriteSet(Snapshot head)
{
    private readonly Dictionary<string, object> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Change> _changes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _changedCollections = new(StringComparer.Ordinal);

    public ILiteCollection<T> Collection<T>(string name) where T : class
    {
        if (!_collections.TryGetValue(name, out var collection))
            _collections[name] = collection = new WritableCollection<T>(name, new CollectionBuilder<T>(head.Get<T>(name)), this);
        return (WritableCollection<T>)collection;
    }

    public void Record(string collection, string id, object? document)
    {
        _changes[$"{collection}\u0000{id}"] = new Change(collection, id, document);
        _changedCollections.Add(collection);
    }

    public IReadOnlyCollection<Change> Changes => _changes.Values;

    /// <summary>The write's trail events: saved in the same LiteDB transaction, published when it is durable.</summary>
    public List<Services.Trail.TrailEntry> Trail { get; } = [];

    /// <summary>The head with this write applied.</summary>
    public Snapshot Apply() => _changes.Count == 0 ? head : head.With(_changedCollections.Select(name =>
        KeyValuePair.Create(name, ((IWritableCollection)_collections[name]).ToState())));
}
