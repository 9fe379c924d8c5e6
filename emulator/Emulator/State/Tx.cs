using Emulator.Services.Trail;

namespace Emulator.State;

/// <summary>
/// The collections one operation may touch. Each service adds its own in a partial declaration beside its documents:
/// <c>public ILiteCollection&lt;XDoc&gt; Xs =&gt; Collection&lt;XDoc&gt;("xs");</c>. A read sees one durable snapshot;
/// a write sees the head (the last snapshot plus the writes still being committed) and its own changes.
/// </summary>
public sealed partial class Tx
{
    private readonly Snapshot _snapshot;
    private readonly WriteSet? _writes;
    private readonly TrailLog? _trailLog;
    private TrailScope? _trail;

    internal Tx(Snapshot snapshot, WriteSet? writes = null, TrailLog? trailLog = null)
    {
        _snapshot = snapshot;
        _writes = writes;
        _trailLog = trailLog;
    }

    /// <summary>
    /// The trail of the call this transaction runs for: the endpoint sets <see cref="TrailScope.Call"/>; the trust
    /// model records the service's own actions with <see cref="TrailScope.ServiceEvent"/>. A write's events are
    /// published with the write.
    /// </summary>
    public TrailScope Trail => _trail ??= new TrailScope(_writes?.Trail);

    /// <summary>The events published so far (the event trail is not part of the snapshot: it only grows, in recording order).</summary>
    public TrailWindow TrailEvents => _trailLog?.Window ?? default;

    private ILiteCollection<T> Collection<T>(string name) where T : class =>
        _writes is null ? new ReadOnlyCollection<T>(_snapshot.Get<T>(name)) : _writes.Collection<T>(name);
}
