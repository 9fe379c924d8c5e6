using LiteDB;

namespace Emulator.State;

/// <summary>
/// The one LiteDB database of the process. Every AWS operation runs synchronously inside <see cref="Read{T}"/> or
/// <see cref="Write{T}"/>: writes are exclusive and run in one LiteDB transaction (all of an operation's effects, the
/// trust-model rules included, commit together or not at all); reads run side by side and never see half a write.
/// LiteDB binds transactions to the OS thread, so no handler may await inside.
/// </summary>
public sealed class StateStore : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);
    private readonly bool _durable;

    /// <param name="path">A file path, or null for state that lives only in memory.</param>
    public StateStore(string? path)
    {
        Path = path;
        _durable = path is not null;
        _db = path is null
            ? new LiteDatabase(new MemoryStream(), Documents.CreateMapper())
            : new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, Documents.CreateMapper());
        Documents.EnsureIndexes(_db);
    }

    public string? Path { get; }

    public T Read<T>(Func<Tx, T> read)
    {
        _gate.EnterReadLock();
        try { return read(new Tx(_db)); }
        finally { _gate.ExitReadLock(); }
    }

    public T Write<T>(Func<Tx, T> write)
    {
        _gate.EnterWriteLock();
        try
        {
            _db.BeginTrans();
            T result;
            try
            {
                result = write(new Tx(_db));
                _db.Commit();
            }
            catch
            {
                RollbackAfterFailure();
                throw;
            }
            // LiteDB hands committed pages to a background writer; the checkpoint waits for them and moves them
            // into the data file, so a write is on disk before it is acknowledged (kill -9 loses nothing).
            if (_durable) _db.Checkpoint();
            return result;
        }
        finally { _gate.ExitWriteLock(); }
    }

    /// <summary>
    /// Undoes the failed operation's changes. When LiteDB itself failed it may already have rolled back (and then
    /// refuses a second rollback); the caller's original exception is what matters, so that refusal is ignored.
    /// </summary>
    private void RollbackAfterFailure()
    {
        try { _db.Rollback(); }
        catch (LiteException) { }
        catch (ObjectDisposedException) { }
    }

    /// <summary>Deletes every document of every collection (POST /_emulator/reset).</summary>
    public void Reset()
    {
        _gate.EnterWriteLock();
        try
        {
            foreach (var name in _db.GetCollectionNames().ToList()) _db.DropCollection(name);
            Documents.EnsureIndexes(_db);
            if (_durable) _db.Checkpoint();
        }
        finally { _gate.ExitWriteLock(); }
    }

    public void Dispose()
    {
        _db.Dispose();
        _gate.Dispose();
    }
}

/// <summary>The collections one operation may touch. Each service adds its own in a partial declaration beside its documents.</summary>
public sealed partial class Tx(LiteDatabase db)
{
    private readonly LiteDatabase _db = db;

    private ILiteCollection<T> Collection<T>(string name) => _db.GetCollection<T>(name);
}
