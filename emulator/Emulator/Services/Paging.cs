using System.Text;
using Emulator.Core;

namespace Emulator.Services;

/// <summary>One page of a list ordered by a stable key, and the opaque token for the next page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);

public static class Paging
{
    /// <param name="ordered">Items sorted by <paramref name="key"/>; the token remembers the last key served.</param>
    /// <param name="invalidToken">The service's error for a token it did not issue.</param>
    public static Page<T> Slice<T>(IEnumerable<T> ordered, Func<T, string> key, string? token, int pageSize, Func<AwsException> invalidToken)
    {
        var after = token is null ? null : Decode(token) ?? throw invalidToken();
        var remaining = after is null ? ordered : ordered.SkipWhile(item => string.CompareOrdinal(key(item), after) <= 0);
        return Cut([.. remaining.Take(pageSize + 1)], key, pageSize);
    }

    /// <summary>
    /// As <see cref="Slice{T}"/>, for a source that can start after a key by itself (an index's binary search):
    /// <paramref name="fetchAfter"/>(last key served or null, count) answers the next items in key order.
    /// </summary>
    public static Page<T> SliceAfter<T>(Func<string?, int, IReadOnlyList<T>> fetchAfter, Func<T, string> key, string? token, int pageSize, Func<AwsException> invalidToken)
    {
        var after = token is null ? null : Decode(token) ?? throw invalidToken();
        return Cut(fetchAfter(after, pageSize + 1), key, pageSize);
    }

    /// <param name="fetched">Up to one item more than a page: the extra one says there is a next page.</param>
    private static Page<T> Cut<T>(IReadOnlyList<T> fetched, Func<T, string> key, int pageSize)
    {
        if (fetched.Count <= pageSize) return new Page<T>(fetched, null);
        var page = fetched.Take(pageSize).ToArray();
        return new Page<T>(page, Encode(key(page[^1])));
    }

    private static string Encode(string lastKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + lastKey));

    private static string? Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("after:", StringComparison.Ordinal) ? text["after:".Length..] : null;
        }
        catch (FormatException) { return null; }
    }
}
