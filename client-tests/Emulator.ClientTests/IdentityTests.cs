using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>Who the emulator thinks is calling: decided by the access key id, as sts get-caller-identity shows.</summary>
public sealed class IdentityTests : EmulatorTest
{
    protected override string DefaultAccount => "123456789012";

    [Theory]
    [InlineData("111111111111", "111111111111")]
    [InlineData("222233334444", "222233334444")]
    [InlineData("test", "123456789012")]
    [InlineData("AKID-EXAMPLE", "123456789012")]
    public async Task Get_caller_identity_reports_the_root_user_of_the_account_the_key_names(string accessKey, string account)
    {
        var identity = (await Aws(new Credentials(accessKey), "sts", "get-caller-identity")).Json();

        identity.GetProperty("Account").GetString().Should().Be(account);
        identity.GetProperty("Arn").GetString().Should().Be($"arn:aws:iam::{account}:root");
        identity.GetProperty("UserId").GetString().Should().Be(account);
    }

    [Fact]
    public async Task An_AWS_shaped_key_the_emulator_never_issued_is_refused_as_AWS_refuses_it()
    {
        var result = await Aws(new Credentials("AKIAIOSFODNN7EXAMPLE"), "sts", "get-caller-identity");

        result.ShouldFailWith("InvalidClientTokenId", "GetCallerIdentity").Stderr.Should()
            .Contain("The security token included in the request is invalid.");
    }

    [Fact]
    public async Task Each_account_key_sees_its_own_roles_only()
    {
        await CreateOrganization();
        var first = await CreateAccount("first", "first@example.com");
        var second = await CreateAccount("second", "second@example.com");

        var firstRole = await ExistingRole(first, "OrganizationAccountAccessRole");
        var secondRole = await ExistingRole(second, "OrganizationAccountAccessRole");

        firstRole.GetProperty("Arn").GetString().Should().Be($"arn:aws:iam::{first}:role/OrganizationAccountAccessRole");
        secondRole.GetProperty("Arn").GetString().Should().Be($"arn:aws:iam::{second}:role/OrganizationAccountAccessRole");
        firstRole.GetProperty("RoleId").GetString().Should().NotBe(secondRole.GetProperty("RoleId").GetString());
        await ShouldHaveNoRole(ManagementAccountId, "OrganizationAccountAccessRole");
    }

    [Fact]
    public async Task A_management_account_user_assumes_organization_account_access_role_and_becomes_that_member()
    {
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");
        (await Aws(Management, "iam", "create-user", "--user-name", "operator")).ShouldSucceed();
        (await Aws(Management, "iam", "attach-user-policy", "--user-name", "operator",
            "--policy-arn", "arn:aws:iam::aws:policy/AdministratorAccess")).ShouldSucceed();
        var key = (await Aws(Management, "iam", "create-access-key", "--user-name", "operator")).Json().GetProperty("AccessKey");
        var operatorKey = new Credentials(key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!);
        (await Aws(operatorKey, "sts", "get-caller-identity")).Json().GetProperty("Arn").GetString()
            .Should().Be($"arn:aws:iam::{ManagementAccountId}:user/operator");

        var assumed = (await Aws(operatorKey, "sts", "assume-role",
            "--role-arn", $"arn:aws:iam::{member}:role/OrganizationAccountAccessRole", "--role-session-name", "lab")).Json();

        var sessionArn = $"arn:aws:sts::{member}:assumed-role/OrganizationAccountAccessRole/lab";
        assumed.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString().Should().Be(sessionArn);
        assumed.GetProperty("Credentials").GetProperty("AccessKeyId").GetString().Should().StartWith("ASIA");
        var identity = (await Aws(Credentials.FromAssumeRole(assumed), "sts", "get-caller-identity")).Json();
        identity.GetProperty("Account").GetString().Should().Be(member);
        identity.GetProperty("Arn").GetString().Should().Be(sessionArn);
        identity.GetProperty("UserId").GetString().Should().MatchRegex("^AROA[A-Z0-9]+:lab$");
    }

    [Fact]
    public async Task The_management_accounts_root_user_may_assume_the_members_access_role_but_not_another_accounts_role()
    {
        // A fidelity choice (README): AWS refuses root callers ("Roles may not be assumed by root accounts."); the
        // emulator lets them, because most emulator users sign with a root key, and still checks the trust policy.
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");

        var assumed = await Aws(Management, "sts", "assume-role",
            "--role-arn", $"arn:aws:iam::{member}:role/OrganizationAccountAccessRole", "--role-session-name", "root-try");
        assumed.ShouldSucceed().Json().GetProperty("AssumedRoleUser").GetProperty("Arn").GetString()
            .Should().Be($"arn:aws:sts::{member}:assumed-role/OrganizationAccountAccessRole/root-try");

        var stranger = Credentials.Root("999988887777");
        var refused = await Aws(stranger, "sts", "assume-role",
            "--role-arn", $"arn:aws:iam::{member}:role/OrganizationAccountAccessRole", "--role-session-name", "stranger");
        refused.ShouldFailWith("AccessDenied", "AssumeRole").Stderr.Should().Contain(
            $"User: arn:aws:iam::999988887777:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::{member}:role/OrganizationAccountAccessRole");
    }

    [Fact]
    public async Task Assuming_the_sso_linked_role_as_a_customer_is_denied()
    {
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");
        await EnableSsoTrustedAccess();
        (await Aws(Management, "iam", "create-user", "--user-name", "operator")).ShouldSucceed();
        var key = (await Aws(Management, "iam", "create-access-key", "--user-name", "operator")).Json().GetProperty("AccessKey");
        var operatorKey = new Credentials(key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!);

        var result = await Aws(operatorKey, "sts", "assume-role", "--role-arn", SsoRoleArn(member), "--role-session-name", "sneaky");

        result.ShouldFailWith("AccessDenied", "AssumeRole").Stderr.Should().Contain(
            $"User: arn:aws:iam::{ManagementAccountId}:user/operator is not authorized to perform: sts:AssumeRole on resource: {SsoRoleArn(member)}");
    }
}
