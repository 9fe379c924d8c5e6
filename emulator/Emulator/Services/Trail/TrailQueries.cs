using Emulator.State;

namespace Emulator.Services.Trail;

/// <summary>Organization-wide reads of the trail, for the control plane's listing, its event stream and the console.</summary>
public static class TrailQueries
{
    /// <summary>The sequence the next recorded event will get (1 on an empty trail).</summary>
    public static long Next(Tx tx) => tx.TrailCursor.FindById(TrailCursorDoc.SingletonId)?.Next ?? 1;

    /// <summary>The sequence of the event with this eventID, or null when it is unknown (or already dropped).</summary>
    public static long? SequenceOf(Tx tx, string eventId) => tx.TrailEvents.FindOne(e => e.EventId == eventId)?.Sequence;

    /// <summary>Events recorded after <paramref name="sequence"/>, oldest first.</summary>
    public static IEnumerable<TrailEventDoc> After(Tx tx, long sequence)
    {
        var cursor = tx.TrailCursor.FindById(TrailCursorDoc.SingletonId);
        if (cursor is null) yield break;
        for (var next = Math.Max(sequence + 1, cursor.Oldest); next < cursor.Next; next++)
            if (tx.TrailEvents.FindById(TrailEventDoc.Key(next)) is { } found) yield return found;
    }

    /// <summary>Every kept event, newest first.</summary>
    public static IEnumerable<TrailEventDoc> NewestFirst(Tx tx)
    {
        var cursor = tx.TrailCursor.FindById(TrailCursorDoc.SingletonId);
        if (cursor is null) yield break;
        for (var next = cursor.Next - 1; next >= cursor.Oldest; next--)
            if (tx.TrailEvents.FindById(TrailEventDoc.Key(next)) is { } found) yield return found;
    }
}
