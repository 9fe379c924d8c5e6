using Amazon.Runtime;
using Amazon.SecurityToken;

namespace Emulator.Tests.Support;

/// <summary>Real AWS SDK clients wired to the in-process emulator (no sockets): requests go through the test server's handler.</summary>
public static class SdkClients
{
    /// <param name="afterSigning">Runs on each signed request just before it is sent (tests that tamper with it).</param>
    public static AmazonSecurityTokenServiceClient Sts(EmulatorFactory factory, AWSCredentials credentials, Action<HttpRequestMessage>? afterSigning = null) =>
        new(credentials, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = "http://localhost",
            AuthenticationRegion = "us-east-1",
            HttpClientFactory = new InProcessHttpClientFactory(factory, afterSigning),
            MaxErrorRetry = 0,
        });

    public static AmazonSecurityTokenServiceClient Sts(EmulatorFactory factory, string accessKeyId, string secretAccessKey = "secret") =>
        Sts(factory, new BasicAWSCredentials(accessKeyId, secretAccessKey));

    public static AmazonSecurityTokenServiceClient Sts(EmulatorFactory factory, Amazon.SecurityToken.Model.Credentials credentials) =>
        Sts(factory, new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));

    private sealed class InProcessHttpClientFactory(EmulatorFactory factory, Action<HttpRequestMessage>? afterSigning) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
            new(new CanonicalUriHandler(factory.Server.CreateHandler(), afterSigning)) { BaseAddress = new Uri("http://localhost") };

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }

    /// <summary>
    /// The SDK builds request URIs with canonicalization disabled, which the in-process test server cannot read;
    /// re-parse them as ordinary URIs (the wire request is the same).
    /// </summary>
    private sealed class CanonicalUriHandler(HttpMessageHandler inner, Action<HttpRequestMessage>? afterSigning) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri) request.RequestUri = new Uri(uri.OriginalString);
            afterSigning?.Invoke(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
