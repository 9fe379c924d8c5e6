namespace Emulator.State;

/// <summary>
/// One collection of documents as an operation sees it. The name is kept from the LiteDB days so that every
/// <c>Tx</c> partial (<c>public ILiteCollection&lt;XDoc&gt; Xs =&gt; Collection&lt;XDoc&gt;("xs")</c>) compiles unchanged;
/// it is the store's own interface over the in-memory model, not LiteDB's. In a write every document handed out is a
/// private copy: change it, then <see cref="Update"/> it. In a read the documents are shared: never change them.
/// </summary>
public interface ILiteCollection<T> where T : class
{
    T? FindById(string id);
    IEnumerable<T> Find(Func<T, bool> predicate, int skip = 0, int limit = int.MaxValue);
    T? FindOne(Func<T, bool> predicate);
    IEnumerable<T> FindAll();

    /// <summary>The documents whose <paramref name="index"/> key equals <paramref name="key"/>, in ordinal id order.</summary>
    IEnumerable<T> FindBy(Index<T> index, string key);

    /// <summary>
    /// One page of <see cref="FindBy(Index{T}, string)"/>: at most <paramref name="limit"/> documents whose id sorts
    /// (ordinally) after <paramref name="afterId"/> (from the first when null), found by a binary search of the index.
    /// </summary>
    IReadOnlyList<T> FindBy(Index<T> index, string key, string? afterId, int limit);

    /// <summary>The ids <see cref="FindBy(Index{T}, string)"/> would answer, without reading (or copying) the documents.</summary>
    IReadOnlyList<string> FindIdsBy(Index<T> index, string key);

    /// <summary>Whether a document with this id exists (no copy is made).</summary>
    bool ContainsId(string id);

    bool Exists(Func<T, bool> predicate);
    int Count();
    int Count(Func<T, bool> predicate);

    /// <summary>Adds a document; its id must be new.</summary>
    /// <returns>The document's id.</returns>
    string Insert(T document);
    bool Update(T document);

    /// <returns>True when the document was new.</returns>
    bool Upsert(T document);
    bool Delete(string id);
    int DeleteMany(Func<T, bool> predicate);
}
