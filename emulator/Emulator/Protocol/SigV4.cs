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

    /// <summary>From the Authorization header, or from X-Amz-Credential for a presigned URL; null when the request is unsigned.</summary>
    public static SigV4Credential? From(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        var inQuery = false;
        if (authorization.Length == 0 && request.Query.TryGetValue("X-Amz-Credential", out var presigned))
        {
            authorization = "Credential=" + presigned;
            inQuery = true;
        }
        if (Scope(authorization) is not var (key, region, service)) return null;
        var token = request.Headers[SessionTokenName].ToString();
        if (token.Length == 0) token = request.Query[SessionTokenName].ToString();
        return new SigV4Credential(key, region, service)
        {
            SessionToken = token.Length == 0 ? null : token,
            InQuery = inQuery,
        };
    }

    /// <summary>
    /// The first <c>Credential=KEY/YYYYMMDD/REGION/SERVICE/aws4_request</c> in the text (the key holds no '/', ',' or
    /// white space; the date is 8 digits; region and service are not empty), as the regular expression
    /// <c>Credential=([^/,\s]+)/\d{8}/([^/]+)/([^/]+)/aws4_request</c> finds it.
    /// </summary>
    private static (string Key, string Region, string Service)? Scope(string text)
    {
        for (var at = text.IndexOf(ScopeMarker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(ScopeMarker, at + 1, StringComparison.Ordinal))
        {
            var rest = text.AsSpan(at + ScopeMarker.Length);
            var key = 0;
            while (key < rest.Length && rest[key] != '/' && rest[key] != ',' && !char.IsWhiteSpace(rest[key])) key++;
            if (key == 0 || key == rest.Length || rest[key] != '/') continue;
            var date = rest[(key + 1)..];
            if (date.Length < 9 || date[8] != '/' || !AllDigits(date[..8])) continue;
            var scope = date[9..];
            var region = scope.IndexOf('/');
            if (region <= 0) continue;
            var afterRegion = scope[(region + 1)..];
            var service = afterRegion.IndexOf('/');
            if (service <= 0 || !afterRegion[(service + 1)..].StartsWith("aws4_request", StringComparison.Ordinal)) continue;
            return (rest[..key].ToString(), scope[..region].ToString(), afterRegion[..service].ToString());
        }
        return null;
    }

    /// <summary>Regex's \d: any Unicode decimal digit.</summary>
    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (!char.IsDigit(c)) return false;
        return true;
    }
}
