using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Emulator.Services.Authorization;

/// <summary>
/// A parsed policy narrowed to the statements whose Action/NotAction matches one action, remembered per policy
/// instance and action: parsed policies are immutable and shared (<see cref="PolicyCache"/>), so a large document
/// such as ReadOnlyAccess is matched against an action once, not once per snapshot. An entry lives as long as its policy.
/// </summary>
public static class ActionStatements
{
    private static readonly ConditionalWeakTable<Policy, ConcurrentDictionary<string, Policy>> Narrowed = new();

    public static Policy Of(Policy policy, string action) =>
        Narrowed.GetValue(policy, static _ => new ConcurrentDictionary<string, Policy>(StringComparer.Ordinal))
            .GetOrAdd(action, static (name, whole) => whole with { Statements = [.. whole.Statements.Where(s => StatementMatcher.MatchesAction(s, name))] }, policy);
}
