using System.Collections.Concurrent;

namespace Emulator.Services.Authorization;

/// <summary>Parsed policies by their text, so a request does not re-parse the same documents (bounded: cleared when full).</summary>
public static class PolicyCache
{
    private const int Capacity = 20_000;
    private static readonly ConcurrentDictionary<(string Json, string Source), Policy?> Parsed = new();

    /// <returns>The policy, or null when the text is not a valid policy (it then grants and denies nothing).</returns>
    public static Policy? Get(string json, string source)
    {
        if (Parsed.TryGetValue((json, source), out var policy)) return policy;
        if (Parsed.Count >= Capacity) Parsed.Clear();
        policy = PolicyParser.TryParse(json, source, out var parsed, out _) ? parsed : null;
        Parsed[(json, source)] = policy;
        return policy;
    }
}
