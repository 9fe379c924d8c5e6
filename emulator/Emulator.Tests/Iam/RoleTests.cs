using System.Net;
using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Iam;

/// <summary>CreateRole, GetRole, ListRoles, DeleteRole, UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy.</summary>
public sealed class RoleTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _client;

    public RoleTests() => _client = _factory.Client("111111111111");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateRole_returns_the_role_with_its_arn_id_and_url_encoded_trust_policy()
    {
        var answer = await _client.Iam("CreateRole", ("RoleName", "app"), ("Path", "/team/"), ("AssumeRolePolicyDocument", TrustLambda),
            ("Description", "the app"), ("MaxSessionDuration", "7200"), ("Tags.member.1.Key", "env"), ("Tags.member.1.Value", "dev"));

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Xml.Name.LocalName.Should().Be("CreateRoleResponse");
        answer.XmlValue("Arn").Should().Be("arn:aws:iam::111111111111:role/team/app");
        answer.XmlValue("Path").Should().Be("/team/");
        answer.XmlValue("RoleId").Should().MatchRegex("^AROA[A-Z2-7]{17}$");
        answer.XmlValue("MaxSessionDuration").Should().Be("7200");
        answer.XmlValue("Description").Should().Be("the app");
        answer.XmlValue("AssumeRolePolicyDocument").Should().StartWith("%7B%22Version%22");
        WebUtility.UrlDecode(answer.XmlValue("AssumeRolePolicyDocument")).Should().Be(TrustLambda);
        answer.XmlValues("Key").Should().Equal("env");
    }

    [Fact]
    public async Task CreateRole_defaults_path_and_session_duration()
    {
        var answer = await CreateRole(_client, "plain");
        answer.XmlValue("Path").Should().Be("/");
        answer.XmlValue("Arn").Should().Be("arn:aws:iam::111111111111:role/plain");
        answer.XmlValue("MaxSessionDuration").Should().Be("3600");
    }

    [Fact]
    public async Task CreateRole_twice_is_EntityAlreadyExists_whatever_the_case()
    {
        await CreateRole(_client, "app");
        var answer = await _client.Iam("CreateRole", ("RoleName", "APP"), ("AssumeRolePolicyDocument", TrustLambda));
        answer.Status.Should().Be(HttpStatusCode.Conflict);
        answer.ErrorCode.Should().Be("EntityAlreadyExists");
        answer.ErrorMessage.Should().Be("Role with name APP already exists.");
    }

    [Fact]
    public async Task CreateRole_with_a_trust_policy_that_is_not_json_is_MalformedPolicyDocument()
    {
        var answer = await _client.Iam("CreateRole", ("RoleName", "app"), ("AssumeRolePolicyDocument", "file://trust.json"));
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("MalformedPolicyDocument");
        answer.ErrorMessage.Should().Be("This policy contains invalid Json");
        (await _client.Iam("GetRole", ("RoleName", "app"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task CreateRole_with_a_session_duration_out_of_range_is_a_ValidationError()
    {
        var answer = await _client.Iam("CreateRole", ("RoleName", "app"), ("AssumeRolePolicyDocument", TrustLambda), ("MaxSessionDuration", "60"));
        answer.ErrorCode.Should().Be("ValidationError");
    }

    [Fact]
    public async Task CreateRole_with_a_permissions_boundary_shows_it_in_GetRole()
    {
        await CreateRole(_client, "bounded", null, ("PermissionsBoundary", "arn:aws:iam::aws:policy/PowerUserAccess"));
        var role = await _client.Iam("GetRole", ("RoleName", "bounded"));
        role.XmlValue("PermissionsBoundaryArn").Should().Be("arn:aws:iam::aws:policy/PowerUserAccess");
        role.XmlValue("PermissionsBoundaryType").Should().Be("PermissionsBoundaryPolicy");
    }

    [Fact]
    public async Task GetRole_of_an_unknown_role_is_NoSuchEntity()
    {
        var answer = await _client.Iam("GetRole", ("RoleName", "ghost"));
        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.ErrorCode.Should().Be("NoSuchEntity");
        answer.ErrorMessage.Should().Be("The role with name ghost cannot be found.");
    }

    [Fact]
    public async Task GetRole_sees_only_the_callers_account()
    {
        await CreateRole(_client, "mine");
        (await _factory.Client("222222222222").Iam("GetRole", ("RoleName", "mine"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task ListRoles_filters_by_path_prefix_and_pages_with_markers()
    {
        foreach (var name in new[] { "a", "b", "c" }) await CreateRole(_client, name, null, ("Path", "/svc/"));
        await CreateRole(_client, "other");

        var filtered = await _client.Iam("ListRoles", ("PathPrefix", "/svc/"));
        filtered.XmlValues("RoleName").Should().Equal("a", "b", "c");
        filtered.XmlValue("IsTruncated").Should().Be("false");

        var first = await _client.Iam("ListRoles", ("MaxItems", "2"));
        first.XmlValues("RoleName").Should().Equal("a", "b");
        first.XmlValue("IsTruncated").Should().Be("true");
        var marker = first.XmlValue("Marker")!;

        var second = await _client.Iam("ListRoles", ("MaxItems", "2"), ("Marker", marker));
        second.XmlValues("RoleName").Should().Equal("c", "other");
        second.XmlValue("IsTruncated").Should().Be("false");
        second.XmlValue("Marker").Should().BeNull();
    }

    [Fact]
    public async Task ListRoles_rejects_a_marker_it_did_not_issue_and_MaxItems_out_of_range()
    {
        (await _client.Iam("ListRoles", ("Marker", "bogus"))).ErrorCode.Should().Be("ValidationError");
        (await _client.Iam("ListRoles", ("MaxItems", "1001"))).ErrorCode.Should().Be("ValidationError");
    }

    [Fact]
    public async Task ListRoles_leaves_out_tags()
    {
        await CreateRole(_client, "tagged", null, ("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v"));
        var answer = await _client.Iam("ListRoles");
        answer.XmlValues("RoleName").Should().Equal("tagged");
        answer.XmlValues("Tags").Should().BeEmpty();
    }

    [Fact]
    public async Task DeleteRole_removes_the_role()
    {
        await CreateRole(_client, "gone");
        (await _client.Iam("DeleteRole", ("RoleName", "gone"))).EnsureSuccess().Xml.Name.LocalName.Should().Be("DeleteRoleResponse");
        (await _client.Iam("GetRole", ("RoleName", "gone"))).ErrorCode.Should().Be("NoSuchEntity");
        (await _client.Iam("DeleteRole", ("RoleName", "gone"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task DeleteRole_with_an_attached_policy_is_DeleteConflict()
    {
        await CreateRole(_client, "busy");
        (await _client.Iam("AttachRolePolicy", ("RoleName", "busy"), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"))).EnsureSuccess();
        var answer = await _client.Iam("DeleteRole", ("RoleName", "busy"));
        answer.Status.Should().Be(HttpStatusCode.Conflict);
        answer.ErrorCode.Should().Be("DeleteConflict");
        answer.ErrorMessage.Should().Be("Cannot delete entity, must detach all policies first.");
    }

    [Fact]
    public async Task DeleteRole_with_an_inline_policy_is_DeleteConflict()
    {
        await CreateRole(_client, "busy");
        (await _client.Iam("PutRolePolicy", ("RoleName", "busy"), ("PolicyName", "p"), ("PolicyDocument", AllowAll))).EnsureSuccess();
        var answer = await _client.Iam("DeleteRole", ("RoleName", "busy"));
        answer.ErrorCode.Should().Be("DeleteConflict");
        answer.ErrorMessage.Should().Be("Cannot delete entity, must delete policies first.");
    }

    [Fact]
    public async Task UpdateRole_changes_description_and_session_duration()
    {
        await CreateRole(_client, "app");
        var answer = await _client.Iam("UpdateRole", ("RoleName", "app"), ("Description", "new"), ("MaxSessionDuration", "43200"));
        answer.EnsureSuccess().Xml.Descendants().Should().Contain(e => e.Name.LocalName == "UpdateRoleResult");
        var role = await _client.Iam("GetRole", ("RoleName", "app"));
        role.XmlValue("Description").Should().Be("new");
        role.XmlValue("MaxSessionDuration").Should().Be("43200");
    }

    [Fact]
    public async Task UpdateRole_of_an_unknown_role_is_NoSuchEntity()
    {
        (await _client.Iam("UpdateRole", ("RoleName", "ghost"), ("Description", "x"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task UpdateRoleDescription_returns_the_updated_role()
    {
        await CreateRole(_client, "app");
        var answer = await _client.Iam("UpdateRoleDescription", ("RoleName", "app"), ("Description", "described"));
        answer.EnsureSuccess();
        answer.XmlValue("RoleName").Should().Be("app");
        answer.XmlValue("Description").Should().Be("described");
        (await _client.Iam("UpdateRoleDescription", ("RoleName", "ghost"), ("Description", "x"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_replaces_the_trust_policy()
    {
        await CreateRole(_client, "app");
        var trust = TrustAccount("222222222222");
        (await _client.Iam("UpdateAssumeRolePolicy", ("RoleName", "app"), ("PolicyDocument", trust))).EnsureSuccess();
        WebUtility.UrlDecode((await _client.Iam("GetRole", ("RoleName", "app"))).XmlValue("AssumeRolePolicyDocument")).Should().Be(trust);
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_with_bad_json_is_MalformedPolicyDocument_and_keeps_the_old_policy()
    {
        await CreateRole(_client, "app");
        var answer = await _client.Iam("UpdateAssumeRolePolicy", ("RoleName", "app"), ("PolicyDocument", "{\"Statement\": ["));
        answer.ErrorCode.Should().Be("MalformedPolicyDocument");
        WebUtility.UrlDecode((await _client.Iam("GetRole", ("RoleName", "app"))).XmlValue("AssumeRolePolicyDocument")).Should().Be(TrustLambda);
        (await _client.Iam("UpdateAssumeRolePolicy", ("RoleName", "ghost"), ("PolicyDocument", TrustLambda))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task GetRole_answers_again_with_the_same_role_until_the_role_changes()
    {
        await CreateRole(_client, "app");
        var first = await _client.Iam("GetRole", ("RoleName", "app"));
        var again = await _client.Iam("GetRole", ("RoleName", "app"));
        Result(again).Should().Be(Result(first));
        first.XmlValue("RequestId").Should().NotBe(again.XmlValue("RequestId"));

        (await _client.Iam("UpdateRoleDescription", ("RoleName", "app"), ("Description", "a <b> & c"))).EnsureSuccess();
        var updated = await _client.Iam("GetRole", ("RoleName", "app"));
        updated.XmlValue("Description").Should().Be("a <b> & c");
        Result(updated).Should().Be(Result(first).Replace("<MaxSessionDuration>", "<Description>a &lt;b&gt; &amp; c</Description><MaxSessionDuration>"));
    }

    private static string Result(AwsAnswer answer) =>
        answer.Xml.Descendants().Single(e => e.Name.LocalName == "GetRoleResult").ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
}
