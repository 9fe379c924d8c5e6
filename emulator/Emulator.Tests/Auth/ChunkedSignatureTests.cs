using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Util;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Emulator.Tests.Support;

namespace Emulator.Tests.Auth;

/// <summary>
/// STREAMING-AWS4-HMAC-SHA256-PAYLOAD bodies as the AWS SDK for .NET produces them (its AWS4Signer with chunk encoding
/// and its ChunkedUploadWrapperStream), sent to a JSON service: accepted when every chunk signature is right, refused
/// when a chunk was altered; decoded (not checked) without --verify-signatures.
/// </summary>
public sealed class ChunkedSignatureTests
{
    private const string Payload = "{\"MaxResults\":10}";

    /// <summary>The SDK's chunked request for sso-admin ListInstances (JSON protocol), as an HttpRequestMessage.</summary>
    private static HttpRequestMessage ChunkedRequest(string secret, Func<byte[], byte[]>? tamper = null)
    {
        var request = SdkSigning.Request("sso", Encoding.UTF8.GetBytes(Payload));
        request.UseChunkEncoding = true;
        request.Headers["X-Amz-Target"] = "SWBExternalService.ListInstances";
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        request.Headers["Content-Encoding"] = "aws-chunked";
        // The SDK's own chunk signer; its constructor is internal (S3 PutObject uses it), hence reflection. It needs the
        // seed signature, so the body is chunked after signing and the message's content replaced.
        var (message, result) = SdkSigning.Sign(request, "111111111111", secret, []);
        using var chunked = (ChunkedUploadWrapperStream)Activator.CreateInstance(typeof(ChunkedUploadWrapperStream),
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public, null,
            [new MemoryStream(Encoding.UTF8.GetBytes(Payload)), 8192, result], null)!;
        using var body = new MemoryStream();
        chunked.CopyTo(body);
        var bytes = tamper?.Invoke(body.ToArray()) ?? body.ToArray();
        var headers = message.Content!.Headers.ToList();
        message.Content = new ByteArrayContent(bytes);
        foreach (var (name, values) in headers) message.Content.Headers.TryAddWithoutValidation(name, values);
        return message;
    }

    private static byte[] AlterTheData(byte[] body)
    {
        var text = Encoding.ASCII.GetString(body);
        var index = text.IndexOf("MaxResults", StringComparison.Ordinal);
        body[index] = (byte)'X';
        return body;
    }

    [Fact]
    public async Task A_chunked_body_signed_by_the_sdk_is_accepted_and_an_altered_chunk_is_refused()
    {
        using var factory = new EmulatorFactory(new Dictionary<string, string> { ["Emulator:VerifySignatures"] = "true" });
        var http = factory.CreateClient();

        var good = await http.SendAsync(ChunkedRequest("test"));
        (await good.Content.ReadAsStringAsync()).Should().Contain("\"Instances\"");
        good.StatusCode.Should().Be(HttpStatusCode.OK);

        var altered = await http.SendAsync(ChunkedRequest("test", AlterTheData));
        altered.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        altered.Headers.GetValues("x-amzn-ErrorType").Single().Should().Be("InvalidSignatureException");

        var wrongSecret = await http.SendAsync(ChunkedRequest("not-the-secret"));
        wrongSecret.Headers.GetValues("x-amzn-ErrorType").Single().Should().Be("InvalidSignatureException");
    }

    [Fact]
    public async Task Without_verification_a_chunked_body_is_decoded_and_a_malformed_one_is_a_clean_400()
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();

        (await http.SendAsync(ChunkedRequest("anything"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var malformed = await http.SendAsync(ChunkedRequest("anything", body => Encoding.ASCII.GetBytes("FFFFFFFFFFFFFFFF;chunk-signature=00\r\n")));
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        malformed.Headers.GetValues("x-amzn-ErrorType").Single().Should().Be("IncompleteSignatureException");
    }
}
