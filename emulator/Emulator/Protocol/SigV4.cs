namespace Emulator.Protocol;

/// <summary>
/// The credential scope of a SigV4-signed request: whose key signed it, for which region and service, and the session
/// token sent with temporary credentials (X-Amz-Security-Token header or query parameter). Signatures are checked
/// elsewhere (Auth/SignatureVerifier), only in strict mode.
/// </summary>
public sealed record SigV4Credential(string AccessKeyId, string Region, string Service)
{
    public const string SessionTokenName = "X-Amz-Security-Token";

    private const string ScopeMarker = "Credential=";

    public string? SessionToken { get; init; }

    /// <summary>True when the credential came from the query string (X-Amz-Credential, a presigned URL).</summary>
    public bool InQuery { get; init; }

    /// <summary>
    /// The last credential read from an Authorization header without a session token: SDKs sign request after request
    /// with one key for one region and service, so its strings (and the record, which is immutable) are used again.
    /// </summary>
    private static SigV4Credential? _lastSigned;

    /// <summary>From the Authorization header, or from X-Amz-Credential for a presigned URL; null when the request is unsigned.</summary>
    public static SigV4Credential? From(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        var inQuery = false;
        if (authorization.Length == 0 && request.QueryString.HasValue && request.Query.TryGetValue("X-Amz-Credential", out var presigned))
        {
            authorization = "Credential=" + presigned;
            inQuery = true;
        }
        if (!TryScope(authorization, out var key, out var region, out var service)) return null;
        var token = request.Headers[SessionTokenName].ToString();
        if (token.Length == 0 && request.QueryString.HasValue) token = request.Query[SessionTokenName].ToString();
        if (token.Length > 0 || inQuery)
            return new SigV4Credential(authorization[key], authorization[region], authorization[service])
            {
                SessionToken = token.Length == 0 ? null : token,
                InQuery = inQuery,
            };
        if (_lastSigned is { } last && authorization.AsSpan(key).SequenceEqual(last.AccessKeyId)
            && authorization.AsSpan(region).SequenceEqual(last.Region) && authorization.AsSpan(service).SequenceEqual(last.Service))
            return last;
        return _lastSigned = new SigV4Credential(authorization[key], authorization[region], authorization[service]);
    }

    /// <summary>
    /// The first <c>Credential=KEY/YYYYMMDD/REGION/SERVICE/aws4_request</c> in the text (the key holds no '/', ',' or
    /// white space; the date is 8 digits; region and service are not empty), as the regular expression
    /// <c>Credential=([^/,\s]+)/\d{8}/([^/]+)/([^/]+)/aws4_request</c> finds it.
    /// </summary>
    private static bool TryScope(string text, out Range key, out Range region, out Range service)
    {
        for (var at = text.IndexOf(ScopeMarker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(ScopeMarker, at + 1, StringComparison.Ordinal))
        {
            var keyStart = at + ScopeMarker.Length;
            var keyEnd = keyStart;
            while (keyEnd < text.Length && text[keyEnd] != '/' && text[keyEnd] != ',' && !char.IsWhiteSpace(text[keyEnd])) keyEnd++;
            if (keyEnd == keyStart || keyEnd == text.Length || text[keyEnd] != '/') continue;
            var date = text.AsSpan(keyEnd + 1);
            if (date.Length < 9 || date[8] != '/' || !AllDigits(date[..8])) continue;
            var regionStart = keyEnd + 10;
            var regionLength = text.AsSpan(regionStart).IndexOf('/');
            if (regionLength <= 0) continue;
            var serviceStart = regionStart + regionLength + 1;
            var serviceLength = text.AsSpan(serviceStart).IndexOf('/');
            if (serviceLength <= 0 || !text.AsSpan(serviceStart + serviceLength + 1).StartsWith("aws4_request", StringComparison.Ordinal)) continue;
            key = keyStart..keyEnd;
            region = regionStart..(regionStart + regionLength);
            service = serviceStart..(serviceStart + serviceLength);
            return true;
        }
        key = region = service = default;
        return false;
    }

    /// <summary>Regex's \d: any Unicode decimal digit.</summary>
    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (!char.IsDigit(c)) return false;
        return true;
    }
}
