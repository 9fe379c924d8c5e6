using System.Net;
using Emulator.Tests.Support;

namespace Emulator.Tests.Sts;

public sealed class FederationTokenTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly EmulatorFactory _factory = new(new ManualClock(Start));
    private readonly AwsClient _root;

    public FederationTokenTests() => _root = _factory.Client("333333333333");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task GetFederationToken_issues_credentials_that_act_as_the_federated_user()
    {
        (await _root.Iam("CreateUser", ("UserName", "broker"))).EnsureSuccess();
        (await _root.Iam("AttachUserPolicy", ("UserName", "broker"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))).EnsureSuccess();
        var brokerKey = (await _root.Iam("CreateAccessKey", ("UserName", "broker"))).EnsureSuccess().XmlValue("AccessKeyId")!;
        var broker = _root.As(brokerKey);

        var answer = (await broker.Sts("GetFederationToken", ("Name", "bob"), ("DurationSeconds", "7200"),
            ("Policy", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","sts:*"],"Resource":"*"}]}"""))).EnsureSuccess();
        answer.XmlValue("FederatedUserId").Should().Be("333333333333:bob");
        answer.XmlValue("Arn").Should().Be("arn:aws:sts::333333333333:federated-user/bob");
        answer.XmlValue("AccessKeyId").Should().StartWith("ASIA");
        int.Parse(answer.XmlValue("PackedPolicySize")!).Should().BeInRange(1, 100);
        var expiration = DateTimeOffset.Parse(answer.XmlValue("Expiration")!);
        expiration.Should().BeCloseTo(Start.AddHours(2), TimeSpan.Zero);

        var federated = _root.As(answer.XmlValue("AccessKeyId")!, answer.XmlValue("SessionToken"));
        var identity = (await federated.Sts("GetCallerIdentity")).EnsureSuccess();
        identity.XmlValue("Arn").Should().Be("arn:aws:sts::333333333333:federated-user/bob");
        identity.XmlValue("UserId").Should().Be("333333333333:bob");

        var again = await federated.Sts("GetFederationToken", ("Name", "eve"));
        again.Status.Should().Be(HttpStatusCode.Forbidden);
        again.ErrorCode.Should().Be("AccessDenied");
        again.ErrorMessage.Should().Be("Cannot call GetFederationToken with session credentials");
        (await federated.Sts("GetSessionToken")).ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task GetFederationToken_as_root_lasts_at_most_an_hour_and_a_bad_policy_is_MalformedPolicyDocument()
    {
        var answer = (await _root.Sts("GetFederationToken", ("Name", "rootfed"))).EnsureSuccess();
        DateTimeOffset.Parse(answer.XmlValue("Expiration")!).Should().BeCloseTo(Start.AddHours(1), TimeSpan.Zero);
        answer.XmlValue("PackedPolicySize").Should().BeNull();
        (await _root.Sts("GetFederationToken", ("Name", "x1"), ("Policy", "not json"))).ErrorCode.Should().Be("MalformedPolicyDocument");
        (await _root.Sts("GetFederationToken", ("Name", "x"))).ErrorCode.Should().Be("ValidationError", "names are 2 to 32 characters");
    }
}
