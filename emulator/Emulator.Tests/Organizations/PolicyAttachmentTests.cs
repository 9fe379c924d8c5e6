using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>AttachPolicy, DetachPolicy, ListPoliciesForTarget, ListTargetsForPolicy and the AWS-managed default policies.</summary>
public sealed class PolicyAttachmentTests : IDisposable
{
    private const string Management = "111111111111";
    private const string FullAwsAccess = "p-FullAWSAccess";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public PolicyAttachmentTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private async Task<string> CreateOu(string name) =>
        (string)(await _management.Organizations("CreateOrganizationalUnit", new { ParentId = await _management.RootId(), Name = name }))
            .EnsureSuccess().Json["OrganizationalUnit"]!["Id"]!;

    private Task<AwsAnswer> Detach(string policyId, string targetId) =>
        _management.Organizations("DetachPolicy", new { PolicyId = policyId, TargetId = targetId });

    [Fact]
    public async Task Enabling_SCPs_attaches_FullAWSAccess_to_the_root_every_OU_and_every_account_and_to_later_ones()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();
        var ou = await CreateOu("Before");
        var account = await _management.CreateAccount("Before");

        await _management.EnablePolicyType();
        var laterOu = await CreateOu("After");
        var laterAccount = await _management.CreateAccount("After");

        foreach (var target in new[] { rootId, ou, account, Management, laterOu, laterAccount })
            (await _management.PoliciesFor(target)).Should().Equal([FullAwsAccess], $"{target} gets FullAWSAccess");
        var targets = (await _management.Organizations("ListTargetsForPolicy", new { PolicyId = FullAwsAccess })).EnsureSuccess().Json["Targets"]!.AsArray();
        targets.Select(t => (string)t!["Type"]!).Distinct().Should().BeEquivalentTo(["ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT"]);
    }

    [Fact]
    public async Task Enabling_RCPs_attaches_RCPFullAWSAccess_which_cannot_be_detached()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();
        await _management.EnablePolicyType("RESOURCE_CONTROL_POLICY");

        (await _management.PoliciesFor(rootId, "RESOURCE_CONTROL_POLICY")).Should().Equal("p-RCPFullAWSAccess");
        var answer = await Detach("p-RCPFullAWSAccess", rootId);

        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("NON_DETACHABLE_POLICY");
    }

    [Fact]
    public async Task AttachPolicy_adds_a_deny_list_SCP_to_an_OU_and_ListTargetsForPolicy_names_the_OU()
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType();
        var ou = await CreateOu("Sandbox");
        var policy = await _management.CreatePolicy("DenyLeave");

        await _management.Attach(policy, ou);

        (await _management.PoliciesFor(ou)).Should().Equal(FullAwsAccess, policy);
        var target = (await _management.Organizations("ListTargetsForPolicy", new { PolicyId = policy })).EnsureSuccess().Json["Targets"]!.AsArray().Single()!;
        ((string)target["TargetId"]!).Should().Be(ou);
        ((string)target["Name"]!).Should().Be("Sandbox");
        ((string)target["Type"]!).Should().Be("ORGANIZATIONAL_UNIT");
    }

    [Fact]
    public async Task AttachPolicy_before_the_type_is_enabled_is_PolicyTypeNotEnabled()
    {
        await _management.CreateOrganization();
        var policy = await _management.CreatePolicy("Early");
        var answer = await _management.Organizations("AttachPolicy", new { PolicyId = policy, TargetId = await _management.RootId() });
        answer.ErrorCode.Should().Be("PolicyTypeNotEnabledException");
    }

    [Fact]
    public async Task AttachPolicy_twice_is_DuplicatePolicyAttachment()
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType();
        var policy = await _management.CreatePolicy("Twice");
        await _management.Attach(policy, Management);

        (await _management.Organizations("AttachPolicy", new { PolicyId = policy, TargetId = Management }))
            .ErrorCode.Should().Be("DuplicatePolicyAttachmentException");
    }

    [Fact]
    public async Task A_sixth_SCP_on_a_target_is_MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED()
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType();
        for (var i = 0; i < 4; i++) await _management.Attach(await _management.CreatePolicy($"P{i}"), Management);
        var sixth = await _management.CreatePolicy("Sixth");

        var answer = await _management.Organizations("AttachPolicy", new { PolicyId = sixth, TargetId = Management });

        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Detaching_the_last_SCP_is_MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED_but_works_once_another_is_attached()
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType();
        var ou = await CreateOu("AllowList");

        var answer = await Detach(FullAwsAccess, ou);
        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");

        var allowList = await _management.CreatePolicy("AllowEc2", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}""");
        await _management.Attach(allowList, ou);
        (await Detach(FullAwsAccess, ou)).EnsureSuccess();
        (await _management.PoliciesFor(ou)).Should().Equal(allowList);
    }

    [Fact]
    public async Task DetachPolicy_that_is_not_attached_is_PolicyNotAttached()
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType();
        var policy = await _management.CreatePolicy("Loose");
        (await Detach(policy, Management)).ErrorCode.Should().Be("PolicyNotAttachedException");
    }

    [Theory]
    [InlineData("AttachPolicy")]
    [InlineData("DetachPolicy")]
    [InlineData("ListPoliciesForTarget")]
    public async Task An_unknown_target_is_TargetNotFound(string operation)
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType();
        var answer = await _management.Organizations(operation, new { PolicyId = FullAwsAccess, TargetId = "999999999999", Filter = "SERVICE_CONTROL_POLICY" });
        answer.ErrorCode.Should().Be("TargetNotFoundException");
    }

    [Fact]
    public async Task DisablePolicyType_detaches_every_policy_of_the_type()
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType();
        var rootId = await _management.RootId();
        var policy = await _management.CreatePolicy("Deny");
        await _management.Attach(policy, Management);

        (await _management.Organizations("DisablePolicyType", new { RootId = rootId, PolicyType = "SERVICE_CONTROL_POLICY" })).EnsureSuccess();

        (await _management.PoliciesFor(Management)).Should().BeEmpty();
        (await _management.PoliciesFor(rootId)).Should().BeEmpty();
        (await _management.Organizations("DescribePolicy", new { PolicyId = policy })).EnsureSuccess();
    }

    [Fact]
    public async Task An_account_that_leaves_loses_its_attachments()
    {
        await _management.CreateOrganization();
        await _management.EnablePolicyType();
        var member = await _management.CreateAccount("Leaver");
        var policy = await _management.CreatePolicy("Deny");
        await _management.Attach(policy, member);

        (await _management.Organizations("RemoveAccountFromOrganization", new { AccountId = member })).EnsureSuccess();

        (await _management.Organizations("ListTargetsForPolicy", new { PolicyId = policy })).EnsureSuccess().Json["Targets"]!.AsArray().Should().BeEmpty();
    }
}
