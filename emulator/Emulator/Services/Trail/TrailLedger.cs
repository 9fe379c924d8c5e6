using Emulator.State;

namespace Emulator.Services.Trail;

/// <summary>Appends events in recording order and applies retention: the one place that writes the trail.</summary>
public static class TrailLedger
{
    public static void Append(Tx tx, TrailEventDoc doc, TrailLimits limits)
    {
        var cursor = tx.TrailCursor.FindById(TrailCursorDoc.SingletonId) ?? new TrailCursorDoc();
        doc.Sequence = cursor.Next++;
        doc.Id = TrailEventDoc.Key(doc.Sequence);
        tx.TrailEvents.Insert(doc);
        cursor.OldestTime ??= doc.EventTime;
        DropExpired(tx, cursor, limits, doc.EventTime);
        tx.TrailCursor.Upsert(cursor);
    }

    /// <summary>Oldest first: while there are more than the maximum, or the oldest is older than the retention period.</summary>
    private static void DropExpired(Tx tx, TrailCursorDoc cursor, TrailLimits limits, DateTimeOffset now)
    {
        var cutoff = now.AddDays(-limits.RetentionDays);
        while (cursor.Oldest < cursor.Next)
        {
            var tooMany = cursor.Next - cursor.Oldest > limits.MaxEvents;
            if (!tooMany && cursor.OldestTime >= cutoff) return;
            tx.TrailEvents.Delete(TrailEventDoc.Key(cursor.Oldest));
            cursor.Oldest++;
            cursor.OldestTime = tx.TrailEvents.FindById(TrailEventDoc.Key(cursor.Oldest))?.EventTime;
        }
    }
}
