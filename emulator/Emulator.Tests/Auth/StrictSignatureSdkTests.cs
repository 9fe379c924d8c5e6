using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Emulator.Core;
using Emulator.Tests.Support;

namespace Emulator.Tests.Auth;

/// <summary>
/// --verify-signatures with the AWS SDK for .NET (AWSSDK.SecurityToken): every correctly signed call is accepted, every
/// wrongly signed one (wrong secret, tampered body or header, stale date) refused with AWS's code.
/// </summary>
public sealed class StrictSignatureSdkTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly EmulatorFactory _factory;

    public StrictSignatureSdkTests()
    {
        AWSConfigs.CorrectForClockSkew = false;
        _factory = new EmulatorFactory(new Dictionary<string, string> { ["Emulator:VerifySignatures"] = "true", ["Emulator:RootSecret"] = "root-secret" }, _clock);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>An IAM call signed by the SDK's signer as the management account's root user (secret "root-secret").</summary>
    private async Task<System.Xml.Linq.XElement> Iam(string action, params (string Name, string Value)[] parameters)
    {
        var form = new Dictionary<string, string> { ["Action"] = action, ["Version"] = "2010-05-08" };
        foreach (var (name, value) in parameters) form[name] = value;
        var response = await _factory.CreateClient().SendAsync(SdkSigning.Query("iam", Management, "root-secret", form));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{action}: {(int)response.StatusCode} {text}");
        return System.Xml.Linq.XElement.Parse(text);
    }

    /// <summary>An IAM user with AdministratorAccess and an access key, and a role the management account may assume (IAM API).</summary>
    private async Task<(string KeyId, string Secret)> CreateUserKey()
    {
        const string admin = "arn:aws:iam::aws:policy/AdministratorAccess";
        await Iam("CreateUser", ("UserName", "ops"));
        await Iam("AttachUserPolicy", ("UserName", "ops"), ("PolicyArn", admin));
        var key = await Iam("CreateAccessKey", ("UserName", "ops"));
        await Iam("CreateRole", ("RoleName", "admin"), ("AssumeRolePolicyDocument",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Management}}:root"},"Action":"sts:AssumeRole"}]}"""));
        await Iam("AttachRolePolicy", ("RoleName", "admin"), ("PolicyArn", admin));
        string Value(string name) => key.Descendants().First(e => e.Name.LocalName == name).Value;
        return (Value("AccessKeyId"), Value("SecretAccessKey"));
    }

    private AmazonSecurityTokenServiceClient Sts(AWSCredentials credentials, Action<HttpRequestMessage>? tamper = null) =>
        SdkClients.Sts(_factory, credentials, tamper);

    /// <summary>Every kind of credential the emulator knows, with the secret it was issued with.</summary>
    private async Task<List<AWSCredentials>> AllCredentials()
    {
        var (keyId, secret) = await CreateUserKey();
        var root = new BasicAWSCredentials(Management, "root-secret");
        using var sts = Sts(root);
        var session = (await sts.GetSessionTokenAsync(new GetSessionTokenRequest())).Credentials;
        using var userSts = Sts(new BasicAWSCredentials(keyId, secret)); // root users may not assume roles
        var role = (await userSts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{Management}:role/admin", RoleSessionName = "strict-session" })).Credentials;
        return
        [
            root,
            new BasicAWSCredentials("test", "root-secret"),
            new BasicAWSCredentials(keyId, secret),
            new SessionAWSCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken),
            new SessionAWSCredentials(role.AccessKeyId, role.SecretAccessKey, role.SessionToken),
        ];
    }

    private static AWSCredentials WithWrongSecret(AWSCredentials credentials)
    {
        var c = credentials.GetCredentials();
        return c.UseToken ? new SessionAWSCredentials(c.AccessKey, c.SecretKey + "x", c.Token) : new BasicAWSCredentials(c.AccessKey, c.SecretKey + "x");
    }

    private static async Task<string?> Refusal(Func<Task> call)
    {
        try { await call(); return null; }
        catch (AmazonSecurityTokenServiceException error) { return $"{(int)error.StatusCode} {error.ErrorCode}"; }
    }

    [Fact]
    public async Task Correctly_signed_calls_are_all_accepted_and_wrongly_signed_ones_all_refused()
    {
        var credentials = await AllCredentials();
        var accepted = 0;
        var refusals = new List<string?>();
        foreach (var credential in credentials)
        {
            using (var good = Sts(credential))
            {
                (await good.GetCallerIdentityAsync(new GetCallerIdentityRequest())).HttpStatusCode.Should().Be(HttpStatusCode.OK);
                (await good.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = "ASIAY34FZKBOKMUTVV7A" })).Account.Should().Be("609629065308");
                accepted += 2;
            }
            using (var wrongSecret = Sts(WithWrongSecret(credential)))
                refusals.Add(await Refusal(() => wrongSecret.GetCallerIdentityAsync(new GetCallerIdentityRequest())));
            using (var tamperedBody = Sts(credential, request => request.Content = new StringContent(
                       "Action=GetCallerIdentity&Version=2011-06-15&Extra=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")))
                refusals.Add(await Refusal(() => tamperedBody.GetCallerIdentityAsync(new GetCallerIdentityRequest())));
            using (var tamperedHeader = Sts(credential, request =>
                   {
                       var date = request.Headers.GetValues("X-Amz-Date").Single();
                       request.Headers.Remove("X-Amz-Date");
                       request.Headers.TryAddWithoutValidation("X-Amz-Date", date[..^3] + (date[^3] == '0' ? "1" : "0") + date[^2..]);
                   }))
                refusals.Add(await Refusal(() => tamperedHeader.GetCallerIdentityAsync(new GetCallerIdentityRequest())));
        }

        accepted.Should().Be(credentials.Count * 2);
        refusals.Should().HaveCount(credentials.Count * 3).And.OnlyContain(r => r == "403 SignatureDoesNotMatch");
    }

    [Fact]
    public async Task A_stale_or_future_date_is_refused_with_AWSs_signature_expired_message()
    {
        using var sts = Sts(new BasicAWSCredentials(Management, "root-secret"));
        _clock.Advance(TimeSpan.FromMinutes(6));
        var stale = await sts.Invoking(s => s.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Should().ThrowAsync<AmazonSecurityTokenServiceException>();
        stale.Which.ErrorCode.Should().Be("SignatureDoesNotMatch");
        stale.Which.Message.Should().MatchRegex(@"^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$");

        _clock.Advance(TimeSpan.FromMinutes(-12));
        var future = await sts.Invoking(s => s.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Should().ThrowAsync<AmazonSecurityTokenServiceException>();
        future.Which.Message.Should().StartWith("Signature not yet current: ");

        _clock.Advance(TimeSpan.FromMinutes(10));
        (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Account.Should().Be(Management, "4 minutes of skew is tolerated");
    }

    [Fact]
    public async Task Unknown_keys_are_InvalidClientTokenId_and_incomplete_signatures_IncompleteSignature()
    {
        using var forged = Sts(new BasicAWSCredentials(KeyIds.AccessKeyId(KeyIds.UserAccessKey, Management), "whatever"));
        (await Refusal(() => forged.GetCallerIdentityAsync(new GetCallerIdentityRequest()))).Should().Be("403 InvalidClientTokenId");

        var http = _factory.CreateClient();
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/?X-Amz-Credential=111111111111%2F20260101%2Fus-east-1%2Fsts%2Faws4_request")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15" }),
        };
        var answer = await http.SendAsync(unsigned);
        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await answer.Content.ReadAsStringAsync()).Should().Contain("<Code>IncompleteSignature</Code>").And.Contain("'X-Amz-Signature'");

        var noSignature = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15" }),
        };
        noSignature.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=111111111111/20260101/us-east-1/sts/aws4_request, SignedHeaders=host");
        var incomplete = await http.SendAsync(noSignature);
        (await incomplete.Content.ReadAsStringAsync()).Should().Contain("<Code>IncompleteSignature</Code>")
            .And.Contain("Authorization header requires 'Signature' parameter.");
    }
}
