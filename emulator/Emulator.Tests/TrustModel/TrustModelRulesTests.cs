using Emulator.Core;

namespace Emulator.Tests.TrustModel;

/// <summary>
/// The trust model without HTTP: who gets which service-linked role, that every service-linked and AWSReservedSSO_*
/// role is protected in every account (management, created member, invited member, standalone) whether or not trusted
/// access is on, and when the DeleteServiceLinkedRole task may succeed.
/// </summary>
public sealed class TrustModelRulesTests : IDisposable
{
    private const string Management = "111111111111";
    private const string Invited = "222222222222";
    private const string Standalone = "333333333333";
    private const string SsoRole = "AWSServiceRoleForSSO";
    private const string OrganizationsRole = "AWSServiceRoleForOrganizations";

    private readonly DirectWorld _world = new();
    private readonly string _created;

    public TrustModelRulesTests()
    {
        _world.CreateOrganization(Management);
        _created = _world.CreateAccount(Management, "Created");
        _world.Invite(Management, Invited);
    }

    public void Dispose() => _world.Dispose();

    private void ShouldBeProtected(string accountId, string roleName)
    {
        _world.Refusal("iam", "DeleteRole", accountId, new { RoleName = roleName }).Code.Should().Be("UnmodifiableEntity", $"{roleName} in {accountId}");
        _world.Refusal("iam", "DetachRolePolicy", accountId, new { RoleName = roleName, PolicyArn = "arn:aws:iam::aws:policy/ReadOnlyAccess" })
            .Code.Should().Be("UnmodifiableEntity");
        _world.Refusal("iam", "UpdateAssumeRolePolicy", accountId, new { RoleName = roleName, PolicyDocument = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" })
            .Code.Should().Be("UnmodifiableEntity");
        _world.HasRole(accountId, roleName).Should().BeTrue();
    }

    public static TheoryData<string> OrganizationAccounts => new() { Management, "created", Invited };

    private string Resolve(string account) => account == "created" ? _created : account;

    [Fact]
    public void Accounts_that_join_in_all_features_mode_get_AWSServiceRoleForOrganizations_the_management_account_does_not()
    {
        _world.HasRole(_created, OrganizationsRole).Should().BeTrue();
        _world.HasRole(Invited, OrganizationsRole).Should().BeTrue();
        _world.HasRole(Management, OrganizationsRole).Should().BeFalse();
    }

    [Fact]
    public void Accounts_that_join_a_consolidated_billing_organization_get_no_service_linked_role()
    {
        using var world = new DirectWorld();
        world.CreateOrganization("444444444444", "CONSOLIDATED_BILLING");
        var created = world.CreateAccount("444444444444", "Billing");
        world.HasRole(created, OrganizationsRole).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(OrganizationAccounts))]
    public void AWSServiceRoleForSSO_is_protected_in_every_account_while_trusted_access_is_on_and_its_deletion_task_fails(string account)
    {
        var accountId = Resolve(account);
        _world.EnableTrustedAccess(Management);
        ShouldBeProtected(accountId, SsoRole);
        _world.DeleteServiceLinkedRole(accountId, SsoRole).Should().Be("FAILED");
        _world.HasRole(accountId, SsoRole).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(OrganizationAccounts))]
    public void After_trusted_access_is_disabled_AWSServiceRoleForSSO_stays_protected_and_its_deletion_task_succeeds(string account)
    {
        var accountId = Resolve(account);
        _world.EnableTrustedAccess(Management);
        _world.DisableTrustedAccess(Management);
        ShouldBeProtected(accountId, SsoRole);
        _world.DeleteServiceLinkedRole(accountId, SsoRole).Should().Be("SUCCEEDED");
        _world.HasRole(accountId, SsoRole).Should().BeFalse();
    }

    [Theory]
    [InlineData("created")]
    [InlineData(Invited)]
    public void AWSServiceRoleForOrganizations_is_protected_and_in_use_while_the_account_is_a_member(string account)
    {
        var accountId = Resolve(account);
        ShouldBeProtected(accountId, OrganizationsRole);
        _world.DeleteServiceLinkedRole(accountId, OrganizationsRole).Should().Be("FAILED");
        _world.HasRole(accountId, OrganizationsRole).Should().BeTrue();
    }

    [Fact]
    public void AWSServiceRoleForOrganizations_created_in_the_management_account_is_in_use_too()
    {
        _world.Iam("CreateServiceLinkedRole", Management, new { AWSServiceName = "organizations.amazonaws.com" });
        ShouldBeProtected(Management, OrganizationsRole);
        _world.DeleteServiceLinkedRole(Management, OrganizationsRole).Should().Be("FAILED");
    }

    [Fact]
    public void After_the_account_leaves_AWSServiceRoleForOrganizations_stays_protected_and_its_deletion_task_succeeds()
    {
        _world.Organizations("RemoveAccountFromOrganization", Management, new { AccountId = Invited });
        ShouldBeProtected(Invited, OrganizationsRole);
        _world.DeleteServiceLinkedRole(Invited, OrganizationsRole).Should().Be("SUCCEEDED");
        _world.HasRole(Invited, OrganizationsRole).Should().BeFalse();
    }

    [Fact]
    public void A_service_linked_role_of_a_standalone_account_is_protected_and_not_in_use()
    {
        _world.Iam("CreateServiceLinkedRole", Standalone, new { AWSServiceName = "sso.amazonaws.com" });
        ShouldBeProtected(Standalone, SsoRole);
        _world.DeleteServiceLinkedRole(Standalone, SsoRole).Should().Be("SUCCEEDED");
    }

    [Fact]
    public void The_description_of_a_protected_role_may_be_edited()
    {
        _world.EnableTrustedAccess(Management);
        _world.Iam("UpdateRole", _created, new { RoleName = SsoRole, Description = "edited" });
        _world.Iam("UpdateRoleDescription", _created, new { RoleName = OrganizationsRole, Description = "again" });
        ((string)_world.Iam("GetRole", _created, new { RoleName = SsoRole })!["Role"]!["Description"]!).Should().Be("edited");
        ((string)_world.Iam("GetRole", _created, new { RoleName = OrganizationsRole })!["Role"]!["Description"]!).Should().Be("again");
    }

    [Fact]
    public void AWSServiceRoleForSSO_is_created_with_AWSs_description_and_session_duration()
    {
        _world.EnableTrustedAccess(Management);
        var role = _world.Iam("GetRole", Management, new { RoleName = SsoRole })!["Role"]!;
        ((string)role["Description"]!).Should().Be(
            "Service-linked role used by AWS SSO to manage AWS resources, including IAM roles, policies and SAML IdP on your behalf.");
        ((int)role["MaxSessionDuration"]!).Should().Be(3600);
        ((string)role["Path"]!).Should().Be("/aws-service-role/sso.amazonaws.com/");
    }

    [Fact]
    public void Disabling_trusted_access_keeps_every_role_and_removing_an_account_deletes_its_AWSServiceRoleForSSO()
    {
        _world.EnableTrustedAccess(Management);
        _world.DisableTrustedAccess(Management);
        foreach (var accountId in new[] { Management, _created, Invited }) _world.HasRole(accountId, SsoRole).Should().BeTrue();

        _world.EnableTrustedAccess(Management);
        _world.Organizations("RemoveAccountFromOrganization", Management, new { AccountId = _created });
        _world.HasRole(_created, SsoRole).Should().BeFalse();
        _world.HasRole(_created, "OrganizationAccountAccessRole").Should().BeTrue();
    }

    [Fact]
    public void DeleteOrganization_is_refused_while_an_Identity_Center_instance_exists_and_keeps_the_management_roles_after_it_is_deleted()
    {
        _world.Organizations("RemoveAccountFromOrganization", Management, new { AccountId = _created });
        _world.Organizations("RemoveAccountFromOrganization", Management, new { AccountId = Invited });
        var instanceArn = _world.EnableIdentityCenter(Management);

        var refusal = _world.Refusal("organizations", "DeleteOrganization", Management);
        refusal.Code.Should().Be("OrganizationNotEmptyException");
        refusal.Message.Should().Contain("IAM Identity Center");
        _world.Organizations("DescribeOrganization", Management).Should().NotBeNull();

        _world.Call("sso-admin", "DeleteInstance", Management, new { InstanceArn = instanceArn });
        _world.Organizations("DeleteOrganization", Management);
        _world.Refusal("organizations", "DescribeOrganization", Management).Code.Should().Be("AWSOrganizationsNotInUseException");
        _world.HasRole(Management, SsoRole).Should().BeTrue("deleting the organization runs no service clean-up in the management account");
    }
}
