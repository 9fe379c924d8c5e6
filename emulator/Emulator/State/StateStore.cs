using System.Collections.Concurrent;
using System.Diagnostics;
using Emulator.Services.Trail;

namespace Emulator.State;

/// <summary>
/// The state: an in-memory model of immutable snapshots, with a LiteDB file as its durable copy.
/// <list type="bullet">
/// <item>A read runs on the last durable snapshot, without locks and without touching LiteDB.</item>
/// <item>Writes run one at a time on the head (the durable snapshot plus the writes still being committed). A handler
/// that throws leaves nothing; otherwise its changes become the new head and go to the committer.</item>
/// <item>The committer thread puts every write waiting at that moment into one LiteDB transaction (group commit), then
/// publishes the head it reached as the durable snapshot, then acknowledges those writes. A small transaction is one
/// journal entry; the committer folds the entries into their collections while no write waits (<see cref="Journal"/>).</item>
/// <item>The event trail (<see cref="Trail"/>) is saved by the same commits: a write's events with the write, reads'
/// events in the next commit after they were recorded.</item>
/// <item>When a commit fails (e.g. a full disk) those writes and every write queued behind them fail, the head goes
/// back to the durable snapshot, reads carry on, and the store reports itself degraded until a commit succeeds.</item>
/// </list>
/// Handlers run synchronously: no await inside <see cref="Write{T}"/> or <see cref="Read{T}"/>.
/// </summary>
public sealed class StateStore : IDisposable
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    private readonly object _writeGate = new();
    private readonly StateFileLock? _lock;
    private readonly StateFile? _file;
    private readonly BlockingCollection<PendingCommit> _queue = new();
    private readonly Thread? _committer;
    private Snapshot _head;
    private volatile Snapshot _durable;
    private Task? _lastPending;
    private volatile string? _degraded;
    private long _commits;
    private long _memoryReleases;

    /// <param name="path">A file path, or null for state that lives only in memory.</param>
    /// <param name="trailLimits">The event trail's retention (default: 100,000 events, 90 days).</param>
    public StateStore(string? path, TrailLimits? trailLimits = null)
    {
        Path = path;
        _durable = _head = Snapshot.Empty;
        Trail = new TrailLog(trailLimits ?? TrailLimits.Default, path is null ? null : SaveTrail);
        if (path is null) return;

        _lock = StateFileLock.Acquire(path);
        try
        {
            _file = StateFile.Open(path);
            _durable = _head = _file.Load();
            Trail.Load(_file.LoadTrail());
        }
        catch (Exception error)
        {
            _file?.Dispose();
            _lock.Dispose();
            throw error switch
            {
                StateFileException known => known,
                _ when StateErrors.IsDiskFull(error) => new StateFileException($"Cannot open {path}: the disk is full; free some space and start again.", error),
                UnauthorizedAccessException => new StateFileException($"Cannot open {path}: permission denied ({StateFileChecks.OneLine(error.Message)}).", error),
                _ => StateFileChecks.Damaged(path, error),
            };
        }
        _committer = new Thread(CommitLoop) { IsBackground = true, Name = "state committer" };
        _committer.Start();
    }

    public string? Path { get; }

    /// <summary>The event trail: published events in recording order (not part of the snapshots).</summary>
    public TrailLog Trail { get; }

    /// <summary>Why writes currently fail (e.g. "the disk is full"), or null while they succeed.</summary>
    public string? Degraded => _degraded;

    /// <summary>LiteDB transactions committed since the store opened (each carries one or more writes).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Times the idle committer let LiteDB's page cache go after bulk writes.</summary>
    public long MemoryReleases => Interlocked.Read(ref _memoryReleases);

    /// <summary>The last durable snapshot (what reads see).</summary>
    public Snapshot Current => _durable;

    public T Read<T>(Func<Tx, T> read) => read(new Tx(_durable, trailLog: Trail));

    /// <summary>Runs the handler on the head and waits until its changes are durable.</summary>
    public T Write<T>(Func<Tx, T> write)
    {
        var (result, durable) = Apply(write);
        durable?.GetAwaiter().GetResult();
        return result;
    }

    /// <summary>As <see cref="Write{T}"/>, but the wait for the commit does not hold a thread.</summary>
    public async Task<T> WriteAsync<T>(Func<Tx, T> write)
    {
        var (result, durable) = Apply(write);
        if (durable is not null) await durable;
        return result;
    }

    /// <summary>Deletes every document of every collection in one transaction: a crash leaves the old state or the empty one.</summary>
    public void Reset()
    {
        Task? durable;
        lock (_writeGate)
        {
            durable = Enqueue([], Snapshot.Empty, resetsEverything: true, trail: []);
        }
        durable?.GetAwaiter().GetResult();
    }

    private (T Result, Task? Durable) Apply<T>(Func<Tx, T> write)
    {
        lock (_writeGate)
        {
            var writes = new WriteSet(_head);
            var result = write(new Tx(_head, writes, Trail));
            if (writes.Changes.Count == 0 && writes.Trail.Count == 0) return (result, _lastPending is { IsCompleted: false } pending ? pending : null);
            return (result, Enqueue(writes.Changes.ToList(), writes.Apply(), resetsEverything: false, writes.Trail));
        }
    }

    /// <summary>Called under the write gate: the head moves on at once, the durable snapshot when the commit is done.</summary>
    private Task? Enqueue(IReadOnlyCollection<Change> changes, Snapshot head, bool resetsEverything, IReadOnlyList<TrailEntry> trail)
    {
        _head = head;
        if (_file is null)
        {
            _durable = head;
            Trail.PublishNow(trail, resetsEverything);
            return null;
        }
        var commit = new PendingCommit(changes, head, resetsEverything, trail);
        _queue.Add(commit);
        _lastPending = commit.Durable;
        return commit.Durable;
    }

    private void CommitLoop()
    {
        var lastCheckpoint = Stopwatch.StartNew();
        var uncheckpointed = false;
        var bulkWritten = false; // a write of 1,000+ documents whose memory is still to be released
        while (true)
        {
            var idleWork = uncheckpointed || _file!.JournalLength > 0 || _file.DocumentsWrittenSinceOpen >= BulkWriteDocuments;
            if (!_queue.TryTake(out var first, idleWork ? (int)CheckpointInterval.TotalMilliseconds : Timeout.Infinite))
            {
                if (_queue.IsCompleted) break;
                TryFold();
                uncheckpointed = !TryCheckpoint();
                lastCheckpoint.Restart();
                if (!uncheckpointed)
                {
                    ReleaseMemoryAfterBulkWrites();
                    bulkWritten = false;
                }
                continue;
            }
            var batch = new List<PendingCommit> { first };
            while (_queue.TryTake(out var next)) batch.Add(next);
            var written = _file!.DocumentsWrittenSinceOpen;
            if (Commit(batch)) uncheckpointed = true;
            bulkWritten |= _file.DocumentsWrittenSinceOpen - written >= BulkWriteDocuments;
            if (_file.JournalLength >= Journal.FoldAt && _queue.Count == 0) TryFold();
            // As soon as no write waits: a checkpoint every 2 s, and right after a bulk write its release (not after 2 s idle).
            if (uncheckpointed && _queue.Count == 0 && (bulkWritten || lastCheckpoint.Elapsed > CheckpointInterval))
            {
                uncheckpointed = !TryCheckpoint();
                lastCheckpoint.Restart();
                if (bulkWritten && !uncheckpointed)
                {
                    ReleaseMemoryAfterBulkWrites();
                    bulkWritten = false;
                }
            }
        }
    }

    /// <summary>Saves reads' events waiting since the last commit: an empty commit that the committer fills with them.</summary>
    private void SaveTrail()
    {
        lock (_writeGate)
        {
            if (_queue.IsAddingCompleted) return;
            try { Enqueue([], _head, resetsEverything: false, trail: []); }
            catch (InvalidOperationException) { } // closing
        }
    }

    private bool Commit(List<PendingCommit> batch)
    {
        // Reads' events recorded since the last commit go first; a reset in the batch removes what came before it.
        var events = Trail.TakeUnsaved();
        var resets = false;
        foreach (var commit in batch)
        {
            if (commit.ResetsEverything)
            {
                events.Clear();
                resets = true;
            }
            events.AddRange(commit.Trail);
        }
        TrailAppend trail;
        try
        {
            trail = Trail.Prepare(events, resets, durable: true);
            _file!.Commit(batch, trail.Changes);
        }
        catch (Exception error)
        {
            FailAll(batch, error); // the reads' events taken for this commit are lost with it; the calls they describe are not affected
            return false;
        }
        _durable = batch[^1].Head;
        Trail.Publish(trail);
        _degraded = null;
        Interlocked.Increment(ref _commits);
        foreach (var commit in batch) commit.Succeed();
        return true;
    }

    /// <summary>
    /// The batch failed, and so does every write queued behind it (their head included the failed changes): the head
    /// goes back to the durable snapshot under the write gate, so the next write starts from what is on disk.
    /// </summary>
    private void FailAll(List<PendingCommit> batch, Exception error)
    {
        var reason = StateErrors.Describe(error);
        _degraded = reason;
        lock (_writeGate)
        {
            while (_queue.TryTake(out var queued)) batch.Add(queued);
            _head = _durable;
        }
        var failure = new StateUnavailableException(reason, error);
        foreach (var commit in batch) commit.Fail(failure);
    }

    /// <summary>
    /// Moves the journal's entries into their collections (<see cref="Journal"/>) while no write waits: the writes they
    /// hold are durable already, so a failure here only leaves them in the journal for the next fold.
    /// </summary>
    private void TryFold()
    {
        try { _file!.Fold(); }
        catch (Exception) { }
    }

    /// <summary>Housekeeping: a failure here never touches a write that was already acknowledged.</summary>
    private bool TryCheckpoint()
    {
        try
        {
            _file!.Checkpoint();
            return true;
        }
        catch (Exception)
        {
            _file!.Abandon();
            return false;
        }
    }

    /// <summary>
    /// Housekeeping after bulk writes — right after one write of ≥ 1,000 documents (e.g. trusted access enabled in 10,000
    /// accounts), or once idle after many small ones: LiteDB keeps every page such commits touched in its cache for good
    /// (~30 MB for 10,000 roles), so the connection is closed (the next commit reopens it) and the memory handed back with
    /// one compacting collection that also returns the GC's free memory to the system (aggressive mode). Small writes
    /// leave nothing to release.
    /// </summary>
    private void ReleaseMemoryAfterBulkWrites()
    {
        if (_file!.DocumentsWrittenSinceOpen < BulkWriteDocuments) return;
        _file.Release();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Interlocked.Increment(ref _memoryReleases);
    }

    private const int BulkWriteDocuments = 1_000;

    public void Dispose()
    {
        Trail.Dispose();
        if (_committer is not null)
        {
            SaveTrail();
            lock (_writeGate) _queue.CompleteAdding();
            _committer.Join();
            TryFold();
            TryCheckpoint();
        }
        _file?.Dispose();
        _lock?.Dispose();
        _queue.Dispose();
    }
}
