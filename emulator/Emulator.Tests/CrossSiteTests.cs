using System.Net;
using System.Text;
using Emulator.Hosting;
using Emulator.Tests.Support;

namespace Emulator.Tests;

/// <summary>Web pages cannot reach the emulator: Host must be loopback or configured; cross-site browser requests are refused.</summary>
public sealed class CrossSiteTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_request_addressed_to_another_host_name_is_refused_so_dns_rebinding_cannot_read_state()
    {
        var http = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_emulator/state");
        request.Headers.Host = "attacker.example";
        var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("organizations");

        (await http.GetAsync("/_emulator/state")).StatusCode.Should().Be(HttpStatusCode.OK); // Host: localhost
    }

    [Fact]
    public async Task A_text_plain_post_to_the_control_plane_cannot_reset_the_state()
    {
        var management = _factory.Client("111111111111");
        await management.CreateOrganization();
        var response = await _factory.CreateClient().PostAsync("/_emulator/reset", new StringContent("x", Encoding.UTF8, "text/plain"));
        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await management.Organizations("DescribeOrganization")).EnsureSuccess();
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task Browser_requests_from_another_site_are_refused_in_the_callers_protocol(string header, string value)
    {
        var http = _factory.CreateClient();
        using var iam = new HttpRequestMessage(HttpMethod.Post, "/?X-Amz-Credential=test/20260101/us-east-1/iam/aws4_request")
        {
            Content = new FormUrlEncodedContent([new("Action", "ListRoles"), new("Version", "2010-05-08")]),
        };
        iam.Headers.TryAddWithoutValidation(header, value);
        var answer = await http.SendAsync(iam);
        answer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await answer.Content.ReadAsStringAsync()).Should().Contain("<Code>AccessDenied</Code>");

        using var reset = new HttpRequestMessage(HttpMethod.Post, "/_emulator/reset");
        reset.Headers.TryAddWithoutValidation(header, value);
        (await http.SendAsync(reset)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Same_origin_browser_requests_and_configured_hosts_are_accepted()
    {
        var http = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_emulator/health");
        request.Headers.TryAddWithoutValidation("Origin", "http://127.0.0.1:4599");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        (await http.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
        using var portalPost = new HttpRequestMessage(HttpMethod.Get, "/_emulator/health");
        portalPost.Headers.TryAddWithoutValidation("Origin", "null"); // the portal's own posts (Referrer-Policy: no-referrer)
        portalPost.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        (await http.SendAsync(portalPost)).StatusCode.Should().Be(HttpStatusCode.OK);

        var options = new EmulatorOptions { Host = "0.0.0.0", AllowedHosts = ["emulator"] };
        CrossSiteGuard.IsAllowedHost("emulator", options).Should().BeTrue();
        CrossSiteGuard.IsAllowedHost("[::1]", options).Should().BeTrue();
        CrossSiteGuard.IsAllowedHost("127.0.0.2", options).Should().BeTrue();
        CrossSiteGuard.IsAllowedHost("192.168.1.10", options).Should().BeFalse();
        CrossSiteGuard.IsAllowedHost("anything", options with { AllowedHosts = ["*"] }).Should().BeTrue();
    }

    [Fact]
    public async Task Control_plane_fields_have_model_like_limits()
    {
        var management = _factory.Client("111111111111");
        await management.CreateOrganization();
        var http = _factory.CreateClient();
        var setup = await http.PostAsync("/_emulator/sso/setup", new StringContent("{\"accountId\":\"111111111111\"}", Encoding.UTF8, "application/json"));
        var store = System.Text.Json.Nodes.JsonNode.Parse(await setup.Content.ReadAsStringAsync())!["identityStoreId"]!.ToString();

        foreach (var (name, password) in new[] { ("bad\u0001name", "pw"), (new string('u', 129), "pw"), ("alice", new string('p', 257)) })
        {
            var body = System.Text.Json.JsonSerializer.Serialize(new { identityStoreId = store, userName = name, password });
            var response = await http.PostAsync("/_emulator/sso/users", new StringContent(body, Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }
    }
}
