using System.Text;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Emulator.Tests.Support;

/// <summary>Requests signed by the AWS SDK for .NET's own SigV4 signer (AWS4Signer), for emulators that verify signatures.</summary>
public static class SdkSigning
{
    /// <summary>A Query-protocol call (IAM, STS) as a form post, signed with the key and secret for <paramref name="signingService"/>.</summary>
    public static HttpRequestMessage Query(string signingService, string accessKeyId, string secret, IReadOnlyDictionary<string, string> form)
    {
        var body = Encoding.UTF8.GetBytes(string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
        var request = Request(signingService, body);
        request.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        return Sign(request, accessKeyId, secret, body).Message;
    }

    /// <summary>An SDK request for the emulator's root path with this body (the signer reads it from ContentStream).</summary>
    public static DefaultRequest Request(string signingService, byte[] body) =>
        new(new GetCallerIdentityRequest(), signingService)
        {
            Endpoint = new Uri("http://localhost"),
            ResourcePath = "/",
            HttpMethod = "POST",
            ContentStream = new MemoryStream(body),
            OverrideSigningServiceName = signingService,
            AuthenticationRegion = "us-east-1",
        };

    /// <summary>Signs the request (Authorization header) and copies it, with <paramref name="wireBody"/>, into an HttpRequestMessage.</summary>
    public static (HttpRequestMessage Message, AWS4SigningResult Signature) Sign(DefaultRequest request, string accessKeyId, string secret, byte[] wireBody)
    {
        var config = new AmazonSecurityTokenServiceConfig { ServiceURL = "http://localhost", AuthenticationRegion = "us-east-1" };
        var result = new AWS4Signer().SignRequest(request, config, null, accessKeyId, secret);
        request.Headers["Authorization"] = result.ForAuthorizationHeader;
        var message = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(wireBody) };
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return (message, result);
    }
}
