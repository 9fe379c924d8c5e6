using System.Net;
using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Iam;

/// <summary>Managed and inline role policies, permissions boundaries and role tags.</summary>
public sealed class RolePolicyTests : IDisposable
{
    private const string ReadOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _client;

    public RolePolicyTests() => _client = _factory.Client("111111111111");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AttachRolePolicy_then_ListAttachedRolePolicies_names_the_policy_by_its_last_path_segment()
    {
        await CreateRole(_client, "app");
        (await _client.Iam("CreatePolicy", ("PolicyName", "Custom"), ("Path", "/team/"), ("PolicyDocument", AllowAll))).EnsureSuccess();
        (await _client.Iam("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", ReadOnly))).EnsureSuccess();
        (await _client.Iam("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", "arn:aws:iam::111111111111:policy/team/Custom"))).EnsureSuccess();
        (await _client.Iam("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", ReadOnly))).EnsureSuccess(); // idempotent

        var all = await _client.Iam("ListAttachedRolePolicies", ("RoleName", "app"));
        all.XmlValues("PolicyName").Should().Equal("ReadOnlyAccess", "Custom");
        all.XmlValues("PolicyArn").Should().Equal(ReadOnly, "arn:aws:iam::111111111111:policy/team/Custom");

        var underTeam = await _client.Iam("ListAttachedRolePolicies", ("RoleName", "app"), ("PathPrefix", "/team/"));
        underTeam.XmlValues("PolicyName").Should().Equal("Custom");
    }

    [Fact]
    public async Task ListAttachedRolePolicies_pages_with_markers()
    {
        await CreateRole(_client, "app");
        foreach (var name in new[] { "AdministratorAccess", "IAMFullAccess", "ReadOnlyAccess" })
            (await _client.Iam("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", $"arn:aws:iam::aws:policy/{name}"))).EnsureSuccess();
        var first = await _client.Iam("ListAttachedRolePolicies", ("RoleName", "app"), ("MaxItems", "2"));
        first.XmlValues("PolicyName").Should().Equal("AdministratorAccess", "IAMFullAccess");
        first.XmlValue("IsTruncated").Should().Be("true");
        var second = await _client.Iam("ListAttachedRolePolicies", ("RoleName", "app"), ("Marker", first.XmlValue("Marker")!));
        second.XmlValues("PolicyName").Should().Equal("ReadOnlyAccess");
        second.XmlValue("IsTruncated").Should().Be("false");
    }

    [Fact]
    public async Task AttachRolePolicy_of_an_AWS_managed_policy_that_does_not_exist_is_NoSuchEntity()
    {
        await CreateRole(_client, "app");
        var answer = await _client.Iam("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", "arn:aws:iam::aws:policy/NoSuchPolicyAnywhere"));
        answer.Status.Should().Be(System.Net.HttpStatusCode.NotFound);
        answer.ErrorCode.Should().Be("NoSuchEntity");
        answer.ErrorMessage.Should().Be("Policy arn:aws:iam::aws:policy/NoSuchPolicyAnywhere does not exist or is not attachable.");
    }

    [Fact]
    public async Task AttachRolePolicy_with_a_malformed_arn_is_InvalidInput()
    {
        await CreateRole(_client, "app");
        var answer = await _client.Iam("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", "arn:aws:s3:::bucket/object-key"));
        answer.ErrorCode.Should().Be("InvalidInput");
        answer.ErrorMessage.Should().Be("ARN arn:aws:s3:::bucket/object-key is not valid.");
    }

    [Fact]
    public async Task AttachRolePolicy_of_a_service_role_policy_to_a_customer_role_is_PolicyNotAttachable()
    {
        await CreateRole(_client, "app");
        var answer = await _client.Iam("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", "arn:aws:iam::aws:policy/aws-service-role/AWSSSOServiceRolePolicy"));
        answer.ErrorCode.Should().Be("PolicyNotAttachable");
    }

    [Fact]
    public async Task AttachRolePolicy_to_an_unknown_role_is_NoSuchEntity()
    {
        (await _client.Iam("AttachRolePolicy", ("RoleName", "ghost"), ("PolicyArn", ReadOnly))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task DetachRolePolicy_removes_it_and_detaching_again_is_NoSuchEntity()
    {
        await CreateRole(_client, "app");
        (await _client.Iam("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", ReadOnly))).EnsureSuccess();
        (await _client.Iam("DetachRolePolicy", ("RoleName", "app"), ("PolicyArn", ReadOnly))).EnsureSuccess();
        (await _client.Iam("ListAttachedRolePolicies", ("RoleName", "app"))).XmlValues("PolicyArn").Should().BeEmpty();

        var again = await _client.Iam("DetachRolePolicy", ("RoleName", "app"), ("PolicyArn", ReadOnly));
        again.Status.Should().Be(HttpStatusCode.NotFound);
        again.ErrorCode.Should().Be("NoSuchEntity");
        again.ErrorMessage.Should().Be($"Policy {ReadOnly} was not found.");
    }

    [Fact]
    public async Task PutRolePolicy_then_GetRolePolicy_returns_the_document_url_encoded()
    {
        await CreateRole(_client, "app");
        (await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "admin.v1"), ("PolicyDocument", AllowAll))).EnsureSuccess();
        var answer = await _client.Iam("GetRolePolicy", ("RoleName", "app"), ("PolicyName", "admin.v1"));
        answer.XmlValue("RoleName").Should().Be("app");
        answer.XmlValue("PolicyName").Should().Be("admin.v1");
        answer.XmlValue("PolicyDocument").Should().StartWith("%7B");
        WebUtility.UrlDecode(answer.XmlValue("PolicyDocument")).Should().Be(AllowAll);
    }

    [Fact]
    public async Task PutRolePolicy_with_the_same_name_replaces_the_document()
    {
        await CreateRole(_client, "app");
        (await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "p"), ("PolicyDocument", AllowAll))).EnsureSuccess();
        var narrower = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
        (await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "p"), ("PolicyDocument", narrower))).EnsureSuccess();
        WebUtility.UrlDecode((await _client.Iam("GetRolePolicy", ("RoleName", "app"), ("PolicyName", "p"))).XmlValue("PolicyDocument")).Should().Be(narrower);
        (await _client.Iam("ListRolePolicies", ("RoleName", "app"))).XmlValues("member").Should().Equal("p");
    }

    [Fact]
    public async Task Inline_policies_of_a_role_are_limited_to_10240_characters_in_total_white_space_not_counted()
    {
        await CreateRole(_client, "app");
        static string Policy(int actions) => "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" +
            string.Join(",", Enumerable.Range(0, actions).Select(i => $"\"s3:Get{i:D5}\"")) + "],\"Resource\":\"*\"}]}";
        var big = Policy(355); // 5,053 characters: two fit (10,106), a third small one (223) does not
        big.Length.Should().Be(5_053);
        (await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "one"), ("PolicyDocument", big))).EnsureSuccess();
        (await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "one"), ("PolicyDocument", big))).EnsureSuccess(); // replacing is not adding
        (await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "spaced"), ("PolicyDocument", big.Replace(",", ",   ")))).EnsureSuccess();

        var third = await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "three"), ("PolicyDocument", Policy(10)));
        third.Status.Should().Be(HttpStatusCode.Conflict);
        third.ErrorCode.Should().Be("LimitExceeded");
        third.ErrorMessage.Should().Be("Maximum policy size of 10240 bytes exceeded for role app");
        (await _client.Iam("ListRolePolicies", ("RoleName", "app"))).XmlValues("member").Should().Equal("one", "spaced");
    }

    [Fact]
    public async Task PutRolePolicy_with_invalid_json_is_MalformedPolicyDocument()
    {
        await CreateRole(_client, "app");
        var answer = await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "p"), ("PolicyDocument", "not json"));
        answer.ErrorCode.Should().Be("MalformedPolicyDocument");
        answer.ErrorMessage.Should().Be("This policy contains invalid Json");
        var noStatement = await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "p"), ("PolicyDocument", """{"Version":"2012-10-17"}"""));
        noStatement.ErrorCode.Should().Be("MalformedPolicyDocument");
    }

    [Fact]
    public async Task GetRolePolicy_and_DeleteRolePolicy_of_a_missing_policy_are_NoSuchEntity()
    {
        await CreateRole(_client, "app");
        var get = await _client.Iam("GetRolePolicy", ("RoleName", "app"), ("PolicyName", "nope"));
        get.ErrorCode.Should().Be("NoSuchEntity");
        get.ErrorMessage.Should().Be("The role policy with name nope cannot be found.");
        (await _client.Iam("DeleteRolePolicy", ("RoleName", "app"), ("PolicyName", "nope"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task DeleteRolePolicy_removes_it_from_ListRolePolicies()
    {
        await CreateRole(_client, "app");
        foreach (var name in new[] { "one", "two" })
            (await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", name), ("PolicyDocument", AllowAll))).EnsureSuccess();
        (await _client.Iam("ListRolePolicies", ("RoleName", "app"))).XmlValues("member").Should().Equal("one", "two");
        (await _client.Iam("DeleteRolePolicy", ("RoleName", "app"), ("PolicyName", "one"))).EnsureSuccess();
        (await _client.Iam("ListRolePolicies", ("RoleName", "app"))).XmlValues("member").Should().Equal("two");
    }

    [Fact]
    public async Task ListRolePolicies_pages_with_markers()
    {
        await CreateRole(_client, "app");
        foreach (var name in new[] { "a", "b", "c" })
            (await _client.Iam("PutRolePolicy", ("RoleName", "app"), ("PolicyName", name), ("PolicyDocument", AllowAll))).EnsureSuccess();
        var first = await _client.Iam("ListRolePolicies", ("RoleName", "app"), ("MaxItems", "1"));
        first.XmlValues("member").Should().Equal("a");
        first.XmlValue("IsTruncated").Should().Be("true");
        var rest = await _client.Iam("ListRolePolicies", ("RoleName", "app"), ("Marker", first.XmlValue("Marker")!));
        rest.XmlValues("member").Should().Equal("b", "c");
    }

    [Fact]
    public async Task PutRolePermissionsBoundary_and_DeleteRolePermissionsBoundary()
    {
        await CreateRole(_client, "app");
        (await _client.Iam("PutRolePermissionsBoundary", ("RoleName", "app"), ("PermissionsBoundary", ReadOnly))).EnsureSuccess();
        (await _client.Iam("GetRole", ("RoleName", "app"))).XmlValue("PermissionsBoundaryArn").Should().Be(ReadOnly);
        (await _client.Iam("DeleteRolePermissionsBoundary", ("RoleName", "app"))).EnsureSuccess();
        (await _client.Iam("GetRole", ("RoleName", "app"))).XmlValue("PermissionsBoundaryArn").Should().BeNull();
        (await _client.Iam("PutRolePermissionsBoundary", ("RoleName", "app"), ("PermissionsBoundary", "arn:aws:s3:::bucket/object-key"))).ErrorCode.Should().Be("InvalidInput");
    }

    [Fact]
    public async Task TagRole_UntagRole_ListRoleTags()
    {
        await CreateRole(_client, "app", null, ("Tags.member.1.Key", "env"), ("Tags.member.1.Value", "dev"));
        (await _client.Iam("TagRole", ("RoleName", "app"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "core"),
            ("Tags.member.2.Key", "env"), ("Tags.member.2.Value", "prod"))).EnsureSuccess();
        var tags = await _client.Iam("ListRoleTags", ("RoleName", "app"));
        tags.XmlValues("Key").Should().Equal("env", "team");
        tags.XmlValues("Value").Should().Equal("prod", "core");
        tags.XmlValue("IsTruncated").Should().Be("false");

        (await _client.Iam("UntagRole", ("RoleName", "app"), ("TagKeys.member.1", "env"))).EnsureSuccess();
        (await _client.Iam("ListRoleTags", ("RoleName", "app"))).XmlValues("Key").Should().Equal("team");
        (await _client.Iam("GetRole", ("RoleName", "app"))).XmlValues("Key").Should().Equal("team");
    }

    [Fact]
    public async Task TagRole_with_duplicate_keys_is_InvalidInput_and_unknown_role_is_NoSuchEntity()
    {
        await CreateRole(_client, "app");
        (await _client.Iam("TagRole", ("RoleName", "app"), ("Tags.member.1.Key", "a"), ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "A"), ("Tags.member.2.Value", "2"))).ErrorCode.Should().Be("InvalidInput");
        (await _client.Iam("TagRole", ("RoleName", "ghost"), ("Tags.member.1.Key", "a"), ("Tags.member.1.Value", "1"))).ErrorCode.Should().Be("NoSuchEntity");
        (await _client.Iam("ListRoleTags", ("RoleName", "ghost"))).ErrorCode.Should().Be("NoSuchEntity");
    }
}
