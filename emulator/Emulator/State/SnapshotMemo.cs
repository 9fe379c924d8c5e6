using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Emulator.State;

/// <summary>
/// Values a read derives from the state alone, built once per snapshot: a snapshot never changes, so what was derived
/// from it holds for as long as it lives, and the memo lets go with it. A write's view is not a snapshot (it changes as
/// the write goes), so a write builds afresh, uncached.
/// </summary>
public sealed class SnapshotMemo<TKey, TValue> where TKey : notnull
{
    private readonly ConditionalWeakTable<Snapshot, ConcurrentDictionary<TKey, TValue>> _bySnapshot = new();

    public TValue Get(Tx tx, TKey key, Func<Tx, TKey, TValue> build) => tx.ReadSnapshot is { } snapshot
        ? _bySnapshot.GetValue(snapshot, static _ => new()).GetOrAdd(key, static (k, read) => read.Build(read.Tx, k), (Tx: tx, Build: build))
        : build(tx, key);
}

public sealed partial class Tx
{
    /// <summary>The immutable snapshot a read sees; null in a write, whose view changes as it writes.</summary>
    internal Snapshot? ReadSnapshot => _writes is null ? _snapshot : null;
}
