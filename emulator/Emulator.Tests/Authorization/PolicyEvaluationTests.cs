using Emulator.Services.Authorization;

namespace Emulator.Tests.Authorization;

/// <summary>AWS's evaluation flow, one step at a time (IAM User Guide, "Policy evaluation logic").</summary>
public class PolicyEvaluationTests
{
    private const string AllowAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    private const string AllowIamRead = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"}]}""";
    private const string DenyDeleteRole = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:DeleteRole","Resource":"*"}]}""";

    private static Policy P(string json) => PolicyParser.Parse(json, "test");

    private static RequestContext Request(string action, string resource = "arn:aws:iam::111122223333:role/Foo") => new(action, resource)
    {
        AwsPrincipals = new HashSet<string> { "111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice" },
    };

    public static TheoryData<string, PolicySet, string, Decision, PolicyKind?> Steps => new()
    {
        { "no policy: implicit deny", new PolicySet(), "iam:GetRole", Decision.ImplicitDeny, PolicyKind.IdentityBased },
        { "identity allow", new PolicySet { Identity = [P(AllowAll)] }, "iam:GetRole", Decision.Allowed, null },
        { "identity deny beats allow", new PolicySet { Identity = [P(AllowAll), P(DenyDeleteRole)] }, "iam:DeleteRole", Decision.ExplicitDeny, PolicyKind.IdentityBased },
        { "boundary caps", new PolicySet { Identity = [P(AllowAll)], Boundary = P(AllowIamRead) }, "iam:DeleteRole", Decision.ImplicitDeny, PolicyKind.PermissionsBoundary },
        { "boundary within", new PolicySet { Identity = [P(AllowAll)], Boundary = P(AllowIamRead) }, "iam:GetRole", Decision.Allowed, null },
        { "boundary alone grants nothing", new PolicySet { Boundary = P(AllowAll) }, "iam:GetRole", Decision.ImplicitDeny, PolicyKind.IdentityBased },
        { "boundary deny", new PolicySet { Identity = [P(AllowAll)], Boundary = P(DenyDeleteRole) }, "iam:DeleteRole", Decision.ExplicitDeny, PolicyKind.PermissionsBoundary },
        { "session policy caps", new PolicySet { Identity = [P(AllowAll)], SessionPolicies = [P(AllowIamRead)] }, "iam:DeleteRole", Decision.ImplicitDeny, PolicyKind.Session },
        { "session policy within", new PolicySet { Identity = [P(AllowAll)], SessionPolicies = [P(AllowIamRead)] }, "iam:ListRoles", Decision.Allowed, null },
        { "SCP deny", new PolicySet { Identity = [P(AllowAll)], ServiceControlLevels = [[P(AllowAll)], [P(DenyDeleteRole)]] }, "iam:DeleteRole", Decision.ExplicitDeny, PolicyKind.ServiceControl },
        { "SCP level without allow", new PolicySet { Identity = [P(AllowAll)], ServiceControlLevels = [[P(AllowAll)], [P(AllowIamRead)]] }, "iam:DeleteRole", Decision.ImplicitDeny, PolicyKind.ServiceControl },
        { "SCP every level allows", new PolicySet { Identity = [P(AllowAll)], ServiceControlLevels = [[P(AllowAll)], [P(AllowIamRead)]] }, "iam:GetRole", Decision.Allowed, null },
        { "SCP grants nothing alone", new PolicySet { ServiceControlLevels = [[P(AllowAll)]] }, "iam:GetRole", Decision.ImplicitDeny, PolicyKind.IdentityBased },
        { "root needs no identity policy", new PolicySet { IsRoot = true }, "iam:DeleteRole", Decision.Allowed, null },
        { "root under SCP deny", new PolicySet { IsRoot = true, ServiceControlLevels = [[P(AllowAll), P(DenyDeleteRole)]] }, "iam:DeleteRole", Decision.ExplicitDeny, PolicyKind.ServiceControl },
        { "RCP level without allow", new PolicySet { Identity = [P(AllowAll)], ResourceControlLevels = [[P(AllowIamRead)]] }, "sts:AssumeRole", Decision.ImplicitDeny, PolicyKind.ResourceControl },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Evaluation_steps(string because, PolicySet policies, string action, Decision decision, PolicyKind? decidedBy)
    {
        var result = PolicyEvaluator.Evaluate(policies, Request(action));
        result.Decision.Should().Be(decision, because);
        result.DecidedBy.Should().Be(decidedBy, because);
    }

    [Fact]
    public void Only_a_root_caller_no_organization_or_resource_policy_governs_is_allowed_without_evaluation()
    {
        new PolicySet { IsRoot = true }.AllowsEveryRequest.Should().BeTrue();
        new PolicySet { IsRoot = true, Identity = [P(DenyDeleteRole)] }.AllowsEveryRequest.Should().BeTrue("a root caller's identity policies are not evaluated");
        new PolicySet().AllowsEveryRequest.Should().BeFalse();
        new PolicySet { Identity = [P(AllowAll)] }.AllowsEveryRequest.Should().BeFalse();
        new PolicySet { IsRoot = true, ServiceControlLevels = [[P(AllowAll)]] }.AllowsEveryRequest.Should().BeFalse();
        new PolicySet { IsRoot = true, ResourceControlLevels = [[P(AllowAll)]] }.AllowsEveryRequest.Should().BeFalse();
        new PolicySet { IsRoot = true, ResourcePolicy = P(AllowAll) }.AllowsEveryRequest.Should().BeFalse();
        new PolicySet { IsRoot = true, ResourcePolicyRequired = true }.AllowsEveryRequest.Should().BeFalse();
    }

    [Fact]
    public void What_is_allowed_without_evaluation_the_evaluator_allows_whatever_the_request()
    {
        var unevaluated = Steps.Select(step => ((string)step[0], (PolicySet)step[1])).Where(step => step.Item2.AllowsEveryRequest).ToList();
        unevaluated.Should().NotBeEmpty();
        foreach (var (because, policies) in unevaluated)
            foreach (var request in new[] { Request("iam:GetRole"), Request("iam:DeleteRole", "*"), new RequestContext("sts:AssumeRole", "arn:aws:iam::444455556666:role/Other") })
                PolicyEvaluator.Evaluate(policies, request).Decision.Should().Be(Decision.Allowed, because);
    }

    private static Policy Trust(string principal) =>
        P($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":"sts:AssumeRole"}]}""");

    [Fact]
    public void A_trust_policy_naming_the_caller_in_its_account_needs_no_identity_policy()
    {
        var policies = new PolicySet { ResourcePolicy = Trust("arn:aws:iam::111122223333:user/alice"), ResourcePolicyRequired = true };
        PolicyEvaluator.Evaluate(policies, Request("sts:AssumeRole")).Decision.Should().Be(Decision.Allowed);
    }

    [Fact]
    public void A_trust_policy_naming_the_account_needs_the_callers_identity_policy_too()
    {
        var policies = new PolicySet { ResourcePolicy = Trust("arn:aws:iam::111122223333:root"), ResourcePolicyRequired = true };
        PolicyEvaluator.Evaluate(policies, Request("sts:AssumeRole")).DecidedBy.Should().Be(PolicyKind.IdentityBased);
        PolicyEvaluator.Evaluate(policies with { Identity = [P(AllowAll)] }, Request("sts:AssumeRole")).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Cross_account_access_needs_both_the_identity_and_the_resource_policy()
    {
        var policies = new PolicySet { Identity = [P(AllowAll)], ResourcePolicy = Trust("arn:aws:iam::444455556666:root"), ResourceInCallerAccount = false, ResourcePolicyRequired = true };
        PolicyEvaluator.Evaluate(policies, Request("sts:AssumeRole")).DecidedBy.Should().Be(PolicyKind.ResourceBased);
        PolicyEvaluator.Evaluate(policies with { ResourcePolicy = Trust("arn:aws:iam::111122223333:root") }, Request("sts:AssumeRole")).IsAllowed.Should().BeTrue();
        PolicyEvaluator.Evaluate(policies with { Identity = [], ResourcePolicy = Trust("arn:aws:iam::111122223333:user/alice") }, Request("sts:AssumeRole"))
            .DecidedBy.Should().Be(PolicyKind.IdentityBased);
    }

    [Fact]
    public void Matched_statements_and_details_are_reported()
    {
        var result = PolicyEvaluator.Evaluate(new PolicySet { Identity = [P(AllowAll)], Boundary = P(AllowIamRead), ServiceControlLevels = [[P(AllowAll)]] }, Request("iam:DeleteRole"));
        result.Matched.Select(m => m.Kind).Should().BeEquivalentTo([PolicyKind.ServiceControl, PolicyKind.IdentityBased]);
        result.AllowedByOrganizations.Should().BeTrue();
        result.AllowedByBoundary.Should().BeFalse();
    }
}
