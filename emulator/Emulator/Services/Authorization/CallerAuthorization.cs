using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Emulator.Core;
using Emulator.State;

namespace Emulator.Services.Authorization;

/// <summary>
/// What authorizing one caller needs that depends only on the state and the caller, built once per state: the
/// principal, its policies (identity, boundary, session, SCP levels), its aws:Principal* context keys, and those
/// policies narrowed to each action asked for. Kept per snapshot, and shared by the next snapshots while they differ
/// only in the event trail's collections (reads record their events in batches, so those change all the time and
/// authorization never reads them). Any other change makes a new snapshot whose first call builds afresh; a write's
/// view is not a snapshot, so a write builds its own, uncached.
/// </summary>
public sealed class CallerAuthorization
{
    /// <summary>The callers resolved against one state (<paramref name="Snapshot"/> and those equal to it outside the trail).</summary>
    private sealed record View(Snapshot Snapshot)
    {
        public ConcurrentDictionary<Caller, CallerAuthorization> Callers { get; } = new();
    }

    private static readonly ConditionalWeakTable<Snapshot, View> BySnapshot = new();
    private static View? _latest;

    private readonly ConcurrentDictionary<string, PolicySet> _byAction = new(StringComparer.Ordinal);

    private CallerAuthorization(Tx tx, Caller caller)
    {
        Principal = Principal.Of(tx, caller);
        Policies = Authorizer.PoliciesFor(tx, Principal, null);
        PrincipalKeys = ContextKeys.OfPrincipal(tx, Principal);
    }

    public Principal Principal { get; }

    /// <summary>The caller's policies for any action (no resource-based policy).</summary>
    public PolicySet Policies { get; }

    /// <summary>The request context keys that describe the principal (aws:PrincipalArn, aws:PrincipalTag/…, aws:PrincipalOrgPaths, …).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PrincipalKeys { get; }

    /// <summary>The caller's policies with only the statements whose Action/NotAction matches <paramref name="action"/>.</summary>
    public PolicySet PoliciesFor(string action) => _byAction.GetOrAdd(action, static (name, policies) => policies.ForAction(name), Policies);

    public static CallerAuthorization Of(Tx tx, Caller caller) => tx.ReadSnapshot is { } snapshot
        ? BySnapshot.GetValue(snapshot, ViewOf).Callers.GetOrAdd(caller, static (key, read) => new CallerAuthorization(read, key), tx)
        : new CallerAuthorization(tx, caller);

    /// <summary>The latest view when the snapshot differs from it only in the trail's collections (trail_…), else a new one.</summary>
    private static View ViewOf(Snapshot snapshot)
    {
        var latest = Volatile.Read(ref _latest);
        var view = latest is not null && snapshot.SameCollectionsAs(latest.Snapshot, IsTrailCollection) ? latest : new View(snapshot);
        Volatile.Write(ref _latest, view);
        return view;
    }

    private static bool IsTrailCollection(string name) => name.StartsWith("trail_", StringComparison.Ordinal);
}
