using System.Net;
using System.Text;
using Emulator.ClientTests.Support;
using Emulator.Hosting;

namespace Emulator.ClientTests;

/// <summary>
/// Many requests at once against a freshly started emulator, the way a load tool or a parallel test suite sends them:
/// every one must be answered as AWS would, never with InternalFailure.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Parallel = 64;

    private static HttpRequestMessage OrganizationsCall(Uri endpoint, string operation, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"AWSOrganizationsV20161128.{operation}");
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0");
        return request;
    }

    [Fact]
    public async Task Concurrent_first_reads_on_a_freshly_started_emulator_all_succeed()
    {
        // A cold-start race shows only sometimes, so try several freshly started emulators.
        for (var round = 1; round <= 25; round++)
        {
            var dataPath = Path.Combine(Path.GetTempPath(), $"client-tests-concurrency-{Guid.NewGuid():N}.db");
            try
            {
                await using var emulator = await EmulatorServer.StartAsync(dataPath);
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Parallel });
                foreach (var (op, body) in new[] { ("CreateOrganization", """{"FeatureSet":"ALL"}"""), ("EnableAWSServiceAccess", """{"ServicePrincipal":"sso.amazonaws.com"}""") })
                    (await http.SendAsync(OrganizationsCall(emulator.Endpoint, op, body))).StatusCode.Should().Be(HttpStatusCode.OK);

                var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var calls = Enumerable.Range(0, Parallel).Select(async _ =>
                {
                    await go.Task;
                    using var response = await http.SendAsync(OrganizationsCall(emulator.Endpoint, "ListAWSServiceAccessForOrganization", "{}"));
                    return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }).ToList();
                go.SetResult();
                var answers = await Task.WhenAll(calls);

                answers.Where(a => !a.StartsWith("200 ", StringComparison.Ordinal)).Should().BeEmpty(
                    "round {0}: all {1} concurrent ListAWSServiceAccessForOrganization calls should succeed", round, Parallel);
            }
            finally
            {
                foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(dataPath) + "*"))
                    File.Delete(file);
            }
        }
    }
}
