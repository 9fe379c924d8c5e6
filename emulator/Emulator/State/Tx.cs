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

    internal Tx(Snapshot snapshot, WriteSet? writes = null)
    {
        _snapshot = snapshot;
        _writes = writes;
    }

    private ILiteCollection<T> Collection<T>(string name) where T : class =>
        _writes is null ? new ReadOnlyCollection<T>(_snapshot.Get<T>(name)) : _writes.Collection<T>(name);
}
