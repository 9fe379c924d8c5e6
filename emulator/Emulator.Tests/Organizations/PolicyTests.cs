using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>CreatePolicy, DescribePolicy, UpdatePolicy, DeletePolicy, ListPolicies and content validation per type.</summary>
public sealed class PolicyTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public PolicyTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private Task<AwsAnswer> Create(string name, string content, string type = "SERVICE_CONTROL_POLICY") =>
        _management.Organizations("CreatePolicy", new { Name = name, Description = "d", Content = content, Type = type });

    [Fact]
    public async Task CreatePolicy_returns_the_policy_and_DescribePolicy_reads_it_back()
    {
        var organization = await _management.CreateOrganization();

        var created = (await Create("DenyLeave", PolicySteps.DenyLeave)).EnsureSuccess().Json["Policy"]!;

        var summary = created["PolicySummary"]!;
        var id = (string)summary["Id"]!;
        id.Should().MatchRegex("^p-[0-9a-z]{8}$");
        ((string)summary["Arn"]!).Should().Be($"arn:aws:organizations::{Management}:policy/{organization["Id"]}/service_control_policy/{id}");
        ((bool)summary["AwsManaged"]!).Should().BeFalse();
        var described = (await _management.Organizations("DescribePolicy", new { PolicyId = id })).EnsureSuccess().Json["Policy"]!;
        described.ToJsonString().Should().Be(created.ToJsonString());
        ((string)described["Content"]!).Should().Be(PolicySteps.DenyLeave);
    }

    [Fact]
    public async Task DescribePolicy_of_FullAWSAccess_is_AWS_managed()
    {
        await _management.CreateOrganization();

        var policy = (await _management.Organizations("DescribePolicy", new { PolicyId = "p-FullAWSAccess" })).EnsureSuccess().Json["Policy"]!;

        ((string)policy["PolicySummary"]!["Arn"]!).Should().Be("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
        ((string)policy["PolicySummary"]!["Name"]!).Should().Be("FullAWSAccess");
        ((bool)policy["PolicySummary"]!["AwsManaged"]!).Should().BeTrue();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"Version":"2012-10-17"}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Maybe","Action":"*","Resource":"*"}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Deny","Resource":"*"}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotAction":"ec2:*"}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3 get","Resource":"*"}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Principal":"*"}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Condition":"x"}}""")]
    [InlineData("""{"Version":"2099-01-01","Statement":{"Effect":"Deny","Action":"*"}}""")]
    public async Task CreatePolicy_with_a_malformed_SCP_is_MalformedPolicyDocument(string content)
    {
        await _management.CreateOrganization();
        var answer = await Create("Bad", content);
        answer.ErrorCode.Should().Be("MalformedPolicyDocumentException");
        answer.ErrorMessage.Should().Be("The provided policy document does not meet the requirements of the specified policy type.");
    }

    [Fact]
    public async Task An_RCP_takes_a_Principal_and_an_SCP_with_Condition_and_NotResource_is_valid()
    {
        await _management.CreateOrganization();
        (await Create("Rcp", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-x"}}}]}""",
            "RESOURCE_CONTROL_POLICY")).EnsureSuccess();
        (await Create("Scp", """{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Deny","NotAction":["iam:*","sts:Get*"],"NotResource":"arn:aws:s3:::b","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""")).EnsureSuccess();
    }

    [Fact]
    public async Task An_SCP_longer_than_5120_characters_is_POLICY_CONTENT_LIMIT_EXCEEDED()
    {
        await _management.CreateOrganization();
        var actions = string.Join(",", Enumerable.Range(0, 400).Select(i => $"\"s3:Get{i:D4}\""));
        var answer = await Create("Big", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":[" + actions + "],\"Resource\":\"*\"}}");
        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("POLICY_CONTENT_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData("""{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"},"tag_value":{"@@assign":["A","B"]},"enforced_for":{"@@assign":["ec2:instance"]}}}}""", true)]
    [InlineData("""{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter","@@operators_allowed_for_child_policies":["@@none"]}}}}""", true)]
    [InlineData("""{"tags":{"costcenter":{"tag_key":{"@@replace":"CostCenter"}}}}""", false)]
    [InlineData("""{"tags":{"costcenter":{"tag_key":{"@@operators_allowed_for_child_policies":["@@sometimes"]}}}}""", false)]
    [InlineData("""{"tags":{"costcenter":"CostCenter"}}""", false)]
    [InlineData("""["tags"]""", false)]
    public async Task Tag_policies_are_checked_against_the_management_policy_syntax(string content, bool valid)
    {
        await _management.CreateOrganization();
        var answer = await Create("Tags", content, "TAG_POLICY");
        if (valid) answer.EnsureSuccess();
        else answer.ErrorCode.Should().Be("MalformedPolicyDocumentException");
    }

    [Fact]
    public async Task An_AI_opt_out_policy_over_2500_characters_is_POLICY_CONTENT_LIMIT_EXCEEDED()
    {
        await _management.CreateOrganization();
        var services = string.Join(",", Enumerable.Range(0, 120).Select(i => $"\"service{i:D3}\":{{\"opt_out_policy\":{{\"@@assign\":\"optOut\"}}}}"));
        var answer = await Create("Ai", "{\"services\":{" + services + "}}", "AISERVICES_OPT_OUT_POLICY");
        answer.Reason().Should().Be("POLICY_CONTENT_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task CreatePolicy_with_a_name_already_used_for_the_type_is_DuplicatePolicy()
    {
        await _management.CreateOrganization();
        await _management.CreatePolicy("Same");
        (await Create("Same", PolicySteps.DenyLeave)).ErrorCode.Should().Be("DuplicatePolicyException");
        (await Create("Same", """{"tags":{}}""", "TAG_POLICY")).EnsureSuccess();
    }

    [Fact]
    public async Task CreatePolicy_in_a_consolidated_billing_organization_is_PolicyTypeNotAvailableForOrganization()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        (await Create("P", PolicySteps.DenyLeave)).ErrorCode.Should().Be("PolicyTypeNotAvailableForOrganizationException");
    }

    [Fact]
    public async Task CreatePolicy_with_Tags_tags_the_policy()
    {
        await _management.CreateOrganization();
        var answer = (await _management.Organizations("CreatePolicy", new
        {
            Name = "Tagged", Description = "", Content = PolicySteps.DenyLeave, Type = "SERVICE_CONTROL_POLICY",
            Tags = new[] { new { Key = "owner", Value = "security" } },
        })).EnsureSuccess();
        var id = (string)answer.Json["Policy"]!["PolicySummary"]!["Id"]!;

        var tags = (await _management.Organizations("ListTagsForResource", new { ResourceId = id })).EnsureSuccess().Json["Tags"]!;

        tags.ToJsonString().Should().Be("""[{"Key":"owner","Value":"security"}]""");
    }

    [Fact]
    public async Task UpdatePolicy_changes_name_description_and_content()
    {
        await _management.CreateOrganization();
        var id = await _management.CreatePolicy("Old");
        const string content = """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"ec2:*","Resource":"*"}}""";

        var updated = (await _management.Organizations("UpdatePolicy", new { PolicyId = id, Name = "New", Description = "now", Content = content }))
            .EnsureSuccess().Json["Policy"]!;

        ((string)updated["PolicySummary"]!["Name"]!).Should().Be("New");
        ((string)updated["PolicySummary"]!["Description"]!).Should().Be("now");
        ((string)updated["Content"]!).Should().Be(content);
        var listed = (await _management.Organizations("ListPolicies", new { Filter = "SERVICE_CONTROL_POLICY" })).Json["Policies"]!.AsArray();
        listed.Select(p => (string)p!["Name"]!).Should().Contain("New").And.NotContain("Old");
    }

    [Fact]
    public async Task UpdatePolicy_with_malformed_content_is_MalformedPolicyDocument_and_changes_nothing()
    {
        await _management.CreateOrganization();
        var id = await _management.CreatePolicy("P");

        (await _management.Organizations("UpdatePolicy", new { PolicyId = id, Name = "Q", Content = "{}" })).ErrorCode.Should().Be("MalformedPolicyDocumentException");

        var policy = (await _management.Organizations("DescribePolicy", new { PolicyId = id })).Json["Policy"]!;
        ((string)policy["PolicySummary"]!["Name"]!).Should().Be("P");
    }

    [Theory]
    [InlineData("UpdatePolicy")]
    [InlineData("DeletePolicy")]
    public async Task AWS_managed_policies_cannot_be_changed(string operation)
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations(operation, new { PolicyId = "p-FullAWSAccess", Name = "Mine" });
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("IMMUTABLE_POLICY");
    }

    [Theory]
    [InlineData("DescribePolicy")]
    [InlineData("UpdatePolicy")]
    [InlineData("DeletePolicy")]
    [InlineData("ListTargetsForPolicy")]
    public async Task An_unknown_policy_is_PolicyNotFound(string operation)
    {
        await _management.CreateOrganization();
        (await _management.Organizations(operation, new { PolicyId = "p-12345678" })).ErrorCode.Should().Be("PolicyNotFoundException");
    }

    [Fact]
    public async Task DeletePolicy_of_an_attached_policy_is_PolicyInUse_and_succeeds_once_detached()
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType();
        var rootId = await _management.RootId();
        var id = await _management.CreatePolicy("Attached");
        await _management.Attach(id, rootId);

        (await _management.Organizations("DeletePolicy", new { PolicyId = id })).ErrorCode.Should().Be("PolicyInUseException");

        (await _management.Organizations("DetachPolicy", new { PolicyId = id, TargetId = rootId })).EnsureSuccess();
        (await _management.Organizations("DeletePolicy", new { PolicyId = id })).EnsureSuccess();
        (await _management.Organizations("DescribePolicy", new { PolicyId = id })).ErrorCode.Should().Be("PolicyNotFoundException");
    }

    [Fact]
    public async Task ListPolicies_lists_the_type_with_the_AWS_managed_policy_and_pages()
    {
        await _management.CreateOrganization();
        for (var i = 0; i < 3; i++) await _management.CreatePolicy($"P{i}");
        await _management.CreatePolicy("T", """{"tags":{}}""", "TAG_POLICY");

        var first = (await _management.Organizations("ListPolicies", new { Filter = "SERVICE_CONTROL_POLICY", MaxResults = 2 })).EnsureSuccess();
        var second = (await _management.Organizations("ListPolicies", new { Filter = "SERVICE_CONTROL_POLICY", NextToken = (string)first.Json["NextToken"]! })).EnsureSuccess();

        var names = first.Json["Policies"]!.AsArray().Concat(second.Json["Policies"]!.AsArray()).Select(p => (string)p!["Name"]!).ToList();
        names.Should().BeEquivalentTo(["FullAWSAccess", "P0", "P1", "P2"]);
        second.Json["NextToken"].Should().BeNull();
    }

    [Fact]
    public async Task Policy_operations_from_a_member_account_are_AccessDenied()
    {
        await _management.CreateOrganization();
        var member = _management.As(await _management.CreateAccount("Member"));

        (await member.Organizations("CreatePolicy", new { Name = "x", Description = "", Content = PolicySteps.DenyLeave, Type = "SERVICE_CONTROL_POLICY" }))
            .ErrorCode.Should().Be("AccessDeniedException");
        (await member.Organizations("ListPolicies", new { Filter = "SERVICE_CONTROL_POLICY" })).ErrorCode.Should().Be("AccessDeniedException");
    }
}
