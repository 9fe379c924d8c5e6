using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Emulator.Protocol;

namespace Emulator.Auth;

/// <summary>
/// The aws-chunked body of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD request: <c>hex-size;chunk-signature=sig\r\n data \r\n</c>
/// … ending with a zero-size chunk. Each chunk is signed over the previous signature (the first over the request's).
/// </summary>
public static class AwsChunkedBody
{
    public const string StreamingPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    private static readonly string EmptyHash = SignatureVerifier.Hex(SHA256.HashData([]));

    /// <summary>What a chunk signature is computed with.</summary>
    public sealed record Signing(byte[] Key, string AmzDate, string Scope, string SeedSignature);

    public static bool IsChunked(HttpRequest request) => request.Headers["x-amz-content-sha256"] == StreamingPayload;

    /// <summary>The data of every chunk, in order; each chunk signature is checked when <paramref name="signing"/> is given.</summary>
    public static byte[] Decode(byte[] body, ServiceModel model, Signing? signing)
    {
        using var data = new MemoryStream();
        var previous = signing?.SeedSignature;
        var position = 0;
        while (true)
        {
            var lineEnd = IndexOfCrLf(body, position);
            if (lineEnd < 0) throw AuthErrors.MalformedChunkedBody(model);
            var header = Encoding.ASCII.GetString(body, position, lineEnd - position).Split(';', 2);
            var signature = header.Length == 2 && header[1].StartsWith("chunk-signature=", StringComparison.Ordinal) ? header[1]["chunk-signature=".Length..] : null;
            if (!int.TryParse(header[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0 ||
                size > body.Length - lineEnd - 2 || signature is null)
                throw AuthErrors.MalformedChunkedBody(model);
            var start = lineEnd + 2;
            var chunk = body.AsSpan(start, size);
            if (signing is not null)
            {
                var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256-PAYLOAD", signing.AmzDate, signing.Scope, previous, EmptyHash,
                    SignatureVerifier.Hex(SHA256.HashData(chunk)));
                var expected = SignatureVerifier.Hex(HMACSHA256.HashData(signing.Key, Encoding.UTF8.GetBytes(stringToSign)));
                if (!SignatureVerifier.SameHex(expected, signature)) throw AuthErrors.SignatureDoesNotMatch(model);
                previous = expected;
            }
            data.Write(chunk);
            position = start + size;
            if (size == 0) return data.ToArray();
            if (IndexOfCrLf(body, position) != position) throw AuthErrors.MalformedChunkedBody(model);
            position += 2;
        }
    }

    private static int IndexOfCrLf(byte[] body, int from)
    {
        var index = body.AsSpan(from).IndexOf("\r\n"u8);
        return index < 0 ? -1 : from + index;
    }
}
