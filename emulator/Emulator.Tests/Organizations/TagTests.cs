using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>TagResource, UntagResource, ListTagsForResource and Tags on the create calls.</summary>
public sealed class TagTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public TagTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private async Task<Dictionary<string, string>> Tags(string resourceId) =>
        (await _management.Organizations("ListTagsForResource", new { ResourceId = resourceId })).EnsureSuccess()
            .Json["Tags"]!.AsArray().ToDictionary(t => (string)t!["Key"]!, t => (string)t!["Value"]!);

    private Task<AwsAnswer> Tag(string resourceId, params (string Key, string Value)[] tags) =>
        _management.Organizations("TagResource", new { ResourceId = resourceId, Tags = tags.Select(t => new { t.Key, t.Value }) });

    [Fact]
    public async Task CreateAccount_with_Tags_puts_them_on_the_account()
    {
        await _management.CreateOrganization();
        var created = (await _management.Organizations("CreateAccount", new
        {
            AccountName = "Tagged", Email = "tagged@example.com", Tags = new[] { new { Key = "team", Value = "blue" } },
        })).EnsureSuccess();
        var status = (await _management.Organizations("DescribeCreateAccountStatus",
            new { CreateAccountRequestId = (string)created.Json["CreateAccountStatus"]!["Id"]! })).EnsureSuccess();

        var tags = await Tags((string)status.Json["CreateAccountStatus"]!["AccountId"]!);

        tags.Should().Equal(new Dictionary<string, string> { ["team"] = "blue" });
    }

    [Fact]
    public async Task CreateOrganizationalUnit_with_Tags_puts_them_on_the_ou()
    {
        await _management.CreateOrganization();
        var ou = (await _management.Organizations("CreateOrganizationalUnit", new
        {
            ParentId = await _management.RootId(), Name = "Prod", Tags = new[] { new { Key = "env", Value = "prod" } },
        })).EnsureSuccess();

        (await Tags((string)ou.Json["OrganizationalUnit"]!["Id"]!)).Should().ContainKey("env").WhoseValue.Should().Be("prod");
    }

    [Fact]
    public async Task TagResource_adds_and_overwrites_and_UntagResource_removes()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();

        (await Tag(rootId, ("a", "1"), ("b", "2"))).EnsureSuccess();
        (await Tag(rootId, ("b", "3"), ("c", ""))).EnsureSuccess();
        (await Tags(rootId)).Should().Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "3", ["c"] = "" });

        (await _management.Organizations("UntagResource", new { ResourceId = rootId, TagKeys = new[] { "a", "missing" } })).EnsureSuccess();
        (await Tags(rootId)).Keys.Should().Equal("b", "c");
    }

    [Fact]
    public async Task TagResource_with_the_reserved_aws_prefix_is_INVALID_SYSTEM_TAGS_PARAMETER()
    {
        await _management.CreateOrganization();
        var answer = await Tag(Management, ("AWS:owner", "me"));
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("INVALID_SYSTEM_TAGS_PARAMETER");
    }

    [Fact]
    public async Task TagResource_with_a_duplicate_key_is_DUPLICATE_TAG_KEY()
    {
        await _management.CreateOrganization();
        var answer = await Tag(Management, ("k", "1"), ("k", "2"));
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("DUPLICATE_TAG_KEY");
    }

    [Fact]
    public async Task More_than_50_tags_on_a_resource_is_MAX_TAG_LIMIT_EXCEEDED()
    {
        await _management.CreateOrganization();
        (await Tag(Management, Enumerable.Range(0, 50).Select(i => ($"k{i}", "v")).ToArray())).EnsureSuccess();

        var answer = await Tag(Management, ("one-more", "v"));

        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("MAX_TAG_LIMIT_EXCEEDED");
        (await Tags(Management)).Should().HaveCount(50);
    }

    [Fact]
    public async Task A_tag_key_longer_than_128_is_InvalidInput()
    {
        await _management.CreateOrganization();
        var answer = await Tag(Management, (new string('k', 129), "v"));
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("MAX_LENGTH_EXCEEDED");
    }

    [Theory]
    [InlineData("ListTagsForResource")]
    [InlineData("TagResource")]
    [InlineData("UntagResource")]
    public async Task Tag_operations_on_an_unknown_resource_are_TargetNotFound(string operation)
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations(operation,
            new { ResourceId = "ou-abcd-zzzzzzzz", Tags = new[] { new { Key = "k", Value = "v" } }, TagKeys = new[] { "k" } });
        answer.ErrorCode.Should().Be("TargetNotFoundException");
    }

    [Fact]
    public async Task An_invited_account_joins_with_the_invitations_Tags_and_loses_them_when_it_leaves()
    {
        await _management.CreateOrganization();
        var handshake = (await _management.Organizations("InviteAccountToOrganization", new
        {
            Target = new { Type = "ACCOUNT", Id = "222222222222" }, Tags = new[] { new { Key = "source", Value = "invite" } },
        })).EnsureSuccess();
        (await _management.As("222222222222").Organizations("AcceptHandshake",
            new { HandshakeId = (string)handshake.Json["Handshake"]!["Id"]! })).EnsureSuccess();
        (await Tags("222222222222")).Should().ContainKey("source");

        (await _management.Organizations("RemoveAccountFromOrganization", new { AccountId = "222222222222" })).EnsureSuccess();
        await _management.Join("222222222222");

        (await Tags("222222222222")).Should().BeEmpty();
    }

    [Fact]
    public async Task TagResource_from_a_member_account_is_AccessDenied()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Member");
        var answer = await _management.As(member).Organizations("TagResource",
            new { ResourceId = member, Tags = new[] { new { Key = "k", Value = "v" } } });
        answer.ErrorCode.Should().Be("AccessDeniedException");
    }
}
