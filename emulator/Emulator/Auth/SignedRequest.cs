using System.Globalization;
using Emulator.Protocol;

namespace Emulator.Auth;

/// <summary>The signature parts of a SigV4 request: its scope (date/region/service/aws4_request), signed headers, signature and date.</summary>
public sealed record SignedRequest(string Scope, string SignedHeaders, string Signature, string AmzDate, long? ExpiresSeconds)
{
    private static readonly string[] QueryParameters = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-Date", "X-Amz-SignedHeaders"];

    /// <summary>From <c>Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> and X-Amz-Date (or Date).</summary>
    public static SignedRequest FromHeader(HttpRequest request, ServiceModel model)
    {
        var authorization = request.Headers.Authorization.ToString();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var algorithm = authorization.Split(' ', 2)[0];
        foreach (var part in authorization[algorithm.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2) fields[pair[0]] = pair[1];
        }
        var date = DateOf(request);
        var missing = new List<string>();
        if (!fields.ContainsKey("Credential")) missing.Add("Authorization header requires 'Credential' parameter.");
        if (!fields.ContainsKey("Signature")) missing.Add("Authorization header requires 'Signature' parameter.");
        if (!fields.ContainsKey("SignedHeaders")) missing.Add("Authorization header requires 'SignedHeaders' parameter.");
        if (date is null) missing.Add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        if (missing.Count > 0) throw AuthErrors.IncompleteSignature(model, $"{string.Join(' ', missing)} Authorization={Clip(authorization)}");
        if (algorithm != SignatureVerifier.Algorithm)
            throw AuthErrors.IncompleteSignature(model, $"Unsupported AWS 'algorithm': '{Clip(algorithm)}'.");
        return new(ScopeOf(fields["Credential"]), fields["SignedHeaders"], fields["Signature"], date!, null);
    }

    /// <summary>From the X-Amz-* query parameters of a presigned URL.</summary>
    public static SignedRequest FromQuery(HttpRequest request, ServiceModel model)
    {
        var query = request.Query;
        var missing = QueryParameters.Where(name => string.IsNullOrEmpty(query[name])).ToList();
        if (missing.Count > 0)
            throw AuthErrors.IncompleteSignature(model,
                $"AWS query-string parameters must include {string.Join(", ", missing.Select(m => $"'{m}'"))}. Re-examine the query-string parameters.");
        if (query["X-Amz-Algorithm"] != SignatureVerifier.Algorithm)
            throw AuthErrors.IncompleteSignature(model, $"Unsupported AWS 'algorithm': '{Clip(query["X-Amz-Algorithm"].ToString())}'.");
        long? expires = long.TryParse(query["X-Amz-Expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
        return new(ScopeOf(query["X-Amz-Credential"].ToString()), query["X-Amz-SignedHeaders"].ToString(), query["X-Amz-Signature"].ToString(),
            query["X-Amz-Date"].ToString(), expires);
    }

    /// <summary>X-Amz-Date as sent, or an HTTP Date header in the same basic ISO-8601 form; null when neither is there.</summary>
    private static string? DateOf(HttpRequest request)
    {
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length > 0) return amzDate;
        return DateTimeOffset.TryParse(request.Headers.Date.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
            : null;
    }

    private static string ScopeOf(string credential) => credential.Contains('/') ? credential[(credential.IndexOf('/') + 1)..] : "";

    /// <summary>Errors never echo unbounded input.</summary>
    private static string Clip(string text) => text.Length <= 256 ? text : text[..256] + "…";
}
