namespace Emulator.State;

/// <summary>A collection in a read: the snapshot's own documents, shared with every other reader (never change them).</summary>
internal sealed class ReadOnlyCollection<T>(CollectionState<T> state) : ILiteCollection<T>, ICollectionDefinition where T : class
{
    public string Name => state.Name;

    public Type DocumentType => typeof(T);

    public object Load(IEnumerable<LiteDB.BsonDocument> documents)
    {
        var builder = new CollectionBuilder<T>(CollectionState<T>.Empty(state.Name));
        foreach (var document in documents) builder.Set(document["_id"].AsString, Documents.Mapper.ToObject<T>(document));
        return builder.ToState();
    }

    public T? FindById(string id) => state.Documents.GetValueOrDefault(id);

    public IEnumerable<T> Find(Func<T, bool> predicate, int skip = 0, int limit = int.MaxValue) =>
        state.Documents.Values.Where(predicate).Skip(skip).Take(limit);

    public T? FindOne(Func<T, bool> predicate) => state.Documents.Values.FirstOrDefault(predicate);

    public IEnumerable<T> FindAll() => state.Documents.Values;

    public IEnumerable<T> FindBy(Index<T> index, string key) => state.IndexFor(index).Ids(key).Select(id => state.Documents[id]);

    public IReadOnlyList<T> FindBy(Index<T> index, string key, string? afterId, int limit) =>
        state.IndexFor(index).IdsAfter(key, afterId).Take(limit).Select(id => state.Documents[id]).ToList();

    public IReadOnlyList<string> FindIdsBy(Index<T> index, string key) => state.IndexFor(index).Ids(key).ToList();

    public bool ContainsId(string id) => state.Documents.ContainsKey(id);

    public bool Exists(Func<T, bool> predicate) => state.Documents.Values.Any(predicate);

    public int Count() => state.Count;

    public int Count(Func<T, bool> predicate) => state.Documents.Values.Count(predicate);

    public string Insert(T document) => throw ReadOnly();

    public bool Update(T document) => throw ReadOnly();

    public bool Upsert(T document) => throw ReadOnly();

    public bool Delete(string id) => throw ReadOnly();

    public int DeleteMany(Func<T, bool> predicate) => throw ReadOnly();

    private InvalidOperationException ReadOnly() =>
        new($"'{state.Name}' was changed inside a read-only operation; register the operation with table.Write.");
}
