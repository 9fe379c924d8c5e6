using System.Net;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Emulator.Tests.Iam;
using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Sts;

/// <summary>AssumeRole and GetSessionToken, driven through the real AWS SDK for .NET.</summary>
public sealed class AssumeRoleTests : IDisposable
{
    private const string Management = "111111111111";
    private const string Member = "222222222222";
    private const string AccessRole = "OrganizationAccountAccessRole";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly EmulatorFactory _factory = new(new ManualClock(Start));

    public void Dispose() => _factory.Dispose();

    /// <summary>Stands in for Organizations CreateAccount: the member account's access role, trusting the management account.</summary>
    private async Task CreateAccessRole(string trust = "")
    {
        var member = _factory.Client(Member);
        await CreateRole(member, AccessRole, trust.Length > 0 ? trust : TrustAccount(Management));
        (await member.Iam("PutRolePolicy", ("RoleName", AccessRole), ("PolicyName", "AdministratorAccess"), ("PolicyDocument", AllowAll))).EnsureSuccess();
    }

    private static AssumeRoleRequest Request(string roleArn, string session = "admin", int? duration = null) =>
        new() { RoleArn = roleArn, RoleSessionName = session, DurationSeconds = duration };

    private static string AccessRoleArn => $"arn:aws:iam::{Member}:role/{AccessRole}";

    /// <summary>Root users may not assume roles: an IAM user "admin" with AdministratorAccess in the account does.</summary>
    private async Task<string> AdminKey(string accountId)
    {
        var client = _factory.Client(accountId);
        (await client.Iam("CreateUser", ("UserName", "admin"))).EnsureSuccess();
        (await client.Iam("AttachUserPolicy", ("UserName", "admin"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))).EnsureSuccess();
        return (await client.Iam("CreateAccessKey", ("UserName", "admin"))).XmlValue("AccessKeyId")!;
    }

    private static string Admin(string accountId) => $"arn:aws:iam::{accountId}:user/admin";

    [Fact]
    public async Task AssumeRole_with_root_credentials_is_refused()
    {
        await CreateAccessRole();
        using var sts = SdkClients.Sts(_factory, Management);
        var call = () => sts.AssumeRoleAsync(Request(AccessRoleArn));
        var error = (await call.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        error.ErrorCode.Should().Be("AccessDenied");
        error.Message.Should().Be("Roles may not be assumed by root accounts.");
    }

    [Fact]
    public async Task AssumeRole_from_the_management_account_into_OrganizationAccountAccessRole_acts_as_the_role()
    {
        await CreateAccessRole();
        var roleId = (await _factory.Client(Member).Iam("GetRole", ("RoleName", AccessRole))).XmlValue("RoleId");
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));

        var result = await sts.AssumeRoleAsync(Request(AccessRoleArn));

        result.HttpStatusCode.Should().Be(HttpStatusCode.OK);
        result.Credentials.AccessKeyId.Should().MatchRegex("^ASIA[A-Z2-7]{16}$");
        result.Credentials.SecretAccessKey.Should().HaveLength(40);
        result.Credentials.SessionToken.Length.Should().BeGreaterThan(100);
        result.Credentials.Expiration.Should().BeCloseTo(Start.UtcDateTime.AddHours(1), TimeSpan.FromSeconds(1));
        result.AssumedRoleUser.Arn.Should().Be($"arn:aws:sts::{Member}:assumed-role/{AccessRole}/admin");
        result.AssumedRoleUser.AssumedRoleId.Should().Be($"{roleId}:admin");

        using var asRole = SdkClients.Sts(_factory, result.Credentials);
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        identity.Arn.Should().Be($"arn:aws:sts::{Member}:assumed-role/{AccessRole}/admin");
        identity.Account.Should().Be(Member);
        identity.UserId.Should().Be($"{roleId}:admin");
    }

    [Fact]
    public async Task AssumeRole_credentials_act_in_the_roles_account_for_IAM_calls()
    {
        await CreateAccessRole();
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));
        var credentials = (await sts.AssumeRoleAsync(Request(AccessRoleArn))).Credentials;
        var asRole = _factory.Client(credentials.AccessKeyId, credentials.SessionToken);
        (await asRole.Iam("GetRole", ("RoleName", AccessRole))).XmlValue("Arn").Should().Be(AccessRoleArn);
        (await asRole.Iam("GetUser")).ErrorCode.Should().Be("ValidationError");
    }

    [Fact]
    public async Task AssumeRole_of_AWSServiceRoleForSSO_is_AccessDenied()
    {
        var management = _factory.Client(Management);
        await EnableSso(management);
        var roleArn = $"arn:aws:iam::{Management}:role/aws-service-role/sso.amazonaws.com/AWSServiceRoleForSSO";
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));

        var call = () => sts.AssumeRoleAsync(Request(roleArn));

        var error = (await call.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        error.ErrorCode.Should().Be("AccessDenied");
        error.Message.Should().Be($"User: {Admin(Management)} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
    }

    [Fact]
    public async Task AssumeRole_of_a_role_that_does_not_exist_or_at_the_wrong_path_is_AccessDenied()
    {
        await CreateAccessRole();
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));
        foreach (var arn in new[] { $"arn:aws:iam::{Member}:role/Nope", $"arn:aws:iam::{Member}:role/other/{AccessRole}", $"arn:aws:iam::333333333333:role/{AccessRole}" })
        {
            var call = () => sts.AssumeRoleAsync(Request(arn));
            (await call.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which.ErrorCode.Should().Be("AccessDenied");
        }
    }

    [Fact]
    public async Task AssumeRole_by_an_account_the_trust_policy_does_not_name_is_AccessDenied()
    {
        await CreateAccessRole();
        using var sts = SdkClients.Sts(_factory, await AdminKey("333333333333"));
        var call = () => sts.AssumeRoleAsync(Request(AccessRoleArn));
        var error = (await call.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which;
        error.Message.Should().Be($"User: {Admin("333333333333")} is not authorized to perform: sts:AssumeRole on resource: {AccessRoleArn}");
    }

    [Fact]
    public async Task AssumeRole_by_an_iam_user_of_a_trusted_account_or_named_exactly_is_allowed()
    {
        var management = _factory.Client(Management);
        (await management.Iam("CreateUser", ("UserName", "ops"))).EnsureSuccess();
        (await management.Iam("AttachUserPolicy", ("UserName", "ops"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))).EnsureSuccess();
        var key = (await management.Iam("CreateAccessKey", ("UserName", "ops"))).XmlValue("AccessKeyId")!;
        var exact = $$"""{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::999999999999:root","arn:aws:iam::{{Management}}:user/ops"]},"Action":["sts:AssumeRole","sts:TagSession"]}]}""";
        await CreateAccessRole(exact);

        using var sts = SdkClients.Sts(_factory, key);
        var result = await sts.AssumeRoleAsync(Request(AccessRoleArn, "ops-session"));
        result.AssumedRoleUser.Arn.Should().Be($"arn:aws:sts::{Member}:assumed-role/{AccessRole}/ops-session");
    }

    [Fact]
    public async Task AssumeRole_honours_wildcard_actions_and_the_bare_account_id()
    {
        await CreateAccessRole($$$"""{"Statement":{"Effect":"Allow","Principal":{"AWS":"{{{Management}}}"},"Action":"sts:*"}}""");
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));
        (await sts.AssumeRoleAsync(Request(AccessRoleArn))).Credentials.Should().NotBeNull();
    }

    [Fact]
    public async Task AssumeRole_is_refused_when_a_Deny_statement_names_the_caller()
    {
        await CreateAccessRole($$"""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":{"AWS":"{{Management}}"},"Action":"*"}]}""");
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));
        var call = () => sts.AssumeRoleAsync(Request(AccessRoleArn));
        (await call.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which.ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task AssumeRole_with_a_duration_over_the_roles_maximum_is_a_ValidationError()
    {
        await CreateAccessRole();
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));
        var call = () => sts.AssumeRoleAsync(Request(AccessRoleArn, duration: 7200));
        var error = (await call.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.ErrorCode.Should().Be("ValidationError");
        error.Message.Should().Be("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");

        (await _factory.Client(Member).Iam("UpdateRole", ("RoleName", AccessRole), ("MaxSessionDuration", "7200"))).EnsureSuccess();
        var longer = await sts.AssumeRoleAsync(Request(AccessRoleArn, duration: 7200));
        longer.Credentials.Expiration.Should().BeCloseTo(Start.UtcDateTime.AddHours(2), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AssumeRole_with_a_duration_under_900_seconds_is_a_ValidationError()
    {
        await CreateAccessRole();
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));
        var call = () => sts.AssumeRoleAsync(Request(AccessRoleArn, duration: 60));
        (await call.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which.ErrorCode.Should().Be("ValidationError");
    }

    [Fact]
    public async Task AssumeRole_from_an_assumed_role_chains_with_a_one_hour_limit()
    {
        await CreateAccessRole();
        var member = _factory.Client(Member);
        await CreateRole(member, "Second", TrustAccount(Member), ("MaxSessionDuration", "7200"));
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));
        var first = (await sts.AssumeRoleAsync(Request(AccessRoleArn))).Credentials;
        using var chained = SdkClients.Sts(_factory, first);

        var tooLong = () => chained.AssumeRoleAsync(Request($"arn:aws:iam::{Member}:role/Second", duration: 7200));
        (await tooLong.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which.ErrorCode.Should().Be("ValidationError");

        var second = await chained.AssumeRoleAsync(Request($"arn:aws:iam::{Member}:role/Second", "hop"));
        second.AssumedRoleUser.Arn.Should().Be($"arn:aws:sts::{Member}:assumed-role/Second/hop");
    }

    [Fact]
    public async Task AssumeRole_trust_naming_a_role_arn_admits_sessions_of_that_role()
    {
        await CreateAccessRole();
        var member = _factory.Client(Member);
        await CreateRole(member, "Narrow", $$"""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"{{AccessRoleArn}}"},"Action":"sts:AssumeRole"}]}""");
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));

        var direct = () => sts.AssumeRoleAsync(Request($"arn:aws:iam::{Member}:role/Narrow"));
        (await direct.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which.ErrorCode.Should().Be("AccessDenied");

        using var asAccessRole = SdkClients.Sts(_factory, (await sts.AssumeRoleAsync(Request(AccessRoleArn))).Credentials);
        (await asAccessRole.AssumeRoleAsync(Request($"arn:aws:iam::{Member}:role/Narrow"))).AssumedRoleUser.Arn
            .Should().Be($"arn:aws:sts::{Member}:assumed-role/Narrow/admin");
    }

    [Fact]
    public async Task AssumeRole_with_a_session_policy_that_is_not_json_is_MalformedPolicyDocument()
    {
        await CreateAccessRole();
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));
        var request = Request(AccessRoleArn);
        request.Policy = "not json at all";
        var call = () => sts.AssumeRoleAsync(request);
        (await call.Should().ThrowAsync<MalformedPolicyDocumentException>()).Which.ErrorCode.Should().Be("MalformedPolicyDocument");
    }

    [Fact]
    public async Task AssumeRole_with_the_minimum_duration_expires_in_15_minutes()
    {
        await CreateAccessRole();
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));
        var credentials = (await sts.AssumeRoleAsync(Request(AccessRoleArn, duration: 900))).Credentials;
        credentials.Expiration.Should().BeCloseTo(Start.UtcDateTime.AddMinutes(15), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task GetSessionToken_for_an_iam_user_keeps_the_users_identity()
    {
        var management = _factory.Client(Management);
        var userId = (await management.Iam("CreateUser", ("UserName", "ops"))).XmlValue("UserId");
        var key = (await management.Iam("CreateAccessKey", ("UserName", "ops"))).XmlValue("AccessKeyId")!;
        using var sts = SdkClients.Sts(_factory, key);

        var result = await sts.GetSessionTokenAsync(new GetSessionTokenRequest());
        result.Credentials.AccessKeyId.Should().MatchRegex("^ASIA[A-Z2-7]{16}$");
        result.Credentials.Expiration.Should().BeCloseTo(Start.UtcDateTime.AddHours(12), TimeSpan.FromSeconds(1));

        using var session = SdkClients.Sts(_factory, result.Credentials);
        var identity = await session.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        identity.Arn.Should().Be($"arn:aws:iam::{Management}:user/ops");
        identity.UserId.Should().Be(userId);
    }

    [Fact]
    public async Task GetSessionToken_for_root_is_capped_at_one_hour()
    {
        using var sts = SdkClients.Sts(_factory, Management);
        var result = await sts.GetSessionTokenAsync(new GetSessionTokenRequest { DurationSeconds = 7200 });
        result.Credentials.Expiration.Should().BeCloseTo(Start.UtcDateTime.AddHours(1), TimeSpan.FromSeconds(1));
        using var session = SdkClients.Sts(_factory, result.Credentials);
        (await session.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Arn.Should().Be($"arn:aws:iam::{Management}:root");
    }

    [Fact]
    public async Task GetSessionToken_with_session_credentials_is_AccessDenied()
    {
        await CreateAccessRole();
        using var sts = SdkClients.Sts(_factory, await AdminKey(Management));
        using var asRole = SdkClients.Sts(_factory, (await sts.AssumeRoleAsync(Request(AccessRoleArn))).Credentials);
        var call = () => asRole.GetSessionTokenAsync(new GetSessionTokenRequest());
        var error = (await call.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        error.ErrorCode.Should().Be("AccessDenied");
    }
}
