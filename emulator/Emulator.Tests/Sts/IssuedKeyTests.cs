using System.Net;
using Amazon.SecurityToken.Model;
using Emulator.Core;
using Emulator.State;
using SessionDoc = Emulator.Services.Sts.SessionDoc;
using Emulator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Sts;

/// <summary>
/// Identity is never guessed for keys that look issued: AKIA/ASIA keys must be known (and temporary ones come with their
/// own session token); ids are in AWS's base32 format with the account inside; closed accounts cannot call.
/// </summary>
public sealed class IssuedKeyTests : IDisposable
{
    private const string Management = "111111111111";
    private const string InvalidToken = "The security token included in the request is invalid.";
    private readonly EmulatorFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(string KeyId, string Secret)> CreateUserKey(AwsClient client, string userName)
    {
        (await client.Iam("CreateUser", ("UserName", userName))).EnsureSuccess();
        var key = (await client.Iam("CreateAccessKey", ("UserName", userName))).EnsureSuccess();
        return (key.XmlValue("AccessKeyId")!, key.XmlValue("SecretAccessKey")!);
    }

    private static void ShouldBeInvalidToken(AwsAnswer answer, bool json)
    {
        answer.Status.Should().Be(json ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, answer.Body);
        answer.ErrorCode.Should().Be(json ? "UnrecognizedClientException" : "InvalidClientTokenId");
        answer.ErrorMessage.Should().Be(InvalidToken);
    }

    [Theory]
    [InlineData("AKIAY34FZKBOKMUTVV7A")]
    [InlineData("ASIAY34FZKBOKMUTVV7A")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("AKIA0000000000000000")]
    [InlineData("AKIA")]
    public async Task A_forged_AWS_shaped_key_is_refused_by_every_protocol(string forged)
    {
        var client = _factory.Client(forged);
        ShouldBeInvalidToken(await client.Sts("GetCallerIdentity"), json: false);
        ShouldBeInvalidToken(await client.Iam("ListRoles"), json: false);
        ShouldBeInvalidToken(await client.Organizations("DescribeOrganization"), json: true);
        ShouldBeInvalidToken(await client.Json("SWBExternalService", "ListInstances", null, "sso"), json: true);
    }

    [Fact]
    public async Task A_forged_key_cannot_act_as_the_default_management_account()
    {
        var management = _factory.Client("000000000000");
        await management.CreateOrganization();
        var member = await management.CreateAccount("Dev");

        var forged = _factory.Client("AKIA" + new string('A', 16));
        ShouldBeInvalidToken(await forged.Organizations("RemoveAccountFromOrganization", new { AccountId = member }), json: true);

        var accounts = (await management.Organizations("ListAccounts")).EnsureSuccess().Json["Accounts"]!.AsArray();
        accounts.Select(a => (string)a!["Id"]!).Should().Contain(member);
    }

    [Fact]
    public async Task A_deleted_access_key_and_a_key_from_another_emulator_are_refused()
    {
        var management = _factory.Client(Management);
        var (keyId, _) = await CreateUserKey(management, "ops");
        (await management.As(keyId).Sts("GetCallerIdentity")).EnsureSuccess().XmlValue("Arn").Should().EndWith(":user/ops");

        using var other = new EmulatorFactory();
        ShouldBeInvalidToken(await other.Client(keyId).Sts("GetCallerIdentity"), json: false);

        (await management.Iam("DeleteAccessKey", ("UserName", "ops"), ("AccessKeyId", keyId))).EnsureSuccess();
        ShouldBeInvalidToken(await management.As(keyId).Sts("GetCallerIdentity"), json: false);
    }

    [Fact]
    public async Task Temporary_credentials_are_accepted_only_with_their_own_session_token()
    {
        var management = _factory.Client(Management);
        var first = (await management.Sts("GetSessionToken")).EnsureSuccess();
        var second = (await management.Sts("GetSessionToken")).EnsureSuccess();
        var keyId = first.XmlValue("AccessKeyId")!;
        var token = first.XmlValue("SessionToken")!;

        (await management.As(keyId, token).Sts("GetCallerIdentity")).EnsureSuccess().XmlValue("Account").Should().Be(Management);
        ShouldBeInvalidToken(await management.As(keyId).Sts("GetCallerIdentity"), json: false);
        ShouldBeInvalidToken(await management.As(keyId, second.XmlValue("SessionToken")).Sts("GetCallerIdentity"), json: false);
        ShouldBeInvalidToken(await management.As(keyId, token + "x").Organizations("DescribeOrganization"), json: true);
        ShouldBeInvalidToken(await management.As(keyId, "IQoJb3JpZ2luX2VjEforged").Iam("ListRoles"), json: false);
    }

    [Fact]
    public async Task Expired_temporary_credentials_are_ExpiredToken_in_each_protocol()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var factory = new EmulatorFactory(clock);
        (await factory.Client(Management).Organizations("CreateOrganization", new { FeatureSet = "ALL" })).EnsureSuccess();
        var session = (await factory.Client(Management).Sts("GetSessionToken", ("DurationSeconds", "900"))).EnsureSuccess();
        clock.Advance(TimeSpan.FromSeconds(901));
        var expired = factory.Client(session.XmlValue("AccessKeyId")!, session.XmlValue("SessionToken")!);

        var query = await expired.Sts("GetCallerIdentity");
        query.Status.Should().Be(HttpStatusCode.BadRequest);
        query.ErrorCode.Should().Be("ExpiredToken");
        var json = await expired.Organizations("DescribeOrganization");
        json.Status.Should().Be(HttpStatusCode.BadRequest);
        json.ErrorCode.Should().Be("ExpiredTokenException");
    }

    [Fact]
    public async Task Plain_and_twelve_digit_keys_keep_the_documented_rules()
    {
        (await _factory.Client("test").Sts("GetCallerIdentity")).EnsureSuccess().XmlValue("Arn").Should().Be("arn:aws:iam::000000000000:root");
        (await _factory.Client("AKID-not-an-aws-key").Sts("GetCallerIdentity")).EnsureSuccess().XmlValue("Account").Should().Be("000000000000");
        (await _factory.Client("222233334444").Sts("GetCallerIdentity")).EnsureSuccess().XmlValue("Arn").Should().Be("arn:aws:iam::222233334444:root");
    }

    [Fact]
    public async Task Issued_ids_are_base32_and_carry_their_account()
    {
        const string account = "609629065308";
        var client = _factory.Client(account);
        var (keyId, _) = await CreateUserKey(client, "ops");
        var userId = (await client.Iam("GetUser", ("UserName", "ops"))).XmlValue("UserId")!;
        await CreateRole(client, "app", TrustAccount(account));
        var roleId = (await client.Iam("GetRole", ("RoleName", "app"))).XmlValue("RoleId")!;
        var sessionKey = (await client.Sts("GetSessionToken")).XmlValue("AccessKeyId")!;

        keyId.Should().MatchRegex("^AKIA[A-Z2-7]{16}$");
        sessionKey.Should().MatchRegex("^ASIA[A-Z2-7]{16}$");
        userId.Should().MatchRegex("^AIDA[A-Z2-7]{17}$");
        roleId.Should().MatchRegex("^AROA[A-Z2-7]{17}$");
        foreach (var id in new[] { keyId, sessionKey, userId, roleId }) KeyIds.AccountOf(id).Should().Be(account, id);
    }

    [Fact]
    public async Task GetAccessKeyInfo_decodes_the_account_of_issued_and_foreign_keys()
    {
        var client = _factory.Client(Management);
        var (keyId, _) = await CreateUserKey(client, "ops");
        using var sts = SdkClients.Sts(_factory, "test");

        (await sts.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = keyId })).Account.Should().Be(Management);
        // The published example (A. Steele, "AWS Access Key ID formats"): a key AWS issued, never seen by this emulator.
        (await sts.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = "ASIAY34FZKBOKMUTVV7A" })).Account.Should().Be("609629065308");
        var roleId = KeyIds.UniqueId(KeyIds.Role, "222233334444");
        (await sts.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = roleId })).Account.Should().Be("222233334444");
    }

    [Fact]
    public async Task GetAccessKeyInfo_of_an_id_without_an_account_is_a_ValidationError()
    {
        var answer = await _factory.Client(Management).Sts("GetAccessKeyInfo", ("AccessKeyId", "AKIA0000000000000000"));
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("ValidationError");
        (await _factory.Client(Management).Sts("GetAccessKeyInfo", ("AccessKeyId", "short"))).ErrorCode.Should().Be("ValidationError");
    }

    [Fact]
    public async Task A_closed_account_can_no_longer_call_with_any_of_its_credentials()
    {
        var management = _factory.Client(Management);
        await management.CreateOrganization();
        var member = await management.CreateAccount("Dev");
        var memberRoot = _factory.Client(member);
        var (userKey, _) = await CreateUserKey(memberRoot, "ops");
        var (adminKey, _) = await CreateUserKey(management, "admin"); // root users may not assume roles
        (await management.Iam("AttachUserPolicy", ("UserName", "admin"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))).EnsureSuccess();
        var session = (await management.As(adminKey).Sts("AssumeRole",
            ("RoleArn", $"arn:aws:iam::{member}:role/OrganizationAccountAccessRole"), ("RoleSessionName", "admin"))).EnsureSuccess();
        var asRole = management.As(session.XmlValue("AccessKeyId")!, session.XmlValue("SessionToken"));
        (await asRole.Iam("ListRoles")).EnsureSuccess();

        (await management.Organizations("CloseAccount", new { AccountId = member })).EnsureSuccess();

        ShouldBeInvalidToken(await memberRoot.Sts("GetCallerIdentity"), json: false);
        ShouldBeInvalidToken(await memberRoot.Organizations("DescribeOrganization"), json: true);
        ShouldBeInvalidToken(await management.As(userKey).Iam("ListRoles"), json: false);
        ShouldBeInvalidToken(await asRole.Iam("ListRoles"), json: false);
        (await management.Organizations("DescribeAccount", new { AccountId = member })).EnsureSuccess();
    }
}
