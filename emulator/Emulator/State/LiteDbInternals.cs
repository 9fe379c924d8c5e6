using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Emulator.Hosting;
using LiteDB;

namespace Emulator.State;

/// <summary>
/// A workaround for LiteDB 5.0.21: a transaction left behind by an I/O failure (its rollback failed too) is later
/// finalized, and its finalizer throws ("discarded page must be writable") on the finalizer thread, which kills the
/// process. Before the store drops such a connection it tells the GC not to finalize those transactions. Reads
/// private fields of LiteDB (LiteDatabase._engine, LiteEngine._monitor, TransactionMonitor.Transactions); if a LiteDB
/// upgrade renames them, this does nothing, and the full-disk tests show whether the workaround is still needed.
/// </summary>
internal static class LiteDbInternals
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = AotRoots.Justification)]
    public static void ForgetTransactions(LiteDatabase db)
    {
        try
        {
            var engine = typeof(LiteDatabase).GetField("_engine", Private)?.GetValue(db);
            var monitor = engine?.GetType().GetField("_monitor", Private)?.GetValue(engine);
            if (monitor?.GetType().GetProperty("Transactions", Private)?.GetValue(monitor) is not IEnumerable transactions) return;
            foreach (var transaction in transactions.Cast<object>().ToList()) GC.SuppressFinalize(transaction);
        }
        catch (Exception) { }
    }
}
