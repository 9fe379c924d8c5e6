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
