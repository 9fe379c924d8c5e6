using System.Collections.Concurrent;
using Emulator.State;
using LiteDB;

namespace Emulator.Services.Trail;

/// <summary>Retention: at most <see cref="MaxEvents"/> events, none older than <see cref="RetentionDays"/> days; the oldest go first.</summary>
public sealed record TrailLimits(int MaxEvents, int RetentionDays)
{
    public static readonly TrailLimits Default = new(100_000, 90);

    public static TrailLimits Of(Hosting.EmulatorOptions options) => new(options.TrailMaxEvents, options.TrailRetentionDays);
}

/// <summary>
/// The event trail: the published events in recording order, in memory, owned by the <see cref="StateStore"/>.
/// <list type="bullet">
/// <item>A write's events travel with the write and are published when it is durable (same LiteDB transaction).</item>
/// <item>A read's or a refused call's events are <see cref="Record">recorded</see> without waiting: with a state file
/// they are saved a moment later, in the store's next commit (at most <see cref="SaveDelay"/> later), then published.</item>
/// <item>The store's committer <see cref="Prepare">numbers</see> what a commit adds and works out what retention drops,
/// saves that as pages of events (<see cref="TrailPages"/>), and <see cref="Publish">publishes</see> it once durable.</item>
/// </list>
/// Readers take a <see cref="Window"/>: a consistent view that later appends and drops never change.
/// </summary>
public sealed class TrailLog : IDisposable
{
    public static readonly TimeSpan SaveDelay = TimeSpan.FromMilliseconds(100);

    private readonly object _gate = new();
    private readonly ConcurrentQueue<TrailEntry> _unsaved = new();
    private readonly Action? _requestSave;
    private readonly Timer? _saveTimer;
    private int _saveScheduled;

    // The kept events are _items[_start.._start+_count): slots in that range are never written again (appends go after
    // it, drops move _start, compaction copies into a new array), so a window handed to a reader stays valid.
    private TrailEntry[] _items = new TrailEntry[1024];
    private int _start;
    private int _count;
    private long _next = 1;
    private readonly Queue<TrailPage> _pages = new(); // saved pages, oldest first

    /// <param name="requestSave">Asks the store for a commit (a state file); null when the state lives only in memory.</param>
    public TrailLog(TrailLimits limits, Action? requestSave = null)
    {
        Limits = limits;
        _requestSave = requestSave;
        if (requestSave is not null) _saveTimer = new Timer(_ => SaveNow(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public TrailLimits Limits { get; }

    /// <summary>The sequence the next published event will get (1 on an empty trail).</summary>
    public long Next
    {
        get { lock (_gate) return _next; }
    }

    /// <summary>The events kept now, as a view later changes do not touch.</summary>
    public TrailWindow Window
    {
        get { lock (_gate) return new TrailWindow(_items, _start, _count, _next - _count); }
    }

    /// <summary>Events that must not make an answer wait for the disk: a read's, a refused call's.</summary>
    public void Record(IReadOnlyList<TrailEntry> entries)
    {
        if (_requestSave is null)
        {
            PublishNow(entries, resets: false);
            return;
        }
        foreach (var entry in entries) _unsaved.Enqueue(entry);
        if (Interlocked.Exchange(ref _saveScheduled, 1) != 0) return;
        try { _saveTimer!.Change(SaveDelay, Timeout.InfiniteTimeSpan); }
        catch (ObjectDisposedException) { } // the store has closed: an event recorded this late is not saved
    }

    private void SaveNow()
    {
        Volatile.Write(ref _saveScheduled, 0);
        _requestSave!();
    }

    /// <summary>Without a state file: numbers and publishes at once.</summary>
    internal void PublishNow(IReadOnlyList<TrailEntry> events, bool resets)
    {
        lock (_gate) Publish(Prepare(events, resets, durable: false));
    }

    /// <summary>The recorded events not saved yet, taken by the committer for its next commit.</summary>
    internal List<TrailEntry> TakeUnsaved()
    {
        var taken = new List<TrailEntry>();
        while (_unsaved.TryDequeue(out var entry)) taken.Add(entry);
        return taken;
    }

    /// <summary>
    /// Numbers <paramref name="events"/> after the published ones (from 1 after a reset), works out what retention
    /// drops and, for a state file, the pages to save and delete. Changes nothing: <see cref="Publish"/> does, once the
    /// commit is durable (a failed commit simply never publishes). One caller at a time: the committer.
    /// </summary>
    internal TrailAppend Prepare(IReadOnlyList<TrailEntry> events, bool resets, bool durable)
    {
        lock (_gate)
        {
            var first = resets ? 1 : _next;
            for (var i = 0; i < events.Count; i++) events[i].Sequence = first + i;
            var keptFrom = resets ? first : _next - _count;
            var next = first + events.Count;
            var oldest = keptFrom;
            if (events.Count > 0)
            {
                var cutoff = events[^1].EventTime.AddDays(-Limits.RetentionDays);
                TrailEntry At(long sequence) => sequence >= first ? events[(int)(sequence - first)] : _items[_start + (int)(sequence - keptFrom)];
                while (oldest < next && (next - oldest > Limits.MaxEvents || At(oldest).EventTime < cutoff)) oldest++;
            }
            if (!durable) return new TrailAppend(events, resets, first, oldest, [], []);

            var changes = new List<Change>();
            if (!resets)
                foreach (var gone in _pages.TakeWhile(p => p.Last < oldest)) changes.Add(new Change(TrailPages.Collection, gone.Id, null));
            var pages = new List<TrailPage>();
            foreach (var chunk in events.Where(e => e.Sequence >= oldest).Chunk(TrailPages.PageSize))
            {
                var page = TrailPages.Page(chunk);
                pages.Add(new TrailPage(page["_id"].AsString, chunk[^1].Sequence));
                changes.Add(new Change(TrailPages.Collection, page["_id"].AsString, page));
            }
            return new TrailAppend(events, resets, first, oldest, pages, changes);
        }
    }

    /// <summary>Makes a prepared append visible: its events, retention's drops, its pages.</summary>
    internal void Publish(TrailAppend append)
    {
        lock (_gate)
        {
            if (append.Resets) Clear();
            foreach (var entry in append.Events) Append(entry);
            _next = append.First + append.Events.Count;
            Drop((int)Math.Min(_count, append.Oldest - (_next - _count)));
            while (_pages.TryPeek(out var page) && page.Last < append.Oldest) _pages.Dequeue();
            foreach (var page in append.Pages) _pages.Enqueue(page);
        }
    }

    /// <summary>At start: the saved pages, oldest first; retention is applied as if the newest had just been recorded.</summary>
    internal void Load(IEnumerable<BsonDocument> pages)
    {
        lock (_gate)
        {
            var events = new List<TrailEntry>();
            var saved = new List<TrailPage>();
            foreach (var page in pages.OrderBy(p => p["_id"].AsString, StringComparer.Ordinal))
            {
                var entries = TrailPages.Entries(page);
                if (entries.Count == 0) continue;
                events.AddRange(entries);
                saved.Add(new TrailPage(page["_id"].AsString, entries[^1].Sequence));
            }
            if (events.Count == 0) return;
            // Saved events are contiguous (a page holds what a commit kept; only whole pages are deleted), so numbering
            // them from the first one's sequence gives them their saved numbers.
            _next = events[0].Sequence;
            Publish(Prepare(events, resets: false, durable: false));
            foreach (var page in saved) _pages.Enqueue(page); // pages retention dropped entirely are deleted by the next commit
        }
    }

    /// <summary>Asks for the unsaved events to be saved now (shutdown; tests that read the file).</summary>
    internal void RequestSave()
    {
        if (_requestSave is not null && !_unsaved.IsEmpty) SaveNow();
    }

    private void Append(TrailEntry entry)
    {
        if (_start + _count == _items.Length) Compact(Math.Max(1024, _count * 2));
        _items[_start + _count] = entry;
        _count++;
    }

    private void Drop(int dropped)
    {
        if (dropped <= 0) return;
        _start += dropped;
        _count -= dropped;
        if (_start > 4096 && _start > _items.Length / 2) Compact(Math.Max(1024, _count * 2));
    }

    /// <summary>Copies the kept events into a new array (readers may still hold the old one).</summary>
    private void Compact(int capacity)
    {
        var items = new TrailEntry[capacity];
        Array.Copy(_items, _start, items, 0, _count);
        _items = items;
        _start = 0;
    }

    private void Clear()
    {
        _items = new TrailEntry[1024];
        _start = _count = 0;
        _next = 1;
        _pages.Clear();
    }

    public void Dispose() => _saveTimer?.Dispose();
}

/// <summary>What one commit adds to the trail, prepared by <see cref="TrailLog.Prepare"/>.</summary>
/// <param name="Oldest">The sequence of the oldest event kept afterwards.</param>
/// <param name="Changes">Pages to save and to delete, in the commit's LiteDB transaction.</param>
internal sealed record TrailAppend(
    IReadOnlyList<TrailEntry> Events, bool Resets, long First, long Oldest, IReadOnlyList<TrailPage> Pages, IReadOnlyList<Change> Changes);

/// <summary>A saved page: its document id and the sequence of its last event.</summary>
internal sealed record TrailPage(string Id, long Last);

/// <summary>The kept events at one moment, in recording order; <see cref="FirstSequence"/> is the oldest one's sequence.</summary>
public readonly record struct TrailWindow(TrailEntry[] Items, int Start, int Count, long FirstSequence)
{
    public IEnumerable<TrailEntry> NewestFirst()
    {
        for (var i = Start + Count - 1; i >= Start; i--) yield return Items[i];
    }

    /// <summary>The events recorded after <paramref name="sequence"/>, oldest first.</summary>
    public IEnumerable<TrailEntry> After(long sequence)
    {
        for (var i = Start + (int)Math.Clamp(sequence + 1 - FirstSequence, 0, Count); i < Start + Count; i++) yield return Items[i];
    }

    /// <summary>The sequence of the event with this eventID, or null when it is unknown (or already dropped).</summary>
    public long? SequenceOf(string eventId)
    {
        for (var i = Start + Count - 1; i >= Start; i--)
            if (Items[i].EventId == eventId) return Items[i].Sequence;
        return null;
    }
}
