using System.Net;
using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Iam;

/// <summary>Customer managed policies: versions, default version, listing, entities, deletion conflicts, document checks.</summary>
public sealed class ManagedPolicyTests : IDisposable
{
    private const string Account = "111111111111";
    private const string ReadRoles = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}""";
    private const string ListRoles = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*"}]}""";
    private static readonly string Arn = $"arn:aws:iam::{Account}:policy/team/readers";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _root;

    public ManagedPolicyTests() => _root = _factory.Client(Account);

    public void Dispose() => _factory.Dispose();

    private async Task<AwsAnswer> CreatePolicy(string document = ReadRoles) =>
        await _root.Iam("CreatePolicy", ("PolicyName", "readers"), ("Path", "/team/"), ("PolicyDocument", document), ("Description", "read roles"));

    [Fact]
    public async Task CreatePolicy_answers_the_policy_and_GetPolicy_and_GetPolicyVersion_read_it_back()
    {
        var created = (await CreatePolicy()).EnsureSuccess();
        created.XmlValue("Arn").Should().Be(Arn);
        created.XmlValue("DefaultVersionId").Should().Be("v1");
        created.XmlValue("PolicyId").Should().StartWith("ANPA").And.HaveLength(21);
        created.XmlValue("AttachmentCount").Should().Be("0");

        var got = (await _root.Iam("GetPolicy", ("PolicyArn", Arn))).EnsureSuccess();
        got.XmlValue("Description").Should().Be("read roles");
        got.XmlValue("Path").Should().Be("/team/");
        var version = (await _root.Iam("GetPolicyVersion", ("PolicyArn", Arn), ("VersionId", "v1"))).EnsureSuccess();
        Uri.UnescapeDataString(version.XmlValue("Document")!).Should().Be(ReadRoles);
        version.XmlValue("IsDefaultVersion").Should().Be("true");
    }

    [Fact]
    public async Task CreatePolicy_twice_with_one_name_is_EntityAlreadyExists()
    {
        (await CreatePolicy()).EnsureSuccess();
        var again = await CreatePolicy();
        again.Status.Should().Be(HttpStatusCode.Conflict);
        again.ErrorCode.Should().Be("EntityAlreadyExists");
        again.ErrorMessage.Should().Be("A policy called readers already exists. Duplicate names are not allowed.");
    }

    [Theory]
    [InlineData("not json", "This policy contains invalid Json")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Principal":"*"}]}""", "Policy document should not specify a principal.")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"s3:*"}]}""", "Policy statement must contain resources.")]
    [InlineData("""{"Statement":[{"Effect":"Maybe","Action":"s3:*","Resource":"*"}]}""", "Syntax errors in policy.")]
    public async Task CreatePolicy_with_a_bad_document_is_MalformedPolicyDocument(string document, string message)
    {
        var answer = await CreatePolicy(document);
        answer.ErrorCode.Should().Be("MalformedPolicyDocument");
        answer.ErrorMessage.Should().Be(message);
        (await _root.Iam("GetPolicy", ("PolicyArn", Arn))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task CreatePolicyVersion_keeps_five_versions_and_SetDefaultPolicyVersion_switches_the_default()
    {
        (await CreatePolicy()).EnsureSuccess();
        for (var i = 2; i <= 5; i++)
            (await _root.Iam("CreatePolicyVersion", ("PolicyArn", Arn), ("PolicyDocument", ListRoles))).EnsureSuccess().XmlValue("VersionId").Should().Be($"v{i}");
        var sixth = await _root.Iam("CreatePolicyVersion", ("PolicyArn", Arn), ("PolicyDocument", ListRoles));
        sixth.ErrorCode.Should().Be("LimitExceeded");
        sixth.ErrorMessage.Should().Be("A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.");

        (await _root.Iam("SetDefaultPolicyVersion", ("PolicyArn", Arn), ("VersionId", "v3"))).EnsureSuccess();
        (await _root.Iam("GetPolicy", ("PolicyArn", Arn))).XmlValue("DefaultVersionId").Should().Be("v3");
        var versions = (await _root.Iam("ListPolicyVersions", ("PolicyArn", Arn))).EnsureSuccess();
        versions.XmlValues("VersionId").Should().Equal("v5", "v4", "v3", "v2", "v1");
        versions.XmlValues("IsDefaultVersion").Should().Equal("false", "false", "true", "false", "false");

        var deleteDefault = await _root.Iam("DeletePolicyVersion", ("PolicyArn", Arn), ("VersionId", "v3"));
        deleteDefault.ErrorCode.Should().Be("DeleteConflict");
        deleteDefault.ErrorMessage.Should().Be("Cannot delete the default version of a policy.");
        (await _root.Iam("DeletePolicyVersion", ("PolicyArn", Arn), ("VersionId", "v1"))).EnsureSuccess();
        (await _root.Iam("CreatePolicyVersion", ("PolicyArn", Arn), ("PolicyDocument", ReadRoles), ("SetAsDefault", "true")))
            .EnsureSuccess().XmlValue("VersionId").Should().Be("v6");
        (await _root.Iam("GetPolicyVersion", ("PolicyArn", Arn), ("VersionId", "v1"))).ErrorCode.Should().Be("NoSuchEntity");
        (await _root.Iam("ListPolicyVersions", ("PolicyArn", Arn), ("MaxItems", "2"))).XmlValues("VersionId").Should().Equal("v6", "v5");
    }

    [Fact]
    public async Task A_customer_policy_attaches_to_users_roles_and_groups_and_DeletePolicy_waits_for_detaching_and_versions()
    {
        (await CreatePolicy()).EnsureSuccess();
        (await _root.Iam("CreateUser", ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("CreateGroup", ("GroupName", "devs"))).EnsureSuccess();
        await CreateRole(_root, "app");
        (await _root.Iam("AttachUserPolicy", ("UserName", "ann"), ("PolicyArn", Arn))).EnsureSuccess();
        (await _root.Iam("AttachGroupPolicy", ("GroupName", "devs"), ("PolicyArn", Arn))).EnsureSuccess();
        (await _root.Iam("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", Arn))).EnsureSuccess();
        (await _root.Iam("GetPolicy", ("PolicyArn", Arn))).XmlValue("AttachmentCount").Should().Be("3");

        var entities = (await _root.Iam("ListEntitiesForPolicy", ("PolicyArn", Arn))).EnsureSuccess();
        entities.XmlValues("UserName").Should().Equal("ann");
        entities.XmlValues("GroupName").Should().Equal("devs");
        entities.XmlValues("RoleName").Should().Equal("app");
        (await _root.Iam("ListEntitiesForPolicy", ("PolicyArn", Arn), ("EntityFilter", "Role"))).XmlValues("UserName").Should().BeEmpty();

        var attached = await _root.Iam("DeletePolicy", ("PolicyArn", Arn));
        attached.ErrorCode.Should().Be("DeleteConflict");
        attached.ErrorMessage.Should().Be("Cannot delete a policy attached to entities.");
        (await _root.Iam("DetachUserPolicy", ("UserName", "ann"), ("PolicyArn", Arn))).EnsureSuccess();
        (await _root.Iam("DetachGroupPolicy", ("GroupName", "devs"), ("PolicyArn", Arn))).EnsureSuccess();
        (await _root.Iam("DetachRolePolicy", ("RoleName", "app"), ("PolicyArn", Arn))).EnsureSuccess();
        (await _root.Iam("CreatePolicyVersion", ("PolicyArn", Arn), ("PolicyDocument", ListRoles))).EnsureSuccess();
        (await _root.Iam("DeletePolicy", ("PolicyArn", Arn))).ErrorCode.Should().Be("DeleteConflict");
        (await _root.Iam("DeletePolicyVersion", ("PolicyArn", Arn), ("VersionId", "v2"))).EnsureSuccess();
        (await _root.Iam("DeletePolicy", ("PolicyArn", Arn))).EnsureSuccess();
        (await _root.Iam("GetPolicy", ("PolicyArn", Arn))).ErrorMessage.Should().Be($"Policy {Arn} was not found.");
    }

    [Fact]
    public async Task Attaching_a_customer_policy_that_does_not_exist_is_NoSuchEntity()
    {
        (await _root.Iam("CreateUser", ("UserName", "ann"))).EnsureSuccess();
        var answer = await _root.Iam("AttachUserPolicy", ("UserName", "ann"), ("PolicyArn", Arn));
        answer.ErrorCode.Should().Be("NoSuchEntity");
        answer.ErrorMessage.Should().Be($"Policy {Arn} does not exist or is not attachable.");
    }

    [Fact]
    public async Task ListPolicies_filters_by_scope_attachment_usage_and_path_and_pages()
    {
        (await CreatePolicy()).EnsureSuccess();
        (await _root.Iam("CreatePolicy", ("PolicyName", "other"), ("PolicyDocument", ListRoles))).EnsureSuccess();
        (await _root.Iam("CreateUser", ("UserName", "ann"), ("PermissionsBoundary", Arn))).EnsureSuccess();
        (await _root.Iam("AttachUserPolicy", ("UserName", "ann"), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"))).EnsureSuccess();

        (await _root.Iam("ListPolicies", ("Scope", "Local"))).XmlValues("PolicyName").Should().Equal("other", "readers");
        (await _root.Iam("ListPolicies", ("Scope", "Local"), ("PathPrefix", "/team/"))).XmlValues("PolicyName").Should().Equal("readers");
        (await _root.Iam("ListPolicies", ("Scope", "Local"), ("PolicyUsageFilter", "PermissionsBoundary"))).XmlValues("PolicyName").Should().Equal("readers");
        (await _root.Iam("ListPolicies", ("OnlyAttached", "true"), ("PolicyUsageFilter", "PermissionsPolicy"))).XmlValues("PolicyName").Should().Equal("ReadOnlyAccess");
        (await _root.Iam("ListPolicies", ("Scope", "All"), ("OnlyAttached", "true"))).XmlValues("PolicyName").Should().Equal("readers", "ReadOnlyAccess");

        var first = (await _root.Iam("ListPolicies", ("Scope", "AWS"), ("MaxItems", "100"))).EnsureSuccess();
        first.XmlValue("IsTruncated").Should().Be("true");
        first.XmlValues("Arn").Should().HaveCount(100).And.OnlyContain(a => a.StartsWith("arn:aws:iam::aws:policy/"));
        var second = (await _root.Iam("ListPolicies", ("Scope", "AWS"), ("MaxItems", "100"), ("Marker", first.XmlValue("Marker")!))).EnsureSuccess();
        second.XmlValues("Arn").Should().HaveCount(100).And.NotIntersectWith(first.XmlValues("Arn"));
    }

    [Fact]
    public async Task AWS_managed_policies_are_readable_but_not_changeable()
    {
        const string ReadOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
        var policy = (await _root.Iam("GetPolicy", ("PolicyArn", ReadOnly))).EnsureSuccess();
        policy.XmlValue("PolicyName").Should().Be("ReadOnlyAccess");
        var version = (await _root.Iam("GetPolicyVersion", ("PolicyArn", ReadOnly), ("VersionId", policy.XmlValue("DefaultVersionId")!))).EnsureSuccess();
        Uri.UnescapeDataString(version.XmlValue("Document")!).Should().Contain("\"Effect\":\"Allow\"");
        (await _root.Iam("ListPolicyVersions", ("PolicyArn", ReadOnly))).XmlValues("VersionId").Should().Equal(policy.XmlValue("DefaultVersionId"));
        (await _root.Iam("CreatePolicyVersion", ("PolicyArn", ReadOnly), ("PolicyDocument", ReadRoles))).ErrorCode.Should().Be("InvalidInput");
        (await _root.Iam("DeletePolicy", ("PolicyArn", ReadOnly))).ErrorCode.Should().Be("InvalidInput");
        (await _root.Iam("GetPolicy", ("PolicyArn", "arn:aws:iam::aws:policy/NoSuchThing"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task A_customer_policy_grants_what_it_says_and_its_default_version_decides()
    {
        (await CreatePolicy()).EnsureSuccess();
        await CreateRole(_root, "app");
        (await _root.Iam("CreateUser", ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("AttachUserPolicy", ("UserName", "ann"), ("PolicyArn", Arn))).EnsureSuccess();
        var ann = _root.As((await _root.Iam("CreateAccessKey", ("UserName", "ann"))).XmlValue("AccessKeyId")!);

        (await ann.Iam("GetRole", ("RoleName", "app"))).EnsureSuccess();
        (await ann.Iam("ListRoles")).ErrorCode.Should().Be("AccessDenied");
        (await _root.Iam("CreatePolicyVersion", ("PolicyArn", Arn), ("PolicyDocument", ListRoles), ("SetAsDefault", "true"))).EnsureSuccess();
        (await ann.Iam("ListRoles")).EnsureSuccess();
        (await ann.Iam("GetRole", ("RoleName", "app"))).ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task GetAccountSummary_counts_groups_customer_policies_and_policies_in_use()
    {
        (await CreatePolicy()).EnsureSuccess();
        (await _root.Iam("CreateGroup", ("GroupName", "devs"))).EnsureSuccess();
        (await _root.Iam("AttachGroupPolicy", ("GroupName", "devs"), ("PolicyArn", Arn))).EnsureSuccess();
        var summary = (await _root.Iam("GetAccountSummary")).EnsureSuccess();
        string Entry(string key) => summary.Xml.Descendants().First(e => e.Name.LocalName == "key" && e.Value == key).ElementsAfterSelf().First().Value;
        Entry("Groups").Should().Be("1");
        Entry("Policies").Should().Be("1");
        Entry("PolicyVersionsInUse").Should().Be("1");
    }

    [Fact]
    public async Task Another_accounts_customer_policy_is_not_attachable_and_its_principals_cannot_be_simulated()
    {
        (await CreatePolicy()).EnsureSuccess();
        (await _root.Iam("CreateUser", ("UserName", "ann"))).EnsureSuccess();
        var other = _root.As("222222222222");
        (await other.Iam("CreateUser", ("UserName", "bo"))).EnsureSuccess();
        (await other.Iam("AttachUserPolicy", ("UserName", "bo"), ("PolicyArn", Arn))).ErrorMessage
            .Should().Be($"Policy {Arn} does not exist or is not attachable.");
        (await other.Iam("SimulatePrincipalPolicy", ("PolicySourceArn", $"arn:aws:iam::{Account}:user/ann"), ("ActionNames.member.1", "iam:ListRoles")))
            .ErrorCode.Should().Be("NoSuchEntity");
    }
}
