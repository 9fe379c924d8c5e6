using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>EnableAllFeatures: the ENABLE_ALL_FEATURES / APPROVE_ALL_FEATURES handshakes that move CONSOLIDATED_BILLING to ALL.</summary>
public sealed class EnableAllFeaturesTests : IDisposable
{
    private const string Management = "111111111111";
    private const string Invited = "222222222222";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public EnableAllFeaturesTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private async Task<string> FeatureSet() =>
        (string)(await _management.Organizations("DescribeOrganization")).EnsureSuccess().Json["Organization"]!["FeatureSet"]!;

    private async Task<List<System.Text.Json.Nodes.JsonNode>> ApprovalsFor(string accountId, string parentId) =>
        (await _management.As(accountId).Organizations("ListHandshakesForAccount", new { Filter = new { ParentHandshakeId = parentId } }))
            .EnsureSuccess().Json["Handshakes"]!.AsArray().Select(h => h!).ToList();

    [Fact]
    public async Task EnableAllFeatures_completes_when_every_invited_account_approves_and_the_management_account_accepts()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        await _management.Join(Invited);
        var created = await _management.CreateAccount("Created");

        var parent = (await _management.Organizations("EnableAllFeatures")).EnsureSuccess().Json["Handshake"]!;
        var parentId = (string)parent["Id"]!;
        ((string)parent["Action"]!).Should().Be("ENABLE_ALL_FEATURES");
        ((string)parent["State"]!).Should().Be("OPEN");
        ((string)parent["Arn"]!).Should().Contain("/enable_all_features/");

        (await ApprovalsFor(created, parentId)).Should().BeEmpty("accounts created by the organization approve without a handshake");
        var approval = (await ApprovalsFor(Invited, parentId)).Should().ContainSingle().Subject;
        ((string)approval["Action"]!).Should().Be("APPROVE_ALL_FEATURES");
        approval["Resources"]!.AsArray().Should().Contain(r => (string)r!["Type"]! == "PARENT_HANDSHAKE" && (string)r["Value"]! == parentId);

        (await _management.Organizations("AcceptHandshake", new { HandshakeId = parentId })).ErrorCode.Should().Be("InvalidHandshakeTransitionException");
        (await FeatureSet()).Should().Be("CONSOLIDATED_BILLING");

        (await _management.As(Invited).Organizations("AcceptHandshake", new { HandshakeId = (string)approval["Id"]! })).EnsureSuccess();
        var accepted = (await _management.Organizations("AcceptHandshake", new { HandshakeId = parentId })).EnsureSuccess();

        ((string)accepted.Json["Handshake"]!["State"]!).Should().Be("ACCEPTED");
        (await FeatureSet()).Should().Be("ALL");
        (await _management.HasRole(Invited, "AWSServiceRoleForOrganizations")).Should().BeTrue();
        (await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();
        await _management.EnablePolicyType();
    }

    [Fact]
    public async Task Trusted_access_and_policies_are_unavailable_before_all_features()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        var enable = await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" });
        enable.Reason().Should().Be("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE");
        (await _management.Organizations("EnablePolicyType", new { RootId = await _management.RootId(), PolicyType = "SERVICE_CONTROL_POLICY" }))
            .ErrorCode.Should().Be("PolicyTypeNotAvailableForOrganizationException");
    }

    [Fact]
    public async Task EnableAllFeatures_in_an_all_features_organization_is_ORGANIZATION_ALREADY_HAS_ALL_FEATURES()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("EnableAllFeatures");
        answer.ErrorCode.Should().Be("HandshakeConstraintViolationException");
        answer.Reason().Should().Be("ORGANIZATION_ALREADY_HAS_ALL_FEATURES");
    }

    [Fact]
    public async Task While_the_migration_is_pending_a_second_start_and_invitations_are_refused()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        (await _management.Organizations("EnableAllFeatures")).EnsureSuccess();

        (await _management.Organizations("EnableAllFeatures")).Reason().Should().Be("ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION");
        var invite = await _management.Organizations("InviteAccountToOrganization", new { Target = new { Type = "ACCOUNT", Id = Invited } });
        invite.ErrorCode.Should().Be("HandshakeConstraintViolationException");
        invite.Reason().Should().Be("INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES");
    }

    [Fact]
    public async Task Cancelling_the_migration_cancels_the_open_approvals()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        await _management.Join(Invited);
        var parentId = (string)(await _management.Organizations("EnableAllFeatures")).EnsureSuccess().Json["Handshake"]!["Id"]!;

        (await _management.Organizations("CancelHandshake", new { HandshakeId = parentId })).EnsureSuccess();

        var approval = (await ApprovalsFor(Invited, parentId)).Single();
        ((string)approval["State"]!).Should().Be("CANCELED");
        (await FeatureSet()).Should().Be("CONSOLIDATED_BILLING");
    }

    [Fact]
    public async Task EnableAllFeatures_from_a_member_account_is_AccessDenied()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        await _management.Join(Invited);
        (await _management.As(Invited).Organizations("EnableAllFeatures")).ErrorCode.Should().Be("AccessDeniedException");
    }
}
