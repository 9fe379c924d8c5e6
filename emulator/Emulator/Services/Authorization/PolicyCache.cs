using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Emulator.Services.Authorization;

/// <summary>
/// Parsed policies by their text, so a request does not re-parse the same documents. Keyed by the string instance
/// (the in-memory model and the embedded AWS managed policies hand out the same instance until a document changes),
/// so a lookup never hashes a large document such as ReadOnlyAccess; an entry lives as long as its text does.
/// </summary>
public static class PolicyCache
{
    private static readonly ConditionalWeakTable<string, ConcurrentDictionary<string, Policy?>> Parsed = new();

    /// <returns>The policy, or null when the text is not a valid policy (it then grants and denies nothing).</returns>
    public static Policy? Get(string json, string source) =>
        Parsed.GetValue(json, _ => new ConcurrentDictionary<string, Policy?>(StringComparer.Ordinal))
            .GetOrAdd(source, label => PolicyParser.TryParse(json, label, out var parsed, out _) ? parsed : null);
}
