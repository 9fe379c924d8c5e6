using LiteDB;

namespace Emulator.State;

/// <summary>
/// The durable copy of the state: a LiteDB file holding every collection, plus a format marker that says the file is
/// the emulator's and how its documents are stored (format 4: under storage keys, <see cref="StorageKeys"/>; the event
/// trail's pages under their own sequential ids; small commits in the <see cref="Journal"/> until they are folded into
/// their collections). Used by one thread only (the committer), as LiteDB binds transactions to the thread.
/// </summary>
internal sealed class StateFile : IDisposable
{
    private const string MarkerCollection = "_emulator";
    private const string Format = "aws-org-sso-emulator/4";

    private readonly string _path;
    private readonly StorageKeys _keys = new();
    private readonly Journal _journal = new();
    private LiteDatabase? _db;

    private StateFile(string path) => _path = path;

    /// <summary>Opens (or creates) the file, refusing one that is not the emulator's.</summary>
    public static StateFile Open(string path)
    {
        StateFileChecks.RequireOurs(path);
        var file = new StateFile(path);
        try
        {
            file.Connect();
            file.RequireMarker();
        }
        catch
        {
            file.Dispose();
            throw;
        }
        return file;
    }

    /// <summary>
    /// Every collection the store knows, as a snapshot (each document under its own id again). Journal entries left by a
    /// run that ended without folding them (a crash) are folded first.
    /// </summary>
    public Snapshot Load()
    {
        var snapshot = LoadCollections();
        var db = Database;
        if (!db.CollectionExists(Journal.Collection)) return snapshot;
        _journal.Load(db.GetCollection(Journal.Collection).FindAll());
        if (_journal.Count == 0) return snapshot;
        Fold();
        return LoadCollections();
    }

    private Snapshot LoadCollections()
    {
        var db = Database;
        var names = db.GetCollectionNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var loaded = Documents.Collections
            .Where(c => names.Contains(c.Name))
            .Select(c => KeyValuePair.Create(c.Name, c.Load(db.GetCollection(c.Name).FindAll().Select(d => WithOwnId(c.Name, d)))));
        return Snapshot.Empty.With(loaded.ToList());
    }

    private BsonDocument WithOwnId(string collection, BsonDocument stored)
    {
        var id = stored[StorageKeys.DocumentIdField];
        if (!id.IsString || !stored["_id"].IsNumber) throw new InvalidDataException($"A document of '{collection}' has no storage key or no {StorageKeys.DocumentIdField}.");
        _keys.Loaded(collection, id.AsString, stored["_id"].AsInt64);
        stored["_id"] = id;
        stored.Remove(StorageKeys.DocumentIdField);
        return stored;
    }

    /// <summary>Journal entries not yet folded into their collections.</summary>
    public int JournalLength => _journal.Count;

    /// <summary>
    /// One LiteDB transaction for the whole batch: all of it is on disk, or none of it. A document changed by several
    /// writes of the batch is written once, in its last version (no one can see the versions in between on disk). A
    /// small batch is one journal entry (<see cref="Journal"/>); a large one or a reset goes to the collections, with
    /// every entry still in the journal.
    /// </summary>
    /// <param name="trail">The event trail's pages to save and delete, after the batch's own changes.</param>
    public void Commit(IReadOnlyCollection<PendingCommit> batch, IReadOnlyList<Change> trail)
    {
        var (resets, changes, _) = Merge(batch.Select(c => new JournalEntry(0, c.ResetsEverything, c.Changes, [])).ToList());
        var commit = new JournalEntry(0, resets, changes.Select(AsBson).ToList(), trail);
        if (_journal.Takes(commit)) Save(commit);
        else Fold(commit);
    }

    /// <summary>Moves every journal entry into its collections and out of the journal, in one transaction.</summary>
    public void Fold() => Fold(null);

    private void Save(JournalEntry commit)
    {
        if (commit.Changes.Count == 0 && commit.Trail.Count == 0) return;
        var entries = _journal.Next(commit);
        InTransaction(clears: false, commit.Changes.Count + commit.Trail.Count, db => db.GetCollection(Journal.Collection).Insert(entries.Select(e => e.Document)));
        foreach (var (entry, _) in entries) _journal.Saved(entry);
    }

    private void Fold(JournalEntry? commit)
    {
        var entries = commit is null ? _journal.Entries.ToList() : [.. _journal.Entries, commit];
        if (entries.Count == 0) return;
        var (resets, changes, trail) = Merge(entries);
        var journaled = _journal.Count > 0;
        InTransaction(clears: resets, changes.Count + trail.Count, db =>
        {
            if (resets) DeleteEverything(db); // the journal with everything else
            else if (journaled) db.GetCollection(Journal.Collection).DeleteAll();
            var inserts = new Dictionary<string, List<BsonDocument>>();
            foreach (var change in changes) Apply(db, change, inserts);
            foreach (var (collection, documents) in inserts) db.GetCollection(collection).Insert(documents);
            foreach (var change in trail) ApplyToTrail(db, change);
        });
        _journal.Folded();
    }

    /// <summary>A transaction that commits whole or leaves the file (and the storage keys) as they were.</summary>
    private void InTransaction(bool clears, int documents, Action<LiteDatabase> write)
    {
        RequireSpaceFor(documents);
        var db = Database;
        var logLength = LogLength();
        if (!db.BeginTrans()) throw new InvalidOperationException("The state file already had a transaction open.");
        _keys.Begin(clears);
        try
        {
            write(db);
            if (!db.Commit()) throw new InvalidOperationException("The state file's transaction was not committed.");
            _keys.Committed();
            DocumentsWrittenSinceOpen += documents;
        }
        catch
        {
            _keys.Abandoned();
            Abandon();
            TruncateLog(logLength);
            throw;
        }
    }

    private static Change AsBson(Change change) => change.Document is null or BsonDocument
        ? change
        : change with { Document = Documents.Mapper.ToDocument(change.Document.GetType(), change.Document) };

    /// <summary>
    /// The net effect of commits in order: whether it resets everything first, each changed document's last version,
    /// and the trail's pages (what came before a reset is deleted with everything else).
    /// </summary>
    private static (bool Resets, IReadOnlyCollection<Change> Changes, IReadOnlyList<Change> Trail) Merge(IReadOnlyList<JournalEntry> entries)
    {
        if (entries.Count == 1) return (entries[0].Resets, entries[0].Changes, entries[0].Trail);
        var resets = false;
        var last = new Dictionary<(string Collection, string Id), Change>();
        var trail = new List<Change>();
        foreach (var entry in entries)
        {
            if (entry.Resets)
            {
                resets = true;
                last.Clear();
                trail.Clear();
            }
            foreach (var change in entry.Changes) last[(change.Collection, change.Id.ToLowerInvariant())] = change;
            trail.AddRange(entry.Trail);
        }
        return (resets, last.Values, trail);
    }

    /// <summary>
    /// A document goes in under its storage key: a changed one under its own at once, a new one under the next key,
    /// collected into <paramref name="inserts"/> so that each collection takes its new documents in one call, in key order.
    /// </summary>
    private void Apply(LiteDatabase db, Change change, Dictionary<string, List<BsonDocument>> inserts)
    {
        var key = _keys.Find(change.Collection, change.Id);
        if (change.Document is null)
        {
            if (key is null) return; // created and deleted within the batch: never on disk
            db.GetCollection(change.Collection).Delete(key.Value);
            _keys.Forget(change.Collection, change.Id);
            return;
        }
        var document = (BsonDocument)change.Document;
        document[StorageKeys.DocumentIdField] = change.Id;
        if (key is { } existing)
        {
            document["_id"] = existing;
            if (!db.GetCollection(change.Collection).Update(document)) throw new InvalidOperationException($"The state file has no document {existing} in '{change.Collection}'.");
        }
        else
        {
            document["_id"] = _keys.Assign(change.Collection, change.Id);
            if (!inserts.TryGetValue(change.Collection, out var documents)) inserts[change.Collection] = documents = [];
            documents.Add(document);
        }
    }

    /// <summary>The trail's pages are written once, under ids that already grow in order, and deleted whole.</summary>
    private static void ApplyToTrail(LiteDatabase db, Change change)
    {
        var pages = db.GetCollection(change.Collection);
        if (change.Document is null) pages.Delete(change.Id);
        else pages.Insert((BsonDocument)change.Document);
    }

    /// <summary>The event trail's saved pages (<see cref="Services.Trail.TrailPages"/>).</summary>
    public IEnumerable<BsonDocument> LoadTrail()
    {
        var db = Database;
        return db.CollectionExists(Services.Trail.TrailPages.Collection) ? db.GetCollection(Services.Trail.TrailPages.Collection).FindAll().ToList() : [];
    }

    private string LogPath => System.IO.Path.Combine(
        System.IO.Path.GetDirectoryName(_path)!, $"{System.IO.Path.GetFileNameWithoutExtension(_path)}-log{System.IO.Path.GetExtension(_path)}");

    private long LogLength() => File.Exists(LogPath) ? new FileInfo(LogPath).Length : 0;

    /// <summary>
    /// A write that failed half-way (ENOSPC after a short write) may leave part of a page at the end of LiteDB's log;
    /// cutting the log back to where the failed transaction began makes sure a reopen never reads that fragment.
    /// </summary>
    private void TruncateLog(long length)
    {
        try
        {
            if (LogLength() <= length) return;
            using var log = new FileStream(LogPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            log.SetLength(length);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Moves the log into the data file (housekeeping: the log alone is already durable).</summary>
    public void Checkpoint() => Database.Checkpoint();

    /// <summary>Documents committed since the connection was opened: what LiteDB's page cache has grown with.</summary>
    public long DocumentsWrittenSinceOpen { get; private set; }

    /// <summary>Closes the connection (after a checkpoint) and with it LiteDB's page cache, which only grows; the next commit reopens the file.</summary>
    public void Release()
    {
        _db?.Dispose();
        _db = null;
    }

    /// <summary>Forgets the connection after a failure: LiteDB's state is unknown, so the next use reopens the file.</summary>
    public void Abandon()
    {
        try { _db?.Rollback(); } catch (Exception) { }
        if (_db is not null) LiteDbInternals.ForgetTransactions(_db);
        try { _db?.Dispose(); } catch (Exception) { }
        _db = null;
    }

    /// <summary>
    /// Refuses a commit when the disk is (nearly) full, before LiteDB writes anything: LiteDB copes badly with a write
    /// failing half-way, so a full disk is best met before the transaction starts. (A disk that fills up during the
    /// commit is still handled: <see cref="Abandon"/>, <see cref="TruncateLog"/>, reopen.)
    /// </summary>
    private void RequireSpaceFor(int changes)
    {
        const long margin = 256 * 1024, perChange = 16 * 1024;
        long free;
        try { free = new DriveInfo(System.IO.Path.GetDirectoryName(_path)!).AvailableFreeSpace; }
        catch (Exception) { return; }
        if (free < margin + perChange * changes) throw new IOException("No space left on device (checked before the commit).");
    }

    private LiteDatabase Database
    {
        get
        {
            if (_db is null) Connect();
            return _db!;
        }
    }

    private void Connect()
    {
        DocumentsWrittenSinceOpen = 0;
        _db = new LiteDatabase(new ConnectionString { Filename = _path, Connection = ConnectionType.Direct }, Documents.Mapper)
        {
            // No automatic checkpoint inside a commit: the committer checkpoints when it is idle and at shutdown.
            CheckpointSize = 0,
        };
    }

    private static void DeleteEverything(LiteDatabase db)
    {
        foreach (var name in db.GetCollectionNames().Where(n => n != MarkerCollection).ToList())
            db.GetCollection(name).DeleteAll();
    }

    /// <summary>
    /// A file with our marker is ours: in the current format, or in an older one, which is upgraded in place (formats 2
    /// and 3: the marker only; format 1: documents under storage keys). A file without it is accepted only when every
    /// collection in it is one the emulator declares (a state file written before the marker existed, so format 1, or
    /// a new one); it gets the marker.
    /// </summary>
    private void RequireMarker()
    {
        var db = _db!;
        var format = db.GetCollection(MarkerCollection).FindById("format")?["format"].AsString;
        var marker = new BsonDocument { ["_id"] = "format", ["format"] = Format };
        if (format == Format) return;
        if (format is StateFileUpgrade.Format2 or StateFileUpgrade.Format3)
        {
            StateFileUpgrade.Mark(db, marker, MarkerCollection);
            return;
        }
        if (format is not null && format != StateFileUpgrade.Format1) throw StateFileChecks.Foreign(_path, $"its format is {format}, not {Format}");
        var names = db.GetCollectionNames().Where(n => n != MarkerCollection).ToList();
        if (format is null)
        {
            var known = Documents.Collections.Select(c => c.Name).Append(Services.Trail.TrailPages.Collection).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var foreign = names.Where(n => !known.Contains(n)).ToList();
            if (foreign.Count > 0) throw StateFileChecks.Foreign(_path, $"it is a LiteDB database with collections the emulator does not know ({string.Join(", ", foreign.Take(3))})");
        }
        var documentCollections = names.Where(n => !n.Equals(Services.Trail.TrailPages.Collection, StringComparison.OrdinalIgnoreCase));
        StateFileUpgrade.ToStorageKeys(db, documentCollections, marker, MarkerCollection);
    }

    public void Dispose()
    {
        try { _db?.Dispose(); } catch (Exception) { }
        _db = null;
    }
}
