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
    public async Task Root_users_may_not_assume_roles_and_a_stranger_is_not_named_by_the_trust_policy()
    {
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");
        var roleArn = $"arn:aws:iam::{member}:role/OrganizationAccountAccessRole";

        var root = await Aws(Management, "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "root-try");
        root.ShouldFailWith("AccessDenied", "AssumeRole").Stderr.Should().Contain("Roles may not be assumed by root accounts.");

        var strangerRoot = Credentials.Root("999988887777");
        (await Aws(strangerRoot, "iam", "create-user", "--user-name", "stranger")).ShouldSucceed();
        (await Aws(strangerRoot, "iam", "attach-user-policy", "--user-name", "stranger",
            "--policy-arn", "arn:aws:iam::aws:policy/AdministratorAccess")).ShouldSucceed();
        var key = (await Aws(strangerRoot, "iam", "create-access-key", "--user-name", "stranger")).Json().GetProperty("AccessKey");
        var stranger = new Credentials(key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!);
        var refused = await Aws(stranger, "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "stranger");
        refused.ShouldFailWith("AccessDenied", "AssumeRole").Stderr.Should().Contain(
            $"User: arn:aws:iam::999988887777:user/stranger is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
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
