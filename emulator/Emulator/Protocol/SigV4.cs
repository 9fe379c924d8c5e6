using System.Text.RegularExpressions;

namespace Emulator.Protocol;

/// <summary>
/// The credential scope of a SigV4-signed request: whose key signed it, for which region and service, and the session
/// token sent with temporary credentials (X-Amz-Security-Token header or query parameter). Signatures are checked
/// elsewhere (Auth/SignatureVerifier), only in strict mode.
/// </summary>
public sealed partial record SigV4Credential(string AccessKeyId, string Region, string Service)
{
    public const string SessionTokenName = "X-Amz-Security-Token";

    // Source-generated: no Reflection.Emit compiling the pattern at the first request.
    [GeneratedRegex(@"Credential=(?<key>[^/,\s]+)/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request")]
    private static partial Regex Scope { get; }

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
        var match = Scope.Match(authorization);
        if (!match.Success) return null;
        var token = request.Headers[SessionTokenName].ToString();
        if (token.Length == 0) token = request.Query[SessionTokenName].ToString();
        return new SigV4Credential(match.Groups["key"].Value, match.Groups["region"].Value, match.Groups["service"].Value)
        {
            SessionToken = token.Length == 0 ? null : token,
            InQuery = inQuery,
        };
    }
}
