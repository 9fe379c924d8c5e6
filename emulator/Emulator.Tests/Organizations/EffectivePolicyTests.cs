using System.Text.Json.Nodes;
using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>DescribeEffectivePolicy, the two validation listings, and the SCP levels the authorization evaluator reads (seen through the policy simulator).</summary>
public sealed class EffectivePolicyTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public EffectivePolicyTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private const string RootTagPolicy = """
        {"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"},"tag_value":{"@@assign":["100","200"],"@@operators_allowed_for_child_policies":["@@append"]}}}}
        """;

    private async Task<(string RootId, string Ou, string Account)> TreeWithTagPolicies(string ouPolicy)
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType("TAG_POLICY");
        var rootId = await _management.RootId();
        var ou = (string)(await _management.Organizations("CreateOrganizationalUnit", new { ParentId = rootId, Name = "Finance" }))
            .EnsureSuccess().Json["OrganizationalUnit"]!["Id"]!;
        var account = await _management.CreateAccount("Ledger");
        (await _management.Organizations("MoveAccount", new { AccountId = account, SourceParentId = rootId, DestinationParentId = ou })).EnsureSuccess();
        await _management.Attach(await _management.CreatePolicy("Root", RootTagPolicy, "TAG_POLICY"), rootId);
        await _management.Attach(await _management.CreatePolicy("Ou", ouPolicy, "TAG_POLICY"), ou);
        return (rootId, ou, account);
    }

    [Fact]
    public async Task DescribeEffectivePolicy_merges_root_OU_and_account_policies_with_their_operators()
    {
        var (_, _, account) = await TreeWithTagPolicies("""{"tags":{"costcenter":{"tag_value":{"@@append":["300"]}},"project":{"tag_key":{"@@assign":"Project"}}}}""");

        var answer = (await _management.Organizations("DescribeEffectivePolicy", new { PolicyType = "TAG_POLICY", TargetId = account })).EnsureSuccess();

        var effective = answer.Json["EffectivePolicy"]!;
        ((string)effective["TargetId"]!).Should().Be(account);
        ((string)effective["PolicyType"]!).Should().Be("TAG_POLICY");
        effective["LastUpdatedTimestamp"]!.GetValue<double>().Should().BeGreaterThan(0);
        JsonNode.DeepEquals(JsonNode.Parse((string)effective["PolicyContent"]!),
            JsonNode.Parse("""{"tags":{"costcenter":{"tag_key":"CostCenter","tag_value":["100","200","300"]},"project":{"tag_key":"Project"}}}"""))
            .Should().BeTrue((string)effective["PolicyContent"]!);
    }

    [Fact]
    public async Task A_disallowed_operator_is_ignored_and_reported_as_a_validation_error()
    {
        var (_, ou, account) = await TreeWithTagPolicies("""{"tags":{"costcenter":{"tag_value":{"@@assign":["999"]}}}}""");
        var ouPolicy = (await _management.PoliciesFor(ou, "TAG_POLICY")).Single();

        var effective = (await _management.Organizations("DescribeEffectivePolicy", new { PolicyType = "TAG_POLICY", TargetId = account })).EnsureSuccess();
        var invalid = (await _management.Organizations("ListAccountsWithInvalidEffectivePolicy", new { PolicyType = "TAG_POLICY" })).EnsureSuccess();
        var errors = (await _management.Organizations("ListEffectivePolicyValidationErrors", new { AccountId = account, PolicyType = "TAG_POLICY" })).EnsureSuccess();

        JsonNode.Parse((string)effective.Json["EffectivePolicy"]!["PolicyContent"]!)!["tags"]!["costcenter"]!["tag_value"]!.ToJsonString().Should().Be("""["100","200"]""");
        invalid.Json["Accounts"]!.AsArray().Select(a => (string)a!["Id"]!).Should().Equal(account);
        ((string)invalid.Json["PolicyType"]!).Should().Be("TAG_POLICY");
        var error = errors.Json["EffectivePolicyValidationErrors"]!.AsArray().Single()!;
        ((string)error["PathToError"]!).Should().Be("tags/costcenter/tag_value");
        error["ContributingPolicies"]!.AsArray().Select(p => (string)p!).Should().Equal(ouPolicy);
        ((string)errors.Json["Path"]!).Should().EndWith($"/{ou}/{account}/");
    }

    [Fact]
    public async Task DescribeEffectivePolicy_without_TargetId_is_the_callers_own_and_a_member_may_ask_for_itself()
    {
        var (_, _, account) = await TreeWithTagPolicies("""{"tags":{}}""");

        var own = (await _management.As(account).Organizations("DescribeEffectivePolicy", new { PolicyType = "TAG_POLICY" })).EnsureSuccess();

        ((string)own.Json["EffectivePolicy"]!["TargetId"]!).Should().Be(account);
        (await _management.As(account).Organizations("DescribeEffectivePolicy", new { PolicyType = "TAG_POLICY", TargetId = Management }))
            .ErrorCode.Should().Be("AccessDeniedException");
    }

    [Fact]
    public async Task DescribeEffectivePolicy_errors()
    {
        var (rootId, _, account) = await TreeWithTagPolicies("""{"tags":{}}""");

        (await _management.Organizations("DescribeEffectivePolicy", new { PolicyType = "BACKUP_POLICY", TargetId = account }))
            .ErrorCode.Should().Be("EffectivePolicyNotFoundException");
        var root = await _management.Organizations("DescribeEffectivePolicy", new { PolicyType = "TAG_POLICY", TargetId = rootId });
        root.ErrorCode.Should().Be("InvalidInputException");
        root.Reason().Should().Be("TARGET_NOT_SUPPORTED");
        (await _management.Organizations("DescribeEffectivePolicy", new { PolicyType = "SERVICE_CONTROL_POLICY" }))
            .Reason().Should().Be("INVALID_ENUM");
        (await _management.Organizations("ListEffectivePolicyValidationErrors", new { AccountId = "999999999999", PolicyType = "TAG_POLICY" }))
            .ErrorCode.Should().Be("AccountNotFoundException");
    }

    /// <summary>What IAM's policy simulator decides for the member account's admin user (AdministratorAccess) and the action.</summary>
    private async Task<string> Decision(string account, string action) =>
        (await _management.As(account).Iam("SimulatePrincipalPolicy", ("PolicySourceArn", $"arn:aws:iam::{account}:user/admin"),
            ("ActionNames.member.1", action))).EnsureSuccess().XmlValue("EvalDecision")!;

    private async Task Detach(string policyId, string targetId) =>
        (await _management.Organizations("DetachPolicy", new { PolicyId = policyId, TargetId = targetId })).EnsureSuccess();

    [Fact]
    public async Task A_member_account_is_bound_by_the_SCPs_of_every_level_from_the_root_down_to_the_account()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();
        var ou = (string)(await _management.Organizations("CreateOrganizationalUnit", new { ParentId = rootId, Name = "Sandbox" }))
            .EnsureSuccess().Json["OrganizationalUnit"]!["Id"]!;
        var account = await _management.CreateAccount("Sandbox1");
        (await _management.Organizations("MoveAccount", new { AccountId = account, SourceParentId = rootId, DestinationParentId = ou })).EnsureSuccess();
        (await _management.As(account).Iam("CreateUser", ("UserName", "admin"))).EnsureSuccess();
        (await _management.As(account).Iam("AttachUserPolicy", ("UserName", "admin"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))).EnsureSuccess();
        (await Decision(account, "organizations:LeaveOrganization")).Should().Be("allowed", "SCPs are not enabled yet");

        await _management.EnablePolicyType();
        await _management.Attach(await _management.CreatePolicy("DenyLeave"), ou);
        (await Decision(account, "organizations:LeaveOrganization")).Should().Be("explicitDeny", "the OU's SCP denies it");
        (await Decision(account, "iam:ListRoles")).Should().Be("allowed", "FullAWSAccess at every level allows it");

        var noIam = await _management.CreatePolicy("NoIamButSimulation",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["organizations:*","iam:Simulate*"],"Resource":"*"}]}""");
        foreach (var level in new[] { rootId, ou, account })
        {
            await _management.Attach(noIam, level);
            await Detach("p-FullAWSAccess", level);
            (await Decision(account, "iam:ListRoles")).Should().Be("implicitDeny", $"{level} no longer allows iam:ListRoles");
            await _management.Attach("p-FullAWSAccess", level);
            await Detach(noIam, level);
            (await Decision(account, "iam:ListRoles")).Should().Be("allowed", $"{level} allows everything again");
        }
    }
}
