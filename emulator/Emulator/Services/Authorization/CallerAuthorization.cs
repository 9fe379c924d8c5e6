using System.Collections.Concurrent;
using Emulator.Core;
using Emulator.State;

namespace Emulator.Services.Authorization;

/// <summary>
/// What authorizing one caller needs that depends only on the state and the caller, built once per state: the
/// principal, its policies (identity, boundary, session, SCP levels), its aws:Principal* context keys, and those
/// policies narrowed to each action asked for. Kept per snapshot (reads do not change the state, and the event trail is
/// not part of it): any change makes a new snapshot whose first call builds afresh; a write's view is not a snapshot,
/// so a write builds its own, uncached.
/// </summary>
public sealed class CallerAuthorization
{
    /// <summary>The callers resolved against each state.</summary>
    private static readonly SnapshotMemo<Caller, CallerAuthorization> BySnapshot = new();

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

    public static CallerAuthorization Of(Tx tx, Caller caller) => BySnapshot.Get(tx, caller, static (read, key) => new CallerAuthorization(read, key));
}
