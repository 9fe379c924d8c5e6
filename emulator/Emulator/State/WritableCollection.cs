using LiteDB;

namespace Emulator.State;

/// <summary>
/// A collection in a write. Documents handed out are private copies; Insert/Update/Upsert store a copy of what they
/// are given and record the change for the commit, so later changes to the caller's object have no effect.
/// </summary>
internal sealed class WritableCollection<T>(string name, CollectionBuilder<T> builder, WriteSet writes) : ILiteCollection<T>, IWritableCollection
    where T : class
{
    public object ToState() => builder.ToState();

    public T? FindById(string id) => builder.Documents.TryGetValue(id, out var document) ? Copy(document) : null;

    public IEnumerable<T> Find(Func<T, bool> predicate, int skip = 0, int limit = int.MaxValue) =>
        builder.Documents.Values.Where(predicate).Skip(skip).Take(limit).Select(Copy).ToList();

    public T? FindOne(Func<T, bool> predicate) => builder.Documents.Values.FirstOrDefault(predicate) is { } found ? Copy(found) : null;

    public IEnumerable<T> FindAll() => builder.Documents.Values.Select(Copy).ToList();

    public IEnumerable<T> FindBy(Index<T> index, string key) =>
        builder.Ids(index, key).Select(id => Copy(builder.Documents[id])).ToList();

    public IReadOnlyList<T> FindBy(Index<T> index, string key, string? afterId, int limit) =>
        builder.IdsAfter(index, key, afterId).Take(limit).Select(id => Copy(builder.Documents[id])).ToList();

    public IReadOnlyList<string> FindIdsBy(Index<T> index, string key) => builder.Ids(index, key).ToList();

    public bool ContainsId(string id) => builder.Documents.ContainsKey(id);

    public bool Exists(Func<T, bool> predicate) => builder.Documents.Values.Any(predicate);

    public int Count() => builder.Documents.Count;

    public int Count(Func<T, bool> predicate) => builder.Documents.Values.Count(predicate);

    public string Insert(T document)
    {
        var (id, stored) = Store(document);
        if (builder.Documents.ContainsKey(id)) throw new InvalidOperationException($"'{name}' already holds a document with id '{id}'.");
        Apply(id, stored);
        return id;
    }

    public bool Update(T document)
    {
        var (id, stored) = Store(document);
        if (!builder.Documents.ContainsKey(id)) return false;
        Apply(id, stored);
        return true;
    }

    public bool Upsert(T document)
    {
        var (id, stored) = Store(document);
        var isNew = !builder.Documents.ContainsKey(id);
        Apply(id, stored);
        return isNew;
    }

    public bool Delete(string id)
    {
        if (!builder.Remove(id)) return false;
        writes.Record(name, id, null);
        return true;
    }

    public int DeleteMany(Func<T, bool> predicate)
    {
        var ids = builder.Documents.Where(d => predicate(d.Value)).Select(d => d.Key).ToList();
        foreach (var id in ids) Delete(id);
        return ids.Count;
    }

    private static T Copy(T document) => Documents.Copy(document);

    /// <summary>The copy that is stored (as the store would bring it back), and its id.</summary>
    private static (string Id, T Stored) Store(T document)
    {
        var stored = Copy(document);
        return (Documents.IdOf(stored), stored);
    }

    private void Apply(string id, T stored)
    {
        builder.Set(id, stored);
        writes.Record(name, id, stored); // the commit makes its BSON
    }
}
