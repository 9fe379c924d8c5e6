using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Emulator.Hosting;
using Emulator.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests;

/// <summary>Bad input is a 4xx in the caller's protocol; any failure is the protocol's InternalFailure, never an empty 500.</summary>
public sealed class InputBoundaryTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<AwsAnswer> OrganizationsRaw(byte[] body) => Raw(body, "AWSOrganizationsV20161128.DescribeOrganization");

    private async Task<AwsAnswer> Raw(byte[] body, string target)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0");
        var response = await _factory.CreateClient().SendAsync(request);
        return new AwsAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Theory]
    [InlineData("{\"ServicePrincipal\":\"a\\ud800b\"}")]
    [InlineData("{\"ServicePrincipal\":\"a\\udc00\"}")]
    [InlineData("{\"ServicePrincipal\":\"a\",\"ServicePrincipal\":\"b\"}")]
    [InlineData("{\"ServicePrincipal\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}")]
    public async Task Lone_surrogates_duplicated_keys_and_deep_nesting_are_SerializationException(string json)
    {
        var answer = await Raw(Encoding.UTF8.GetBytes(json), "AWSOrganizationsV20161128.EnableAWSServiceAccess");
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("SerializationException");
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_json_string_is_SerializationException()
    {
        byte[] body = [.. "{\"ServicePrincipal\":\"a"u8.ToArray(), 0xC3, 0x28, 0xFF, .. "\"}"u8.ToArray()];
        var answer = await OrganizationsRaw(body);
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("SerializationException");
    }

    [Fact]
    public async Task Control_characters_echoed_by_IAM_are_escaped_and_the_xml_stays_well_formed()
    {
        var answer = await _factory.Client().Iam("GetRole", ("RoleName", "bad\u0001name\u0000"));
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("ValidationError");
        answer.ErrorMessage.Should().Contain("bad\\u0001name\\u0000");
    }

    [Fact]
    public async Task Errors_echo_at_most_a_bounded_part_of_the_input()
    {
        var answer = await _factory.Client().Iam("GetRole", ("RoleName", new string('r', 100_000)));
        answer.ErrorCode.Should().Be("ValidationError");
        answer.Body.Length.Should().BeLessThan(2_000);
    }

    [Fact]
    public async Task A_rest_json_request_to_an_unknown_path_or_method_answers_in_rest_json()
    {
        var http = _factory.CreateClient();
        foreach (var request in new[] { new HttpRequestMessage(HttpMethod.Get, "/federation/nothing"), new HttpRequestMessage(HttpMethod.Delete, "/token") })
        {
            var response = await http.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
            response.Headers.GetValues("x-amzn-ErrorType").Single().Should().Be("UnknownOperationException");
        }
    }

    [Fact]
    public async Task NotImplemented_in_the_query_protocol_is_a_Receiver_fault()
    {
        var answer = await _factory.Client().Iam("ListServerCertificates");
        answer.Status.Should().Be(HttpStatusCode.NotImplemented);
        answer.XmlValue("Type").Should().Be("Receiver");
    }

    [Fact]
    public async Task Portal_forms_with_another_content_type_or_oversized_fields_are_4xx_pages()
    {
        var http = _factory.CreateClient();
        var json = await http.PostAsync("/start/setup", new StringContent("{\"accountId\":\"1\"}", Encoding.UTF8, "application/json"));
        json.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        json.Content.Headers.ContentType!.MediaType.Should().Be("text/html");

        var oversized = await http.PostAsync("/start/setup", new FormUrlEncodedContent([new("accountId", new string('1', 10_000))]));
        oversized.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await oversized.Content.ReadAsStringAsync()).Should().Contain("id=\"error-page\"");
    }

    [Fact]
    public async Task Control_plane_bodies_are_capped_before_parsing()
    {
        var http = _factory.CreateClient();
        var huge = "{\"accountId\":\"" + new string('1', 5 * 1024 * 1024) + "\"}";
        var response = await http.PostAsync("/_emulator/sso/setup", new StringContent(huge, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Length.Should().BeLessThan(1_000);
    }

    [Fact]
    public async Task Any_unexpected_failure_is_the_protocols_InternalFailure_or_a_problem_or_an_error_page()
    {
        using var failing = _factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FailingClock())));
        var client = new AwsClient(failing.CreateClient(), "test");

        var json = await client.Organizations("DescribeOrganization");
        json.Status.Should().Be(HttpStatusCode.InternalServerError);
        json.ErrorCode.Should().Be("InternalFailure");

        var xml = await client.Sts("GetCallerIdentity");
        xml.Status.Should().Be(HttpStatusCode.InternalServerError);
        xml.Xml.Name.LocalName.Should().Be("ErrorResponse");
        xml.XmlValue("Code").Should().Be("InternalFailure");
        xml.XmlValue("Type").Should().Be("Receiver");

        var rest = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/client/register")
            { Content = new StringContent("{\"clientName\":\"a\",\"clientType\":\"public\"}", Encoding.UTF8, "application/json") });
        rest.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        rest.Headers.GetValues("x-amzn-ErrorType").Single().Should().Be("InternalFailure");

        var controlPlane = await client.Http.PostAsync("/_emulator/sso/setup", new StringContent("{\"accountId\":\"111111111111\"}", Encoding.UTF8, "application/json"));
        controlPlane.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        controlPlane.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await controlPlane.Content.ReadAsStringAsync()).Should().Contain("\"requestId\"");
    }

    [Fact]
    public async Task An_absurd_chunk_size_is_a_4xx_and_the_server_keeps_answering()
    {
        await using var emulator = await EmulatorServer.StartAsync();
        using var socket = new TcpClient();
        await socket.ConnectAsync(emulator.Endpoint.Host, emulator.Endpoint.Port);
        var stream = socket.GetStream();
        var request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AWSOrganizationsV20161128.DescribeOrganization\r\n" +
            "Content-Type: application/x-amz-json-1.1\r\nTransfer-Encoding: chunked\r\n" +
            "Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0\r\n\r\n" +
            "FFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        var answer = Encoding.ASCII.GetString(buffer, 0, read);
        answer.Should().StartWith("HTTP/1.1 4");

        using var http = new HttpClient { BaseAddress = emulator.Endpoint };
        (await http.GetAsync("/_emulator/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_one_megabyte_form_with_41000_list_members_parses_in_linear_time()
    {
        var fields = new StringBuilder("Action=TagRole&Version=2010-05-08&RoleName=r");
        for (var i = 1; i <= 41_000; i++) fields.Append("&Tags.member.").Append(i).Append(".Key=k");
        var body = fields.ToString();
        body.Length.Should().BeGreaterThan(900_000);

        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0");
        var response = await _factory.CreateClient().SendAsync(request);
        clock.Stop();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest); // 41,000 tags is over the model's 50
        Console.WriteLine($"1 MB form with 41,000 list members answered in {clock.ElapsedMilliseconds} ms");
        // The quadratic parser took ~50 s of CPU for this body; linear parsing takes well under a second on an idle machine.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
    }

    private sealed class FailingClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("clock failure (test)");
    }
}
