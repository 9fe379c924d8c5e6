using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>PutResourcePolicy, DescribeResourcePolicy, DeleteResourcePolicy and delegated policy management through them.</summary>
public sealed class ResourcePolicyTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public ResourcePolicyTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private static string Delegating(string principal, string actions, string effect = "Allow") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":"Delegate","Effect":"{{effect}}","Principal":{"AWS":"{{principal}}"},"Action":{{actions}},"Resource":"*"}]}""";

    private Task<AwsAnswer> Put(string content) => _management.Organizations("PutResourcePolicy", new { Content = content });

    [Fact]
    public async Task PutResourcePolicy_stores_the_policy_and_DescribeResourcePolicy_returns_it()
    {
        var organization = await _management.CreateOrganization();
        var content = Delegating("arn:aws:iam::222222222222:root", """["organizations:Describe*","organizations:List*"]""");

        var put = (await Put(content)).EnsureSuccess().Json["ResourcePolicy"]!;
        var described = (await _management.Organizations("DescribeResourcePolicy")).EnsureSuccess().Json["ResourcePolicy"]!;

        var id = (string)put["ResourcePolicySummary"]!["Id"]!;
        id.Should().MatchRegex("^rp-[0-9a-z]{8}$");
        ((string)put["ResourcePolicySummary"]!["Arn"]!).Should().Be($"arn:aws:organizations::{Management}:resourcepolicy/{organization["Id"]}/{id}");
        described.ToJsonString().Should().Be(put.ToJsonString());
        ((string)described["Content"]!).Should().Be(content);
    }

    [Fact]
    public async Task Describe_and_DeleteResourcePolicy_without_one_are_ResourcePolicyNotFound()
    {
        await _management.CreateOrganization();
        (await _management.Organizations("DescribeResourcePolicy")).ErrorCode.Should().Be("ResourcePolicyNotFoundException");
        (await _management.Organizations("DeleteResourcePolicy")).ErrorCode.Should().Be("ResourcePolicyNotFoundException");
    }

    [Fact]
    public async Task DeleteResourcePolicy_removes_it()
    {
        await _management.CreateOrganization();
        (await Put(Delegating("222222222222", "\"organizations:List*\""))).EnsureSuccess();

        (await _management.Organizations("DeleteResourcePolicy")).EnsureSuccess();

        (await _management.Organizations("DescribeResourcePolicy")).ErrorCode.Should().Be("ResourcePolicyNotFoundException");
    }

    [Theory]
    [InlineData("{not json", "INVALID_RESOURCE_POLICY_JSON")]
    [InlineData("""{"Version":"2012-10-17"}""", "INVALID_RESOURCE_POLICY_JSON")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}""", "UNSUPPORTED_ACTION_IN_RESOURCE_POLICY")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"organizations:ListAccounts","Resource":"*"}]}""", "INVALID_PRINCIPAL")]
    public async Task PutResourcePolicy_with_an_invalid_policy_is_InvalidInput(string content, string reason)
    {
        await _management.CreateOrganization();
        var answer = await Put(content);
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be(reason);
    }

    [Fact]
    public async Task PutResourcePolicy_from_a_member_account_is_AccessDenied()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Member");
        (await _management.As(member).Organizations("PutResourcePolicy", new { Content = Delegating(member, "\"organizations:*\"") }))
            .ErrorCode.Should().Be("AccessDeniedException");
    }

    [Fact]
    public async Task A_member_account_allowed_by_the_resource_policy_manages_policies_as_a_delegated_administrator()
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType();
        var member = await _management.CreateAccount("Security");
        var delegated = _management.As(member);
        var ou = (string)(await _management.Organizations("CreateOrganizationalUnit", new { ParentId = await _management.RootId(), Name = "Workloads" }))
            .Json["OrganizationalUnit"]!["Id"]!;
        (await Put(Delegating($"arn:aws:iam::{member}:root",
            """["organizations:CreatePolicy","organizations:AttachPolicy","organizations:DescribePolicy","organizations:List*","organizations:Describe*"]"""))).EnsureSuccess();

        var policy = await delegated.CreatePolicy("DenyLeave");
        await delegated.Attach(policy, ou);

        (await delegated.PoliciesFor(ou)).Should().Contain(policy);
        (await delegated.Organizations("ListAccounts")).EnsureSuccess();
        (await delegated.Organizations("DescribeOrganizationalUnit", new { OrganizationalUnitId = ou })).EnsureSuccess();
        (await delegated.Organizations("UpdatePolicy", new { PolicyId = policy, Name = "Renamed" })).ErrorCode.Should().Be("AccessDeniedException");
        (await delegated.Organizations("CreateAccount", new { AccountName = "x", Email = "x@example.com" })).ErrorCode.Should().Be("AccessDeniedException");
    }

    [Fact]
    public async Task An_explicit_Deny_in_the_resource_policy_wins_over_an_Allow()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Security");
        var content = $$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"{{member}}"},"Action":"organizations:*","Resource":"*"},
              {"Effect":"Deny","Principal":{"AWS":"{{member}}"},"Action":"organizations:CreatePolicy","Resource":"*"}]}
            """;
        (await Put(content)).EnsureSuccess();
        var delegated = _management.As(member);

        (await delegated.Organizations("ListPolicies", new { Filter = "SERVICE_CONTROL_POLICY" })).EnsureSuccess();
        (await delegated.Organizations("CreatePolicy", new { Name = "x", Description = "", Content = PolicySteps.DenyLeave, Type = "SERVICE_CONTROL_POLICY" }))
            .ErrorCode.Should().Be("AccessDeniedException");
    }

    [Fact]
    public async Task A_member_account_the_resource_policy_does_not_name_is_AccessDenied()
    {
        await _management.CreateOrganization();
        var named = await _management.CreateAccount("Named");
        var other = await _management.CreateAccount("Other");
        (await Put(Delegating(named, "\"organizations:*\""))).EnsureSuccess();

        (await _management.As(other).Organizations("ListPolicies", new { Filter = "SERVICE_CONTROL_POLICY" })).ErrorCode.Should().Be("AccessDeniedException");
        (await _management.As(named).Organizations("ListPolicies", new { Filter = "SERVICE_CONTROL_POLICY" })).EnsureSuccess();
    }

    [Fact]
    public async Task The_resource_policys_Condition_is_evaluated_against_the_callers_context()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Security");
        var content = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"MEMBER"},"Action":"organizations:List*","Resource":"*",
               "Condition":{"StringEquals":{"aws:PrincipalType":"Account"}}},
              {"Effect":"Allow","Principal":{"AWS":"MEMBER"},"Action":"organizations:Describe*","Resource":"*",
               "Condition":{"StringEquals":{"aws:PrincipalTag/team":"security"}}}]}
            """.Replace("MEMBER", member);
        (await Put(content)).EnsureSuccess();
        var delegated = _management.As(member);

        (await delegated.Organizations("ListPolicies", new { Filter = "SERVICE_CONTROL_POLICY" })).EnsureSuccess();
        (await delegated.Organizations("DescribePolicy", new { PolicyId = "p-FullAWSAccess" })).ErrorCode.Should().Be("AccessDeniedException");
    }
}
