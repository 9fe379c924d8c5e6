using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Support;

namespace Emulator.Tests.Oidc;

/// <summary>restJson1 routing and envelopes for the unsigned sso-oidc and sso portal operations, and the control plane's documentation.</summary>
public sealed class RestJsonWireTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static async Task<(HttpStatusCode Status, string? ErrorType, JsonObject Body)> Send(HttpClient http, HttpRequestMessage request)
    {
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.Single() : null;
        return (response.StatusCode, errorType, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }

    [Fact]
    public async Task A_malformed_oidc_body_is_InvalidRequestException_in_the_oauth_envelope()
    {
        var (status, errorType, body) = await Send(_factory.CreateClient(),
            new HttpRequestMessage(HttpMethod.Post, "/client/register") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") });
        status.Should().Be(HttpStatusCode.BadRequest);
        errorType.Should().Be("InvalidRequestException");
        ((string)body["error"]!).Should().Be("invalid_request");
    }

    [Fact]
    public async Task A_missing_required_oidc_member_is_InvalidRequestException_naming_it()
    {
        var (status, errorType, body) = await Send(_factory.CreateClient(),
            new HttpRequestMessage(HttpMethod.Post, "/client/register") { Content = new StringContent("{\"clientName\":\"x\"}", Encoding.UTF8, "application/json") });
        status.Should().Be(HttpStatusCode.BadRequest);
        errorType.Should().Be("InvalidRequestException");
        ((string)body["error_description"]!).Should().Contain("clientType");
    }

    [Fact]
    public async Task A_portal_query_parameter_of_the_wrong_type_is_InvalidRequestException()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/assignment/accounts?max_result=lots");
        request.Headers.Add("x-amz-sso_bearer_token", "whatever");
        var (status, errorType, body) = await Send(_factory.CreateClient(), request);
        status.Should().Be(HttpStatusCode.BadRequest);
        errorType.Should().Be("InvalidRequestException");
        ((string)body["__type"]!).Should().Be("com.amazonaws.switchboard.portal#InvalidRequestException");
    }

    [Fact]
    public async Task Unsigned_operations_ignore_a_signature_even_from_expired_credentials()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var factory = new EmulatorFactory(clock);
        var http = factory.CreateClient();
        var session = (await factory.Client("123456789012").Sts("GetSessionToken", ("DurationSeconds", "900"))).EnsureSuccess();
        var (keyId, token) = (session.XmlValue("AccessKeyId")!, session.XmlValue("SessionToken")!);
        clock.Advance(TimeSpan.FromHours(1));
        var expired = await factory.Client(keyId, token).Sts("GetCallerIdentity");
        (expired.Status, expired.ErrorCode).Should().Be((HttpStatusCode.BadRequest, "ExpiredToken"), "the key is expired for signed operations");

        var request = new HttpRequestMessage(HttpMethod.Post, "/client/register")
        {
            Content = new StringContent("{\"clientName\":\"x\",\"clientType\":\"public\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={keyId}/20260101/us-east-1/sso-oauth/aws4_request, SignedHeaders=host, Signature=0");
        request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
        var (status, _, body) = await Send(http, request);
        status.Should().Be(HttpStatusCode.OK);
        body.ContainsKey("clientId").Should().BeTrue();
    }

    [Fact]
    public async Task CreateTokenWithIAM_is_routed_by_its_query_marker_and_needs_IAM_credentials()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/token?aws_iam=t")
        {
            Content = new StringContent("{\"clientId\":\"x\",\"grantType\":\"authorization_code\"}", Encoding.UTF8, "application/json"),
        };
        var (status, errorType, _) = await Send(_factory.CreateClient(), request);
        status.Should().Be(HttpStatusCode.Forbidden, "CreateTokenWithIAM, unlike CreateToken, must be SigV4-signed");
        errorType.Should().Be("MissingAuthenticationTokenException");
    }

    [Fact]
    public async Task The_device_approval_endpoint_is_documented_in_swagger_and_portal_pages_are_not()
    {
        var swagger = await _factory.CreateClient().GetStringAsync("/_emulator/swagger/v1/swagger.json");
        var paths = JsonNode.Parse(swagger)!["paths"]!.AsObject();
        paths.Select(p => p.Key).Should().Contain("/_emulator/sso/device/approve");
        paths["/_emulator/sso/device/approve"]!["post"]!["requestBody"].Should().NotBeNull();
        paths.Select(p => p.Key).Should().NotContain(p => p.StartsWith("/start"));
    }
}
