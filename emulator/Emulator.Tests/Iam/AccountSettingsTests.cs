using System.Net;
using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Iam;

/// <summary>Account-wide IAM settings: aliases, the summary, the password policy.</summary>
public sealed class AccountSettingsTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _client;

    public AccountSettingsTests() => _client = _factory.Client("333333333333");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateAccountAlias_ListAccountAliases_DeleteAccountAlias_round_trip()
    {
        (await _client.Iam("ListAccountAliases")).EnsureSuccess().XmlValues("member").Should().BeEmpty();
        (await _client.Iam("CreateAccountAlias", ("AccountAlias", "my-team"))).EnsureSuccess();
        (await _client.Iam("ListAccountAliases")).XmlValues("member").Should().Equal("my-team");

        (await _client.Iam("CreateAccountAlias", ("AccountAlias", "renamed"))).EnsureSuccess();
        var listed = await _client.Iam("ListAccountAliases");
        listed.XmlValues("member").Should().Equal(["renamed"], "an account has one alias; a new one replaces it");
        listed.XmlValue("IsTruncated").Should().Be("false");

        (await _client.Iam("DeleteAccountAlias", ("AccountAlias", "renamed"))).EnsureSuccess();
        (await _client.Iam("ListAccountAliases")).XmlValues("member").Should().BeEmpty();
    }

    [Fact]
    public async Task CreateAccountAlias_taken_by_another_account_is_EntityAlreadyExists()
    {
        (await _client.Iam("CreateAccountAlias", ("AccountAlias", "shared"))).EnsureSuccess();
        var answer = await _factory.Client("444444444444").Iam("CreateAccountAlias", ("AccountAlias", "shared"));
        answer.Status.Should().Be(HttpStatusCode.Conflict);
        answer.ErrorCode.Should().Be("EntityAlreadyExists");
        (await _client.Iam("CreateAccountAlias", ("AccountAlias", "Bad_Alias"))).ErrorCode.Should().Be("ValidationError");
        (await _client.Iam("DeleteAccountAlias", ("AccountAlias", "nothere"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task GetAccountSummary_counts_the_accounts_entities_beside_the_quotas()
    {
        await CreateRole(_client, "one");
        (await _client.Iam("CreateUser", ("UserName", "alice"))).EnsureSuccess();
        var answer = (await _client.Iam("GetAccountSummary")).EnsureSuccess();
        var map = answer.Xml.Descendants().Where(e => e.Name.LocalName == "entry")
            .ToDictionary(e => e.Elements().First(x => x.Name.LocalName == "key").Value, e => e.Elements().First(x => x.Name.LocalName == "value").Value);
        map["Roles"].Should().Be("1");
        map["Users"].Should().Be("1");
        map["UsersQuota"].Should().Be("5000");
        map["AccessKeysPerUserQuota"].Should().Be("2");
    }

    [Fact]
    public async Task GetAccountPasswordPolicy_without_one_is_NoSuchEntity_then_Update_sets_it_and_Delete_removes_it()
    {
        var none = await _client.Iam("GetAccountPasswordPolicy");
        none.Status.Should().Be(HttpStatusCode.NotFound);
        none.ErrorMessage.Should().Be("The Password Policy with domain name 333333333333 cannot be found.");

        (await _client.Iam("UpdateAccountPasswordPolicy", ("MinimumPasswordLength", "14"), ("RequireSymbols", "true"), ("MaxPasswordAge", "90"))).EnsureSuccess();
        var policy = (await _client.Iam("GetAccountPasswordPolicy")).EnsureSuccess();
        policy.XmlValue("MinimumPasswordLength").Should().Be("14");
        policy.XmlValue("RequireSymbols").Should().Be("true");
        policy.XmlValue("RequireNumbers").Should().Be("false");
        policy.XmlValue("ExpirePasswords").Should().Be("true");
        policy.XmlValue("MaxPasswordAge").Should().Be("90");

        (await _client.Iam("UpdateAccountPasswordPolicy", ("RequireNumbers", "true"))).EnsureSuccess();
        var replaced = await _client.Iam("GetAccountPasswordPolicy");
        replaced.XmlValue("MinimumPasswordLength").Should().Be("6", "omitted settings take their defaults");
        replaced.XmlValue("ExpirePasswords").Should().Be("false");

        (await _client.Iam("DeleteAccountPasswordPolicy")).EnsureSuccess();
        (await _client.Iam("GetAccountPasswordPolicy")).ErrorCode.Should().Be("NoSuchEntity");
        (await _client.Iam("DeleteAccountPasswordPolicy")).ErrorCode.Should().Be("NoSuchEntity");
    }
}
