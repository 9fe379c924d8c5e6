using System.Text.Json;
using Emulator.ClientTests.Support;
using Emulator.Tests.Support;

namespace Emulator.ClientTests;

/// <summary>The trust rules between Organizations' trusted access for IAM Identity Center and its linked role, via the CLI.</summary>
public sealed class TrustRuleTests : EmulatorTest
{
    [Fact]
    public async Task Enabling_sso_trusted_access_creates_the_linked_role_in_every_account_including_the_management_account()
    {
        await CreateOrganization();
        var first = await CreateAccount("first", "first@example.com");
        await ShouldHaveNoRole(first, SsoRoleName);

        await EnableSsoTrustedAccess();

        foreach (var account in new[] { ManagementAccountId, first })
            (await ExistingRole(account, SsoRoleName)).GetProperty("Arn").GetString().Should().Be(SsoRoleArn(account));
    }

    [Fact]
    public async Task An_account_created_after_enabling_gets_the_linked_role_and_the_organization_access_role()
    {
        await CreateOrganization();
        await EnableSsoTrustedAccess();

        var later = await CreateAccount("later", "later@example.com");

        (await ExistingRole(later, SsoRoleName)).GetProperty("Arn").GetString().Should().Be(SsoRoleArn(later));
        var access = await ExistingRole(later, "OrganizationAccountAccessRole");
        access.GetProperty("Arn").GetString().Should().Be($"arn:aws:iam::{later}:role/OrganizationAccountAccessRole");
        access.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement")[0].GetProperty("Principal").GetProperty("AWS")
            .GetString().Should().Be($"arn:aws:iam::{ManagementAccountId}:root");
    }

    [Fact]
    public async Task An_invited_account_gets_the_linked_role_once_it_accepts_the_handshake_but_no_organization_access_role()
    {
        const string invited = "444455556666";
        await CreateOrganization();
        await EnableSsoTrustedAccess();

        var handshake = (await Aws(Management, "organizations", "invite-account-to-organization", "--target", $"Id={invited},Type=ACCOUNT"))
            .Json().GetProperty("Handshake");
        var handshakeId = handshake.GetProperty("Id").GetString()!;
        handshakeId.Should().MatchRegex("^h-[0-9a-z]{8,32}$");
        await ShouldHaveNoRole(invited, SsoRoleName);

        var accepted = (await Aws(Credentials.Root(invited), "organizations", "accept-handshake", "--handshake-id", handshakeId))
            .Json().GetProperty("Handshake");

        accepted.GetProperty("State").GetString().Should().Be("ACCEPTED");
        (await ExistingRole(invited, SsoRoleName)).GetProperty("Arn").GetString().Should().Be(SsoRoleArn(invited));
        await ShouldHaveNoRole(invited, "OrganizationAccountAccessRole");
        var joined = (await Aws(Management, "organizations", "describe-account", "--account-id", invited)).Json().GetProperty("Account");
        joined.GetProperty("JoinedMethod").GetString().Should().Be("INVITED");
    }

    public static TheoryData<string[], string> CustomerChanges => new()
    {
        { ["iam", "delete-role", "--role-name", SsoRoleName], "DeleteRole" },
        { ["iam", "attach-role-policy", "--role-name", SsoRoleName, "--policy-arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"], "AttachRolePolicy" },
        { ["iam", "detach-role-policy", "--role-name", SsoRoleName, "--policy-arn", "arn:aws:iam::aws:policy/aws-service-role/AWSSSOServiceRolePolicy"], "DetachRolePolicy" },
        { ["iam", "put-role-policy", "--role-name", SsoRoleName, "--policy-name", "extra",
            "--policy-document", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""], "PutRolePolicy" },
        { ["iam", "update-assume-role-policy", "--role-name", SsoRoleName,
            "--policy-document", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"""], "UpdateAssumeRolePolicy" },
    };

    [Theory]
    [MemberData(nameof(CustomerChanges))]
    public async Task While_trusted_access_is_on_the_linked_role_refuses_customer_changes_as_unmodifiable(string[] command, string operation)
    {
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");
        await EnableSsoTrustedAccess();
        var before = await ExistingRole(member, SsoRoleName);

        var result = await Aws(Credentials.Root(member), command);

        result.ShouldFailWith("UnmodifiableEntity", operation).Stderr.Should().Contain(ProtectedRoleMessage(SsoRoleName));
        var after = await ExistingRole(member, SsoRoleName);
        after.GetProperty("RoleId").GetString().Should().Be(before.GetProperty("RoleId").GetString());
        after.GetProperty("AssumeRolePolicyDocument").GetRawText().Should().Be(before.GetProperty("AssumeRolePolicyDocument").GetRawText());
        var attached = (await Aws(Credentials.Root(member), "iam", "list-attached-role-policies", "--role-name", SsoRoleName))
            .Json().GetProperty("AttachedPolicies").EnumerateArray().Select(p => p.GetProperty("PolicyName").GetString());
        attached.Should().Equal("AWSSSOServiceRolePolicy");
    }

    [Fact]
    public async Task Deleting_the_linked_role_fails_as_a_task_while_locked_and_succeeds_after_disabling_trusted_access()
    {
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");
        await EnableSsoTrustedAccess();
        var memberKey = Credentials.Root(member);

        var lockedTask = await DeleteServiceLinkedRole(memberKey);
        var locked = await SettledDeletionStatus(memberKey, lockedTask);
        locked.GetProperty("Status").GetString().Should().Be("FAILED");
        locked.GetProperty("Reason").GetProperty("Reason").GetString().Should().NotBeNullOrWhiteSpace();
        await ExistingRole(member, SsoRoleName);

        await DisableSsoTrustedAccess();
        var freeTask = await DeleteServiceLinkedRole(memberKey);
        var free = await SettledDeletionStatus(memberKey, freeTask);

        free.GetProperty("Status").GetString().Should().Be("SUCCEEDED");
        await ShouldHaveNoRole(member, SsoRoleName);
    }

    [Fact]
    public async Task Re_enabling_trusted_access_re_creates_a_linked_role_deleted_while_it_was_off()
    {
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");
        await EnableSsoTrustedAccess();
        await DisableSsoTrustedAccess();
        var task = await DeleteServiceLinkedRole(Credentials.Root(member));
        (await SettledDeletionStatus(Credentials.Root(member), task)).GetProperty("Status").GetString().Should().Be("SUCCEEDED");
        await ShouldHaveNoRole(member, SsoRoleName);

        await EnableSsoTrustedAccess();

        (await ExistingRole(member, SsoRoleName)).GetProperty("Arn").GetString().Should().Be(SsoRoleArn(member));
        (await Aws(Credentials.Root(member), "iam", "delete-role", "--role-name", SsoRoleName))
            .ShouldFailWith("UnmodifiableEntity", "DeleteRole");
    }

    [Fact]
    public async Task Removing_an_account_deletes_its_sso_linked_role_keeps_its_access_role_and_leaves_it_outside_any_organization()
    {
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");
        await EnableSsoTrustedAccess();
        await ExistingRole(member, SsoRoleName);

        (await Aws(Management, "organizations", "remove-account-from-organization", "--account-id", member)).ShouldSucceed();

        await ShouldHaveNoRole(member, SsoRoleName);
        await ExistingRole(member, "OrganizationAccountAccessRole");
        (await ExistingRole(ManagementAccountId, SsoRoleName)).GetProperty("Arn").GetString().Should().Be(SsoRoleArn(ManagementAccountId));
        var describe = await Aws(Credentials.Root(member), "organizations", "describe-organization");
        describe.ShouldFailWith("AWSOrganizationsNotInUseException", "DescribeOrganization")
            .Stderr.Should().Contain("Your account is not a member of an organization.");
    }

    [Fact]
    public async Task The_management_account_cannot_be_removed_from_its_organization()
    {
        await CreateOrganization();

        var result = await Aws(Management, "organizations", "remove-account-from-organization", "--account-id", ManagementAccountId);

        result.ShouldFailWith("MasterCannotLeaveOrganizationException", "RemoveAccountFromOrganization");
        (await Aws(Management, "organizations", "describe-organization")).Json()
            .GetProperty("Organization").GetProperty("MasterAccountId").GetString().Should().Be(ManagementAccountId);
    }

    [Fact]
    public async Task Removing_an_account_that_does_not_exist_fails_with_account_not_found()
    {
        await CreateOrganization();

        var result = await Aws(Management, "organizations", "remove-account-from-organization", "--account-id", "999988887777");

        result.ShouldFailWith("AccountNotFoundException", "RemoveAccountFromOrganization");
    }

    private async Task<string> DeleteServiceLinkedRole(Credentials who)
    {
        var taskId = (await Aws(who, "iam", "delete-service-linked-role", "--role-name", SsoRoleName))
            .Json().GetProperty("DeletionTaskId").GetString()!;
        taskId.Should().MatchRegex("^task/aws-service-role/sso.amazonaws.com/AWSServiceRoleForSSO/[0-9a-f-]{36}$");
        return taskId;
    }

    /// <summary>Polls GetServiceLinkedRoleDeletionStatus (bounded) until the task is no longer pending.</summary>
    private Task<JsonElement> SettledDeletionStatus(Credentials who, string taskId) => Eventually.Until(
        async () => (await Aws(who, "iam", "get-service-linked-role-deletion-status", "--deletion-task-id", taskId)).Json(),
        status => status.GetProperty("Status").GetString() is not ("IN_PROGRESS" or "NOT_STARTED"), TimeSpan.FromSeconds(10));
}
