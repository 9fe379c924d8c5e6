using System.Text.RegularExpressions;

namespace Emulator.Protocol;

/// <summary>The credential scope of a SigV4-signed request: whose key signed it, for which region and service. Signatures are not verified.</summary>
public sealed record SigV4Credential(string AccessKeyId, string Region, string Service)
{
    private static readonly Regex Scope = new(
        @"Credential=(?<key>[^/,\s]+)/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request", RegexOptions.Compiled);

    /// <summary>From the Authorization header, or from X-Amz-Credential for a presigned URL; null when the request is unsigned.</summary>
    public static SigV4Credential? From(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0 && request.Query.TryGetValue("X-Amz-Credential", out var presigned))
            authorization = "Credential=" + presigned;
        var match = Scope.Match(authorization);
        return match.Success
            ? new SigV4Credential(match.Groups["key"].Value, match.Groups["region"].Value, match.Groups["service"].Value)
            : null;
    }
}
