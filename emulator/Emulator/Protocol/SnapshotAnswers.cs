using System.Runtime.CompilerServices;

namespace Emulator.Protocol;

/// <summary>
/// An answer record that reads build once per snapshot (<see cref="State.SnapshotMemo{TKey,TValue}"/>) and answer
/// with until the state changes: its wire form depends on the record alone, so it can be written once and kept.
/// </summary>
public interface ISnapshotAnswer;

/// <summary>
/// Wire forms of <see cref="ISnapshotAnswer"/> records (one memo per protocol's form), kept beside each record in a
/// weak table: the bytes go when the record does, i.e. with its snapshot, and a record nobody answered with costs nothing.
/// </summary>
public sealed class SnapshotAnswers
{
    private readonly ConditionalWeakTable<ISnapshotAnswer, byte[]> _written = new();

    /// <summary>The record's wire form, written by <paramref name="write"/> the first time it is asked for.</summary>
    public byte[] Get<TState>(ISnapshotAnswer answer, TState state, Func<ISnapshotAnswer, TState, byte[]> write)
    {
        if (_written.TryGetValue(answer, out var bytes)) return bytes;
        bytes = write(answer, state);
        _written.TryAdd(answer, bytes);
        return bytes;
    }
}
