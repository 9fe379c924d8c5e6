using System.Collections.Concurrent;
using Emulator.Hosting;
using Emulator.State;
using Microsoft.Extensions.Hosting;

namespace Emulator.Services.Trail;

/// <summary>
/// Records the events that must not make an answer wait for the disk: reads and refused calls. They are queued in
/// memory and written in one store write per batch by this background service (the store's group committer puts that
/// write in its next LiteDB transaction), so a read is answered without a commit; its event is in the trail a moment
/// later. A successful write's event never comes here: it is in the call's own transaction.
/// </summary>
public sealed class TrailRecorder(StateStore store, EmulatorOptions options, ILogger<TrailRecorder> log) : BackgroundService
{
    private readonly ConcurrentQueue<TrailEventDoc> _pending = new();
    private readonly SemaphoreSlim _signal = new(0);
    private long _queued;
    private long _written;

    public void Enqueue(IEnumerable<TrailEventDoc> events)
    {
        foreach (var trailEvent in events)
        {
            _pending.Enqueue(trailEvent);
            Interlocked.Increment(ref _queued);
        }
        _signal.Release();
    }

    /// <summary>Completes once every event queued before the call is in the trail (tests, the control plane's listing).</summary>
    public async Task Flushed(TimeSpan timeout)
    {
        var target = Interlocked.Read(ref _queued);
        var deadline = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref _written) < target && DateTime.UtcNow < deadline) await Task.Delay(5);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var limits = TrailLimits.Of(options);
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await _signal.WaitAsync(stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            var batch = new List<TrailEventDoc>();
            while (_pending.TryDequeue(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                await store.WriteAsync(tx =>
                {
                    foreach (var trailEvent in batch) TrailLedger.Append(tx, trailEvent, limits);
                    return 0;
                }).ConfigureAwait(false);
            }
            catch (ObjectDisposedException) { return; }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The disk is full or the store is closing: these events are lost, the calls they describe are not affected.
                log.LogWarning("{Count} trail events could not be saved: {Reason}", batch.Count, error.Message);
            }
            Interlocked.Add(ref _written, batch.Count);
        }
    }
}
