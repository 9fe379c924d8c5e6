using System.Net;
using Emulator.Tests.Support;

namespace Emulator.Tests.Iam;

/// <summary>CreateUser, GetUser, DeleteUser, ListUsers, CreateAccessKey, ListAccessKeys, DeleteAccessKey.</summary>
public sealed class UserTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _client;

    public UserTests() => _client = _factory.Client("111111111111");

    public void Dispose() => _factory.Dispose();

    private async Task<AwsAnswer> CreateUser(string name, params (string, string)[] more) =>
        (await _client.Iam("CreateUser", [("UserName", name), .. more])).EnsureSuccess();

    private async Task<(string Id, string Secret)> CreateKey(string userName)
    {
        var answer = (await _client.Iam("CreateAccessKey", ("UserName", userName))).EnsureSuccess();
        return (answer.XmlValue("AccessKeyId")!, answer.XmlValue("SecretAccessKey")!);
    }

    /// <summary>Enforcement is on: a user calling IAM with its own key needs a policy that allows it.</summary>
    private async Task AllowIam(string userName) =>
        (await _client.Iam("AttachUserPolicy", ("UserName", userName), ("PolicyArn", "arn:aws:iam::aws:policy/IAMFullAccess"))).EnsureSuccess();

    [Fact]
    public async Task CreateUser_returns_the_user_with_an_AIDA_id_and_its_arn()
    {
        var answer = await CreateUser("alice", ("Path", "/staff/"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "core"));
        answer.XmlValue("UserName").Should().Be("alice");
        answer.XmlValue("UserId").Should().MatchRegex("^AIDA[A-Z2-7]{17}$");
        answer.XmlValue("Arn").Should().Be("arn:aws:iam::111111111111:user/staff/alice");
        answer.XmlValue("Path").Should().Be("/staff/");
        answer.XmlValues("Key").Should().Equal("team");
    }

    [Fact]
    public async Task CreateUser_twice_is_EntityAlreadyExists()
    {
        await CreateUser("alice");
        var answer = await _client.Iam("CreateUser", ("UserName", "Alice"));
        answer.Status.Should().Be(HttpStatusCode.Conflict);
        answer.ErrorCode.Should().Be("EntityAlreadyExists");
        answer.ErrorMessage.Should().Be("User with name Alice already exists.");
    }

    [Fact]
    public async Task GetUser_by_name_and_of_an_unknown_user()
    {
        await CreateUser("alice");
        (await _client.Iam("GetUser", ("UserName", "alice"))).XmlValue("Arn").Should().Be("arn:aws:iam::111111111111:user/alice");
        var missing = await _client.Iam("GetUser", ("UserName", "bob"));
        missing.Status.Should().Be(HttpStatusCode.NotFound);
        missing.ErrorCode.Should().Be("NoSuchEntity");
        missing.ErrorMessage.Should().Be("The user with name bob cannot be found.");
    }

    [Fact]
    public async Task GetUser_without_a_name_as_root_describes_the_root_user()
    {
        var answer = (await _client.Iam("GetUser")).EnsureSuccess();
        answer.XmlValue("UserId").Should().Be("111111111111");
        answer.XmlValue("Arn").Should().Be("arn:aws:iam::111111111111:root");
        answer.XmlValue("UserName").Should().BeNull();
    }

    [Fact]
    public async Task GetUser_without_a_name_with_a_users_access_key_describes_that_user()
    {
        var userId = (await CreateUser("alice")).XmlValue("UserId");
        await AllowIam("alice");
        var (keyId, _) = await CreateKey("alice");
        var answer = (await _client.As(keyId).Iam("GetUser")).EnsureSuccess();
        answer.XmlValue("UserName").Should().Be("alice");
        answer.XmlValue("UserId").Should().Be(userId);
    }

    [Fact]
    public async Task DeleteUser_removes_the_user_but_not_while_it_has_access_keys()
    {
        await CreateUser("alice");
        var (keyId, _) = await CreateKey("alice");
        var conflict = await _client.Iam("DeleteUser", ("UserName", "alice"));
        conflict.Status.Should().Be(HttpStatusCode.Conflict);
        conflict.ErrorCode.Should().Be("DeleteConflict");
        conflict.ErrorMessage.Should().Be("Cannot delete entity, must delete access keys first.");

        (await _client.Iam("DeleteAccessKey", ("UserName", "alice"), ("AccessKeyId", keyId))).EnsureSuccess();
        (await _client.Iam("DeleteUser", ("UserName", "alice"))).EnsureSuccess();
        (await _client.Iam("GetUser", ("UserName", "alice"))).ErrorCode.Should().Be("NoSuchEntity");
        (await _client.Iam("DeleteUser", ("UserName", "alice"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task ListUsers_filters_by_path_prefix_and_pages()
    {
        await CreateUser("a", ("Path", "/staff/"));
        await CreateUser("b", ("Path", "/staff/"));
        await CreateUser("c");
        (await _client.Iam("ListUsers", ("PathPrefix", "/staff/"))).XmlValues("UserName").Should().Equal("a", "b");
        var first = await _client.Iam("ListUsers", ("MaxItems", "2"));
        first.XmlValues("UserName").Should().Equal("a", "b");
        first.XmlValue("IsTruncated").Should().Be("true");
        var rest = await _client.Iam("ListUsers", ("Marker", first.XmlValue("Marker")!));
        rest.XmlValues("UserName").Should().Equal("c");
        rest.XmlValue("IsTruncated").Should().Be("false");
    }

    [Fact]
    public async Task CreateAccessKey_issues_an_AKIA_key_that_signs_as_the_user()
    {
        await CreateUser("alice");
        var answer = (await _client.Iam("CreateAccessKey", ("UserName", "alice"))).EnsureSuccess();
        answer.XmlValue("UserName").Should().Be("alice");
        answer.XmlValue("Status").Should().Be("Active");
        var keyId = answer.XmlValue("AccessKeyId")!;
        keyId.Should().MatchRegex("^AKIA[A-Z2-7]{16}$");
        answer.XmlValue("SecretAccessKey").Should().HaveLength(40);

        var identity = await _client.As(keyId).Sts("GetCallerIdentity");
        identity.XmlValue("Arn").Should().Be("arn:aws:iam::111111111111:user/alice");
        identity.XmlValue("Account").Should().Be("111111111111");
    }

    [Fact]
    public async Task CreateAccessKey_without_a_name_is_for_the_calling_user_and_a_third_key_is_LimitExceeded()
    {
        await CreateUser("alice");
        await AllowIam("alice");
        var (keyId, _) = await CreateKey("alice");
        (await _client.As(keyId).Iam("CreateAccessKey")).EnsureSuccess().XmlValue("UserName").Should().Be("alice");
        var third = await _client.Iam("CreateAccessKey", ("UserName", "alice"));
        third.Status.Should().Be(HttpStatusCode.Conflict);
        third.ErrorCode.Should().Be("LimitExceeded");
    }

    [Fact]
    public async Task CreateAccessKey_for_an_unknown_user_is_NoSuchEntity()
    {
        (await _client.Iam("CreateAccessKey", ("UserName", "nobody"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task ListAccessKeys_shows_metadata_without_secrets()
    {
        await CreateUser("alice");
        await AllowIam("alice");
        var (first, _) = await CreateKey("alice");
        var (second, _) = await CreateKey("alice");
        var answer = await _client.Iam("ListAccessKeys", ("UserName", "alice"));
        answer.XmlValues("AccessKeyId").Should().BeEquivalentTo([first, second]);
        answer.XmlValues("SecretAccessKey").Should().BeEmpty();
        (await _client.As(first).Iam("ListAccessKeys")).XmlValues("AccessKeyId").Should().HaveCount(2);
    }

    [Fact]
    public async Task DeleteAccessKey_of_an_unknown_key_is_NoSuchEntity_and_a_deleted_key_no_longer_signs_as_the_user()
    {
        await CreateUser("alice");
        var (keyId, _) = await CreateKey("alice");
        var missing = await _client.Iam("DeleteAccessKey", ("UserName", "alice"), ("AccessKeyId", "AKIAAAAAAAAAAAAAAAAA"));
        missing.ErrorCode.Should().Be("NoSuchEntity");
        missing.ErrorMessage.Should().Be("The Access Key with id AKIAAAAAAAAAAAAAAAAA cannot be found.");

        (await _client.Iam("DeleteAccessKey", ("UserName", "alice"), ("AccessKeyId", keyId))).EnsureSuccess();
        (await _client.Iam("ListAccessKeys", ("UserName", "alice"))).XmlValues("AccessKeyId").Should().BeEmpty();
        var refused = await _client.As(keyId).Sts("GetCallerIdentity");
        refused.Status.Should().Be(System.Net.HttpStatusCode.Forbidden);
        refused.ErrorCode.Should().Be("InvalidClientTokenId");
    }
}
