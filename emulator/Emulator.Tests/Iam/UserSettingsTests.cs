using System.Net;
using Emulator.Tests.Support;

namespace Emulator.Tests.Iam;

/// <summary>UpdateUser, user tags, MFA devices, access key status and last use.</summary>
public sealed class UserSettingsTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _client;

    public UserSettingsTests() => _client = _factory.Client("333333333333");

    public void Dispose() => _factory.Dispose();

    private async Task<string> UserWithKey(string name)
    {
        (await _client.Iam("CreateUser", ("UserName", name))).EnsureSuccess();
        return (await _client.Iam("CreateAccessKey", ("UserName", name))).EnsureSuccess().XmlValue("AccessKeyId")!;
    }

    [Fact]
    public async Task UpdateUser_renames_and_moves_the_user_and_its_keys_follow()
    {
        var keyId = await UserWithKey("alice");
        var userId = (await _client.Iam("GetUser", ("UserName", "alice"))).XmlValue("UserId");
        (await _client.Iam("UpdateUser", ("UserName", "alice"), ("NewUserName", "alicia"), ("NewPath", "/staff/"))).EnsureSuccess();

        (await _client.Iam("GetUser", ("UserName", "alice"))).ErrorCode.Should().Be("NoSuchEntity");
        var renamed = (await _client.Iam("GetUser", ("UserName", "alicia"))).EnsureSuccess();
        renamed.XmlValue("UserId").Should().Be(userId);
        renamed.XmlValue("Arn").Should().Be("arn:aws:iam::333333333333:user/staff/alicia");
        (await _client.Iam("ListAccessKeys", ("UserName", "alicia"))).XmlValues("AccessKeyId").Should().Equal(keyId);
    }

    [Fact]
    public async Task UpdateUser_to_a_taken_name_is_EntityAlreadyExists()
    {
        (await _client.Iam("CreateUser", ("UserName", "a"))).EnsureSuccess();
        (await _client.Iam("CreateUser", ("UserName", "b"))).EnsureSuccess();
        var answer = await _client.Iam("UpdateUser", ("UserName", "a"), ("NewUserName", "B"));
        answer.Status.Should().Be(HttpStatusCode.Conflict);
        answer.ErrorCode.Should().Be("EntityAlreadyExists");
        (await _client.Iam("UpdateUser", ("UserName", "nobody"), ("NewPath", "/x/"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task TagUser_ListUserTags_UntagUser_keep_empty_values_and_refuse_aws_keys()
    {
        (await _client.Iam("CreateUser", ("UserName", "bob"), ("Tags.member.1.Key", "empty"), ("Tags.member.1.Value", ""))).EnsureSuccess();
        (await _client.Iam("TagUser", ("UserName", "bob"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"))).EnsureSuccess();

        var tags = (await _client.Iam("ListUserTags", ("UserName", "bob"))).EnsureSuccess();
        tags.XmlValues("Key").Should().Equal("empty", "team");
        tags.XmlValues("Value").Should().Equal("", "blue");
        (await _client.Iam("GetUser", ("UserName", "bob"))).XmlValues("Value").Should().Equal("", "blue");

        var reserved = await _client.Iam("TagUser", ("UserName", "bob"), ("Tags.member.1.Key", "AWS:thing"), ("Tags.member.1.Value", "x"));
        reserved.ErrorCode.Should().Be("InvalidInput");
        reserved.ErrorMessage.Should().Be("Tag keys starting with 'aws:' are reserved for internal use.");

        (await _client.Iam("UntagUser", ("UserName", "bob"), ("TagKeys.member.1", "TEAM"))).EnsureSuccess();
        (await _client.Iam("ListUserTags", ("UserName", "bob"))).XmlValues("Key").Should().Equal("empty");
    }

    [Fact]
    public async Task TagRole_with_an_aws_key_is_InvalidInput_and_GetRole_keeps_empty_values()
    {
        await IamTestSupport.CreateRole(_client, "r", null, ("Tags.member.1.Key", "blank"), ("Tags.member.1.Value", ""));
        (await _client.Iam("GetRole", ("RoleName", "r"))).XmlValues("Value").Should().Equal("");
        (await _client.Iam("ListRoleTags", ("RoleName", "r"))).XmlValues("Value").Should().Equal("");
        (await _client.Iam("TagRole", ("RoleName", "r"), ("Tags.member.1.Key", "aws:cloudformation:stack-name"), ("Tags.member.1.Value", "x")))
            .ErrorCode.Should().Be("InvalidInput");
    }

    [Fact]
    public async Task ListMFADevices_of_a_user_is_empty_and_of_an_unknown_user_is_NoSuchEntity()
    {
        (await _client.Iam("CreateUser", ("UserName", "carol"))).EnsureSuccess();
        var answer = (await _client.Iam("ListMFADevices", ("UserName", "carol"))).EnsureSuccess();
        answer.XmlValues("SerialNumber").Should().BeEmpty();
        answer.XmlValue("IsTruncated").Should().Be("false");
        (await _client.Iam("ListMFADevices", ("UserName", "nobody"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task UpdateAccessKey_Inactive_stops_the_key_signing_as_its_user_and_Active_restores_it()
    {
        const string dave = "arn:aws:iam::333333333333:user/dave";
        var keyId = await UserWithKey("dave");
        (await _client.Iam("UpdateAccessKey", ("UserName", "dave"), ("AccessKeyId", keyId), ("Status", "Inactive"))).EnsureSuccess();
        (await _client.Iam("ListAccessKeys", ("UserName", "dave"))).XmlValue("Status").Should().Be("Inactive");
        (await _client.As(keyId).Sts("GetCallerIdentity")).XmlValue("Arn").Should().NotBe(dave);

        (await _client.Iam("UpdateAccessKey", ("UserName", "dave"), ("AccessKeyId", keyId), ("Status", "Active"))).EnsureSuccess();
        (await _client.As(keyId).Sts("GetCallerIdentity")).EnsureSuccess().XmlValue("Arn").Should().Be(dave);
        (await _client.Iam("UpdateAccessKey", ("UserName", "dave"), ("AccessKeyId", "AKIAUNKNOWN000000000"), ("Status", "Active")))
            .ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task GetAccessKeyLastUsed_answers_as_for_a_key_never_used()
    {
        var keyId = await UserWithKey("erin");
        var answer = (await _client.Iam("GetAccessKeyLastUsed", ("AccessKeyId", keyId))).EnsureSuccess();
        answer.XmlValue("UserName").Should().Be("erin");
        answer.XmlValue("ServiceName").Should().Be("N/A");
        answer.XmlValue("Region").Should().Be("N/A");
        (await _factory.Client("444444444444").Iam("GetAccessKeyLastUsed", ("AccessKeyId", keyId))).ErrorCode.Should().Be("NoSuchEntity");
    }
}
