namespace Emulator.Services.Organizations;

/// <summary>Organizations' paging: default page size 20 (the model's maximum MaxResults), opaque NextToken.</summary>
public static class Pages
{
    public const int DefaultSize = 20;

    public static Page<T> Of<T>(IEnumerable<T> ordered, Func<T, string> key, string? nextToken, int? maxResults) =>
        Paging.Slice(ordered, key, nextToken, maxResults ?? DefaultSize, OrganizationsErrors.InvalidNextToken);

    /// <summary>A sort key that orders by sequence, then id (fixed width, so ordinal order is numeric).</summary>
    public static string BySequence(long sequence, string id) => $"{sequence:D15}/{id}";
}
