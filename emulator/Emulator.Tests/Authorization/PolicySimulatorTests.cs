using System.Xml.Linq;
using Emulator.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Authorization;

/// <summary>SimulatePrincipalPolicy, SimulateCustomPolicy and GetContextKeysFor*Policy over the enforcement evaluator.</summary>
public sealed class PolicySimulatorTests : IDisposable
{
    private const string Account = "111111111111";
    private const string ReadRolesPolicy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"iam:Get*\", \"Resource\": \"*\"},\n    {\"Effect\": \"Deny\", \"Action\": \"iam:GetUser\", \"Resource\": \"*\"}\n  ]\n}";
    private const string TaggedPolicy = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:DeleteRole","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"core"},"Bool":{"aws:MultiFactorAuthPresent":"true"}}}}""";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _root;

    public PolicySimulatorTests() => _root = _factory.Client(Account);

    public void Dispose() => _factory.Dispose();

    private static List<XElement> Results(AwsAnswer answer) =>
        answer.EnsureSuccess().Xml.Descendants().Where(e => e.Name.LocalName == "EvaluationResults").Elements().ToList();

    private static string? Child(XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static XElement? Element(XElement element, params string[] path) =>
        path.Aggregate((XElement?)element, (current, name) => current?.Elements().FirstOrDefault(e => e.Name.LocalName == name));

    [Fact]
    public async Task SimulateCustomPolicy_reports_each_actions_decision_and_the_deciding_statement_with_its_position()
    {
        var answer = await _root.Iam("SimulateCustomPolicy", ("PolicyInputList.member.1", ReadRolesPolicy),
            ("ActionNames.member.1", "iam:GetRole"), ("ActionNames.member.2", "iam:GetUser"), ("ActionNames.member.3", "iam:DeleteRole"));
        var results = Results(answer);
        results.Select(r => Child(r, "EvalActionName")).Should().Equal("iam:GetRole", "iam:GetUser", "iam:DeleteRole");
        results.Select(r => Child(r, "EvalDecision")).Should().Equal("allowed", "explicitDeny", "implicitDeny");
        results.Select(r => Child(r, "EvalResourceName")).Should().AllBe("*");

        var allowing = Element(results[0], "MatchedStatements", "member")!;
        Child(allowing, "SourcePolicyId").Should().Be("PolicyInputList.1");
        Child(allowing, "SourcePolicyType").Should().Be("none");
        Element(allowing, "StartPosition", "Line")!.Value.Should().Be("4");
        Element(allowing, "StartPosition", "Column")!.Value.Should().Be("5");
        Element(allowing, "EndPosition", "Line")!.Value.Should().Be("4");
        var denying = Element(results[1], "MatchedStatements", "member")!;
        Element(denying, "StartPosition", "Line")!.Value.Should().Be("5");
        Element(results[2], "MatchedStatements")!.Elements().Should().BeEmpty();
    }

    [Fact]
    public async Task SimulatePrincipalPolicy_uses_the_users_own_group_and_boundary_policies()
    {
        (await _root.Iam("CreateUser", ("UserName", "ann"), ("PermissionsBoundary", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"))).EnsureSuccess();
        (await _root.Iam("AttachUserPolicy", ("UserName", "ann"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))).EnsureSuccess();
        (await _root.Iam("CreateGroup", ("GroupName", "devs"))).EnsureSuccess();
        (await _root.Iam("AddUserToGroup", ("GroupName", "devs"), ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("PutGroupPolicy", ("GroupName", "devs"), ("PolicyName", "NoGetRole"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"iam:GetRole","Resource":"*"}}"""))).EnsureSuccess();

        var results = Results(await _root.Iam("SimulatePrincipalPolicy", ("PolicySourceArn", $"arn:aws:iam::{Account}:user/ann"),
            ("ActionNames.member.1", "iam:ListRoles"), ("ActionNames.member.2", "iam:CreateRole"), ("ActionNames.member.3", "iam:GetRole")));
        results.Select(r => Child(r, "EvalDecision")).Should().Equal("allowed", "implicitDeny", "explicitDeny");
        Element(results[0], "MatchedStatements", "member", "SourcePolicyId")!.Value.Should().Be("AdministratorAccess");
        Element(results[0], "MatchedStatements", "member", "SourcePolicyType")!.Value.Should().Be("aws-managed");
        Element(results[0], "PermissionsBoundaryDecisionDetail", "AllowedByPermissionsBoundary")!.Value.Should().Be("true");
        Element(results[1], "PermissionsBoundaryDecisionDetail", "AllowedByPermissionsBoundary")!.Value.Should().Be("false");
        Element(results[2], "MatchedStatements", "member", "SourcePolicyId")!.Value.Should().Be("NoGetRole");
        Element(results[2], "MatchedStatements", "member", "SourcePolicyType")!.Value.Should().Be("group");
    }

    [Fact]
    public async Task Missing_context_values_are_reported_and_given_ones_decide()
    {
        var without = Results(await _root.Iam("SimulateCustomPolicy", ("PolicyInputList.member.1", TaggedPolicy), ("ActionNames.member.1", "iam:DeleteRole")));
        Child(without[0], "EvalDecision").Should().Be("implicitDeny");
        Element(without[0], "MissingContextValues")!.Elements().Select(e => e.Value).Should().Equal("aws:PrincipalTag/team", "aws:MultiFactorAuthPresent");

        var with = Results(await _root.Iam("SimulateCustomPolicy", ("PolicyInputList.member.1", TaggedPolicy), ("ActionNames.member.1", "iam:DeleteRole"),
            ("ContextEntries.member.1.ContextKeyName", "aws:PrincipalTag/team"), ("ContextEntries.member.1.ContextKeyValues.member.1", "core"),
            ("ContextEntries.member.1.ContextKeyType", "string"),
            ("ContextEntries.member.2.ContextKeyName", "aws:MultiFactorAuthPresent"), ("ContextEntries.member.2.ContextKeyValues.member.1", "true"),
            ("ContextEntries.member.2.ContextKeyType", "boolean")));
        Child(with[0], "EvalDecision").Should().Be("allowed");
        Element(with[0], "MissingContextValues")!.Elements().Should().BeEmpty();
    }

    [Fact]
    public async Task ResourceArns_give_one_result_per_resource_with_resource_specific_results_and_pages()
    {
        const string OnlyTeam = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam::111111111111:role/team/*"}}""";
        var answer = await _root.Iam("SimulateCustomPolicy", ("PolicyInputList.member.1", OnlyTeam), ("ActionNames.member.1", "iam:GetRole"),
            ("ResourceArns.member.1", $"arn:aws:iam::{Account}:role/team/a"), ("ResourceArns.member.2", $"arn:aws:iam::{Account}:role/b"), ("MaxItems", "1"));
        var first = Results(answer);
        first.Should().ContainSingle();
        Child(first[0], "EvalResourceName").Should().Be($"arn:aws:iam::{Account}:role/team/a");
        Element(first[0], "ResourceSpecificResults", "member", "EvalResourceDecision")!.Value.Should().Be("allowed");
        answer.XmlValue("IsTruncated").Should().Be("true");

        var second = Results(await _root.Iam("SimulateCustomPolicy", ("PolicyInputList.member.1", OnlyTeam), ("ActionNames.member.1", "iam:GetRole"),
            ("ResourceArns.member.1", $"arn:aws:iam::{Account}:role/team/a"), ("ResourceArns.member.2", $"arn:aws:iam::{Account}:role/b"),
            ("MaxItems", "1"), ("Marker", answer.XmlValue("Marker")!)));
        Child(second.Single(), "EvalDecision").Should().Be("implicitDeny");
    }

    [Fact]
    public async Task SimulatePrincipalPolicy_reports_the_SCPs_of_a_member_account()
    {
        (await _root.Organizations("CreateOrganization", new { FeatureSet = "ALL" })).EnsureSuccess();
        (await _root.Organizations("CreateAccount", new { Email = "m@example.com", AccountName = "m" })).EnsureSuccess();
        var member = (await _root.Organizations("ListAccounts")).Json["Accounts"]!.AsArray().Single(a => (string)a!["Name"]! == "m")!["Id"]!.ToString();
        var rootId = (await _root.Organizations("ListRoots")).Json["Roots"]![0]!["Id"]!.ToString();
        (await _root.Organizations("EnablePolicyType", new { RootId = rootId, PolicyType = "SERVICE_CONTROL_POLICY" })).EnsureSuccess();
        var scp = (await _root.Organizations("CreatePolicy", new { Name = "no-iam-delete", Type = "SERVICE_CONTROL_POLICY", Description = "d",
            Content = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"iam:Delete*","Resource":"*"}]}""" }))
            .EnsureSuccess().Json["Policy"]!["PolicySummary"]!["Id"]!.ToString();
        (await _root.Organizations("AttachPolicy", new { PolicyId = scp, TargetId = member })).EnsureSuccess();
        var memberRoot = _root.As(member);
        (await memberRoot.Iam("CreateUser", ("UserName", "admin"))).EnsureSuccess();
        (await memberRoot.Iam("AttachUserPolicy", ("UserName", "admin"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))).EnsureSuccess();

        var results = Results(await memberRoot.Iam("SimulatePrincipalPolicy", ("PolicySourceArn", $"arn:aws:iam::{member}:user/admin"),
            ("ActionNames.member.1", "iam:DeleteRole"), ("ActionNames.member.2", "iam:ListRoles")));
        results.Select(r => Child(r, "EvalDecision")).Should().Equal("explicitDeny", "allowed");
        Element(results[0], "OrganizationsDecisionDetail", "AllowedByOrganizations")!.Value.Should().Be("false");
        Element(results[1], "OrganizationsDecisionDetail", "AllowedByOrganizations")!.Value.Should().Be("true");
    }

    [Fact]
    public async Task A_resource_policy_naming_the_caller_allows_on_its_own()
    {
        var resourcePolicy = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::ACCOUNT:user/ann"},"Action":"s3:GetObject","Resource":"*"}}""".Replace("ACCOUNT", Account);
        var results = Results(await _root.Iam("SimulateCustomPolicy", ("PolicyInputList.member.1", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}}"""),
            ("ActionNames.member.1", "s3:GetObject"), ("ResourcePolicy", resourcePolicy), ("CallerArn", $"arn:aws:iam::{Account}:user/ann"),
            ("ResourceArns.member.1", "arn:aws:s3:::bucket/key")));
        Child(results[0], "EvalDecision").Should().Be("allowed");
        Element(results[0], "MatchedStatements", "member", "SourcePolicyType")!.Value.Should().Be("resource");
    }

    [Fact]
    public async Task GetContextKeysForCustomPolicy_and_ForPrincipalPolicy_list_the_condition_keys()
    {
        var custom = (await _root.Iam("GetContextKeysForCustomPolicy", ("PolicyInputList.member.1", TaggedPolicy))).EnsureSuccess();
        custom.XmlValues("member").Should().Equal("aws:PrincipalTag/team", "aws:MultiFactorAuthPresent");

        (await _root.Iam("CreateUser", ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("PutUserPolicy", ("UserName", "ann"), ("PolicyName", "p"), ("PolicyDocument",
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}}"""))).EnsureSuccess();
        var principal = (await _root.Iam("GetContextKeysForPrincipalPolicy", ("PolicySourceArn", $"arn:aws:iam::{Account}:user/ann"),
            ("PolicyInputList.member.1", TaggedPolicy))).EnsureSuccess();
        principal.XmlValues("member").Should().Equal("aws:SourceIp", "aws:PrincipalTag/team", "aws:MultiFactorAuthPresent");
        (await _root.Iam("GetContextKeysForPrincipalPolicy", ("PolicySourceArn", $"arn:aws:iam::{Account}:user/ghost"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task A_malformed_input_policy_is_InvalidInput()
    {
        var answer = await _root.Iam("SimulateCustomPolicy", ("PolicyInputList.member.1", "{"), ("ActionNames.member.1", "iam:GetRole"));
        answer.ErrorCode.Should().Be("InvalidInput");
        answer.ErrorMessage.Should().Be("PolicyInputList.1: This policy contains invalid Json");
    }

    [Fact]
    public async Task SimulatePrincipalPolicy_of_a_role_and_of_a_group()
    {
        await CreateRole(_root, "app");
        (await _root.Iam("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"))).EnsureSuccess();
        (await _root.Iam("CreateGroup", ("GroupName", "g"))).EnsureSuccess();
        var role = Results(await _root.Iam("SimulatePrincipalPolicy", ("PolicySourceArn", $"arn:aws:iam::{Account}:role/app"), ("ActionNames.member.1", "iam:ListRoles")));
        Child(role[0], "EvalDecision").Should().Be("allowed");
        var group = Results(await _root.Iam("SimulatePrincipalPolicy", ("PolicySourceArn", $"arn:aws:iam::{Account}:group/g"), ("ActionNames.member.1", "iam:ListRoles")));
        Child(group[0], "EvalDecision").Should().Be("implicitDeny");
    }
}

/// <summary>The simulator answers with enforcement off too.</summary>
public sealed class PolicySimulatorWithoutEnforcementTests : IDisposable
{
    private readonly EmulatorFactory _factory = new(new Dictionary<string, string> { ["Emulator:EnforceIam"] = "false" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SimulateCustomPolicy_still_evaluates_with_no_enforce_iam()
    {
        var root = _factory.Client("111111111111");
        var answer = (await root.Iam("SimulateCustomPolicy", ("PolicyInputList.member.1", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:List*","Resource":"*"}}"""),
            ("ActionNames.member.1", "iam:DeleteRole"))).EnsureSuccess();
        answer.XmlValue("EvalDecision").Should().Be("implicitDeny");
    }
}
