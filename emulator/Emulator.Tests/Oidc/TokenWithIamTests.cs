using System.Net;
using System.Text;
using Emulator.Tests.Support;

namespace Emulator.Tests.Oidc;

/// <summary>CreateTokenWithIAM: signed callers get AWS's answers for an unknown application or an unknown grant type.</summary>
public sealed class TokenWithIamTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpResponseMessage> Send(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/token?aws_iam=t") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=333333333333/20260101/us-east-1/sso-oauth/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000");
        return await _factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task CreateTokenWithIAM_for_an_application_the_emulator_does_not_have_is_InvalidClientException()
    {
        var response = await Send("""{"clientId":"arn:aws:sso::333333333333:application/ssoins-1111111111111111/apl-1111111111111111","grantType":"authorization_code","code":"c","redirectUri":"https://app.example.com/cb"}""");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("x-amzn-ErrorType").Single().Should().Be("InvalidClientException");
    }

    [Fact]
    public async Task CreateTokenWithIAM_with_an_unknown_grant_type_is_UnsupportedGrantTypeException()
    {
        var response = await Send("""{"clientId":"x","grantType":"password"}""");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.GetValues("x-amzn-ErrorType").Single().Should().Be("UnsupportedGrantTypeException");
    }
}
