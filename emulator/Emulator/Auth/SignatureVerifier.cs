using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Emulator.Protocol;

namespace Emulator.Auth;

/// <summary>
/// Checks a SigV4 signature the way AWS does (strict mode): the canonical request from the method, path, query,
/// signed headers and payload hash; the string to sign over the request date and credential scope; the signing key
/// derived from the secret. Header (Authorization) and query-string (X-Amz-*) forms; an aws-chunked body
/// (STREAMING-AWS4-HMAC-SHA256-PAYLOAD) has every chunk's signature checked and is returned decoded.
/// </summary>
public static class SignatureVerifier
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const int MaxSkewMinutes = 5;
    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <returns>The payload the request carries (the decoded data of an aws-chunked body).</returns>
    public static byte[] Verify(HttpRequest request, byte[] body, SigV4Credential credential, string secret, ServiceModel model, DateTimeOffset now)
    {
        var signed = credential.InQuery ? SignedRequest.FromQuery(request, model) : SignedRequest.FromHeader(request, model);
        CheckDate(signed, model, now);

        var payloadHash = request.Headers["x-amz-content-sha256"].ToString();
        var chunked = payloadHash == AwsChunkedBody.StreamingPayload;
        if (payloadHash.Length == 0) payloadHash = Hex(SHA256.HashData(body));
        else if (!chunked && payloadHash != "UNSIGNED-PAYLOAD" && payloadHash != Hex(SHA256.HashData(body)))
            throw AuthErrors.SignatureDoesNotMatch(model, "The provided 'x-amz-content-sha256' header does not match what was computed.");

        var canonical = string.Join('\n', request.Method, CanonicalUri(request), CanonicalQuery(request, credential.InQuery),
            CanonicalHeaders(request, signed.SignedHeaders), signed.SignedHeaders, payloadHash);
        var stringToSign = string.Join('\n', Algorithm, signed.AmzDate, signed.Scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var key = SigningKey(secret, signed.Scope);
        if (!SameHex(Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign))), signed.Signature))
            throw AuthErrors.SignatureDoesNotMatch(model);

        return chunked ? AwsChunkedBody.Decode(body, model, new AwsChunkedBody.Signing(key, signed.AmzDate, signed.Scope, signed.Signature)) : body;
    }

    private static void CheckDate(SignedRequest signed, ServiceModel model, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParseExact(signed.AmzDate, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            throw AuthErrors.IncompleteSignature(model, $"Date must be in ISO-8601 'basic format'. Got '{signed.AmzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        var scopeDate = signed.Scope.Split('/')[0];
        if (scopeDate != signed.AmzDate[..8])
            throw AuthErrors.SignatureDoesNotMatch(model,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scopeDate}' != '{signed.AmzDate[..8]}', from '{signed.AmzDate}'.");
        var skew = TimeSpan.FromMinutes(MaxSkewMinutes);
        if (date < now - skew)
            throw AuthErrors.SignatureExpired(model, signed.AmzDate, Format(now - skew), Format(now), MaxSkewMinutes);
        if (date > now + skew)
            throw AuthErrors.SignatureNotYetCurrent(model, signed.AmzDate, Format(now + skew), Format(now), MaxSkewMinutes);
        if (signed.ExpiresSeconds is { } expires && now > date.AddSeconds(expires)) throw AuthErrors.RequestExpired();
    }

    /// <summary>The path as the SDKs sign it for every service but S3: each segment URI-encoded twice.</summary>
    private static string CanonicalUri(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).Value;
        if (string.IsNullOrEmpty(path)) return "/";
        return string.Join('/', path.Split('/').Select(segment => UriEncode(UriEncode(segment))));
    }

    private static string CanonicalQuery(HttpRequest request, bool inQuery)
    {
        var raw = request.QueryString.Value ?? "";
        var pairs = raw.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Key: Uri.UnescapeDataString(parts[0]), Value: parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : ""))
            .Where(p => !(inQuery && p.Key == "X-Amz-Signature"))
            .Select(p => (Key: UriEncode(p.Key), Value: UriEncode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    private static string CanonicalHeaders(HttpRequest request, string signedHeaders)
    {
        var builder = new StringBuilder();
        foreach (var name in signedHeaders.Split(';'))
        {
            var values = name == "host" ? [request.Host.Value ?? ""] : request.Headers[name].Select(v => v ?? "").ToArray();
            builder.Append(name).Append(':').Append(string.Join(',', values.Select(Trim))).Append('\n');
        }
        return builder.ToString();
    }

    private static string Trim(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static byte[] SigningKey(string secret, string scope)
    {
        var key = Encoding.UTF8.GetBytes("AWS4" + secret);
        foreach (var part in scope.Split('/')) key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        return key;
    }

    /// <summary>RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ as %XX of the UTF-8 bytes.</summary>
    public static string UriEncode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static bool SameHex(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
}
