using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

/// <summary>One request as wrk sends it (call.lua): a POST / signed by the key "test".</summary>
public sealed record InProcessRequest(string Service, string ContentType, string? Target, string Body);

/// <summary>
/// An <see cref="IServer"/> without sockets: <see cref="Send"/> runs one request through the application's pipeline
/// with the features Kestrel would give it, so what is measured is the emulator's own work per request.
/// </summary>
public sealed class InProcessServer : IServer
{
    private Func<IFeatureCollection, Task>? _send;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        _send = async features =>
        {
            var context = application.CreateContext(features);
            Exception? failure = null;
            try { await application.ProcessRequestAsync(context); }
            catch (Exception error) { failure = error; throw; }
            finally { application.DisposeContext(context, failure); }
        };
        return Task.CompletedTask;
    }

    public async Task<(int Status, byte[] Body)> Send(InProcessRequest request)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(request.Body);
        var headers = new HeaderDictionary
        {
            ["Host"] = "127.0.0.1:4566",
            ["Authorization"] = $"AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/{request.Service}/aws4_request, SignedHeaders=host, Signature=0",
            ["Content-Type"] = request.ContentType,
            ["Content-Length"] = body.Length.ToString(),
        };
        if (request.Target is not null) headers["X-Amz-Target"] = request.Target;
        var answer = new MemoryStream();
        var response = new HttpResponseFeature { Body = answer };
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = "POST", Scheme = "http", Path = "/", PathBase = "", QueryString = "", RawTarget = "/", Protocol = "HTTP/1.1",
            Headers = headers, Body = new MemoryStream(body),
        });
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(answer));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { RemoteIpAddress = IPAddress.Loopback, LocalIpAddress = IPAddress.Loopback });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature());
        await _send!(features);
        return (response.StatusCode, answer.ToArray());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() { }
}
