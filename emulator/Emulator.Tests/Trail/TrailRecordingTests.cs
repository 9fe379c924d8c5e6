using System.Net;
using Emulator.Tests.Support;

namespace Emulator.Tests.Trail;

/// <summary>Issue 11: one CloudTrail event per call, in CloudTrail's record format, successful or refused, with secrets hidden.</summary>
public sealed class TrailRecordingTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public TrailRecordingTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_successful_write_is_one_event_in_CloudTrail_format_visible_as_soon_as_it_is_answered()
    {
        var organization = await _management.CreateOrganization();

        // No waiting: a write's event is committed with the write itself.
        var records = await _management.Records("CreateOrganization");
        records.Should().ContainSingle();
        var record = records[0];
        record.Text("eventVersion").Should().Be("1.08");
        record.Text("eventSource").Should().Be("organizations.amazonaws.com");
        record.Text("eventName").Should().Be("CreateOrganization");
        record.Text("awsRegion").Should().Be("us-east-1");
        record.Text("eventType").Should().Be("AwsApiCall");
        record.Text("readOnly").Should().Be("false");
        record.Text("managementEvent").Should().Be("true");
        record.Text("recipientAccountId").Should().Be(Management);
        record.Text("userIdentity.type").Should().Be("Root");
        record.Text("userIdentity.arn").Should().Be($"arn:aws:iam::{Management}:root");
        record.Text("userIdentity.accountId").Should().Be(Management);
        record.Text("userIdentity.accessKeyId").Should().Be(Management);
        record.Text("requestParameters.featureSet").Should().Be("ALL");
        record.Text("responseElements.organization.id").Should().Be((string)organization["Id"]!);
        record.Text("eventID").Should().MatchRegex("^[0-9a-f-]{36}$");
        record.Text("requestID").Should().NotBeNullOrEmpty();
        record["eventTime"]!.ToString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        record.ContainsKey("errorCode").Should().BeFalse();
    }

    [Fact]
    public async Task Reads_and_refused_calls_are_recorded_too_with_their_error()
    {
        await _management.CreateOrganization();
        (await _management.Organizations("DescribeOrganization")).EnsureSuccess();
        var refused = await _management.Organizations("CreateOrganization", new { FeatureSet = "ALL" });
        refused.ErrorCode.Should().Be("AlreadyInOrganizationException");

        var reads = await _management.WaitForRecords("DescribeOrganization", r => r.Count == 1);
        reads.Should().ContainSingle().Which.Text("readOnly").Should().Be("true");
        reads[0]["responseElements"].Should().BeNull("CloudTrail leaves responseElements empty for reads");

        var creates = await _management.WaitForRecords("CreateOrganization", r => r.Count == 2);
        creates.Should().HaveCount(2);
        var failed = creates.Single(r => r.ContainsKey("errorCode"));
        failed.Text("errorCode").Should().Be("AlreadyInOrganizationException");
        failed.Text("errorMessage").Should().Be(refused.ErrorMessage);
        failed["responseElements"].Should().BeNull();
    }

    [Fact]
    public async Task Access_denied_calls_are_recorded_with_the_IAM_user_who_made_them()
    {
        await _management.CreateOrganization();
        (await _management.Iam("CreateUser", ("UserName", "bob"))).EnsureSuccess();
        var key = (await _management.Iam("CreateAccessKey", ("UserName", "bob"))).EnsureSuccess().XmlValue("AccessKeyId")!;

        var denied = await _management.As(key).Organizations("ListAccounts");
        denied.ErrorCode.Should().Be("AccessDeniedException");

        var records = await _management.WaitForRecords("ListAccounts", r => r.Count == 1);
        var record = records.Should().ContainSingle().Subject;
        record.Text("errorCode").Should().Be("AccessDeniedException");
        record.Text("userIdentity.type").Should().Be("IAMUser");
        record.Text("userIdentity.userName").Should().Be("bob");
        record.Text("userIdentity.accessKeyId").Should().Be(key);
        record.Text("userIdentity.arn").Should().Be($"arn:aws:iam::{Management}:user/bob");
    }

    /// <summary>An IAM user of the management account with AdministratorAccess, and its access key.</summary>
    private async Task<AwsClient> Administrator(string name)
    {
        (await _management.Iam("CreateUser", ("UserName", name))).EnsureSuccess();
        (await _management.Iam("AttachUserPolicy", ("UserName", name), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))).EnsureSuccess();
        return _management.As((await _management.Iam("CreateAccessKey", ("UserName", name))).EnsureSuccess().XmlValue("AccessKeyId")!);
    }

    private async Task<AwsAnswer> AssumeRole(string roleName, string sessionName)
    {
        var trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Management}}:root"},"Action":"sts:AssumeRole"}]}""";
        (await _management.Iam("CreateRole", ("RoleName", roleName), ("AssumeRolePolicyDocument", trust))).EnsureSuccess();
        (await _management.Iam("AttachRolePolicy", ("RoleName", roleName), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))).EnsureSuccess();
        var admin = await Administrator($"{roleName}-admin");
        return (await admin.Sts("AssumeRole", ("RoleArn", $"arn:aws:iam::{Management}:role/{roleName}"), ("RoleSessionName", sessionName))).EnsureSuccess();
    }

    [Fact]
    public async Task Assumed_role_callers_carry_their_session_context()
    {
        await _management.CreateOrganization();
        var assumed = await AssumeRole("Auditor", "lab");
        var session = _management.As(assumed.XmlValue("AccessKeyId")!, assumed.XmlValue("SessionToken"));

        (await session.Organizations("DescribeOrganization")).EnsureSuccess();

        var record = (await _management.WaitForRecords("DescribeOrganization", r => r.Count == 1)).Should().ContainSingle().Subject;
        record.Text("userIdentity.type").Should().Be("AssumedRole");
        record.Text("userIdentity.arn").Should().Be($"arn:aws:sts::{Management}:assumed-role/Auditor/lab");
        record.Text("userIdentity.accessKeyId").Should().Be(assumed.XmlValue("AccessKeyId"));
        record.Text("userIdentity.sessionContext.sessionIssuer.type").Should().Be("Role");
        record.Text("userIdentity.sessionContext.sessionIssuer.arn").Should().Be($"arn:aws:iam::{Management}:role/Auditor");
        record.Text("userIdentity.sessionContext.sessionIssuer.userName").Should().Be("Auditor");
        (await _management.Events("Username", "lab")).Should().NotBeEmpty("LookupEvents' Username of a role session is its session name");
    }

    [Fact]
    public async Task Secrets_are_hidden_as_CloudTrail_hides_them()
    {
        await _management.CreateOrganization();
        await _management.CreateAccount("Dev", "dev@example.com");
        (await _management.Iam("CreateUser", ("UserName", "carol"))).EnsureSuccess();
        var created = (await _management.Iam("CreateAccessKey", ("UserName", "carol"))).EnsureSuccess();
        var assumed = await AssumeRole("Ops", "ops-session");
        var http = _factory.CreateClient();
        var refusedToken = await http.PostAsync("/token", new StringContent(
            """{"clientId":"unknown","clientSecret":"Very-Secret-Client-Secret","grantType":"urn:ietf:params:oauth:grant-type:device_code","deviceCode":"x"}""",
            System.Text.Encoding.UTF8, "application/json"));
        refusedToken.IsSuccessStatusCode.Should().BeFalse();

        var account = (await _management.Records("CreateAccount")).Single();
        account.Text("requestParameters.email").Should().Be("HIDDEN_DUE_TO_SECURITY_REASONS", "Organizations marks e-mail addresses sensitive");
        account.Text("requestParameters.accountName").Should().Be("HIDDEN_DUE_TO_SECURITY_REASONS");

        var key = (await _management.Records("CreateAccessKey")).Single(r => r.Text("requestParameters.userName") == "carol");
        key.Text("responseElements.accessKey.secretAccessKey").Should().Be("HIDDEN_DUE_TO_SECURITY_REASONS");
        key.Text("responseElements.accessKey.accessKeyId").Should().Be(created.XmlValue("AccessKeyId"));

        var token = (await _factory.Client("000000000000").WaitForRecords("CreateToken", r => r.Count == 1)).Single();
        token.Text("requestParameters.clientSecret").Should().Be("HIDDEN_DUE_TO_SECURITY_REASONS", "a refused call's parameters are hidden too");
        token.Text("requestParameters.clientId").Should().Be("unknown");

        var sts = (await _management.Records("AssumeRole")).Single(r => r.Text("eventSource") == "sts.amazonaws.com");
        sts.Text("responseElements.credentials.secretAccessKey").Should().Be("HIDDEN_DUE_TO_SECURITY_REASONS");
        sts.Text("responseElements.credentials.sessionToken").Should().Be("HIDDEN_DUE_TO_SECURITY_REASONS");
        sts.Text("responseElements.credentials.accessKeyId").Should().Be(assumed.XmlValue("AccessKeyId"));

        var everything = string.Join("\n", (await _management.Events()).Select(e => (string)e["CloudTrailEvent"]!));
        everything.Should().NotContain(created.XmlValue("SecretAccessKey")!)
            .And.NotContain(assumed.XmlValue("SecretAccessKey")!).And.NotContain(assumed.XmlValue("SessionToken")!);
        (await _factory.Client("000000000000").Events()).Should().NotContain(e => ((string)e["CloudTrailEvent"]!).Contains("Very-Secret-Client-Secret"));
    }

    [Fact]
    public async Task Unsigned_calls_are_recorded_as_unknown_callers()
    {
        var answer = await _factory.CreateClient().PostAsync("/client/register",
            new StringContent("""{"clientName":"lab","clientType":"public"}""", System.Text.Encoding.UTF8, "application/json"));
        answer.StatusCode.Should().Be(HttpStatusCode.OK);

        var records = await _factory.Client("000000000000").WaitForRecords("RegisterClient", r => r.Count == 1);
        var record = records.Should().ContainSingle().Subject;
        record.Text("eventSource").Should().Be("sso-oauth.amazonaws.com");
        record.Text("userIdentity.type").Should().Be("Unknown");
        record.Text("responseElements.clientSecret").Should().Be("HIDDEN_DUE_TO_SECURITY_REASONS");
    }
}
