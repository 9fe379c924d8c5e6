using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>IAM policy enforcement as the AWS CLI sees it: the exact AccessDenied messages.</summary>
public sealed class AuthorizationTests : EmulatorTest
{
    private const string Admin = "arn:aws:iam::aws:policy/AdministratorAccess";

    private async Task<Credentials> UserKey(string name, string? boundary = null, params string[] policies)
    {
        var create = boundary is null ? new[] { "iam", "create-user", "--user-name", name }
            : ["iam", "create-user", "--user-name", name, "--permissions-boundary", boundary];
        (await Aws(Management, create)).ShouldSucceed();
        foreach (var policy in policies)
            (await Aws(Management, "iam", "attach-user-policy", "--user-name", name, "--policy-arn", policy)).ShouldSucceed();
        var key = (await Aws(Management, "iam", "create-access-key", "--user-name", name)).Json().GetProperty("AccessKey");
        return new Credentials(key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!);
    }

    [Fact]
    public async Task A_permissions_boundary_caps_an_admin_user()
    {
        var capped = await UserKey("capped", "arn:aws:iam::aws:policy/ReadOnlyAccess", Admin);
        (await Aws(capped, "iam", "list-roles")).ShouldSucceed();
        var create = await Aws(capped, "iam", "create-user", "--user-name", "another");
        create.ShouldFailWith("AccessDenied", "CreateUser").Stderr.Should().Contain(
            $"User: arn:aws:iam::{ManagementAccountId}:user/capped is not authorized to perform: iam:CreateUser on resource: user another because no permissions boundary allows the iam:CreateUser action");
    }

    [Fact]
    public async Task A_PowerUserAccess_role_cannot_touch_IAM()
    {
        var admin = await UserKey("admin", null, Admin);
        var trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{ManagementAccountId}}"},"Action":"sts:AssumeRole"}]}""";
        (await Aws(Management, "iam", "create-role", "--role-name", "power", "--assume-role-policy-document", trust)).ShouldSucceed();
        (await Aws(Management, "iam", "attach-role-policy", "--role-name", "power", "--policy-arn", "arn:aws:iam::aws:policy/PowerUserAccess")).ShouldSucceed();
        var assumed = (await Aws(admin, "sts", "assume-role", "--role-arn", $"arn:aws:iam::{ManagementAccountId}:role/power", "--role-session-name", "dev")).Json();
        var power = Credentials.FromAssumeRole(assumed);

        var delete = await Aws(power, "iam", "delete-role", "--role-name", "power");
        delete.ShouldFailWith("AccessDenied", "DeleteRole").Stderr.Should().Contain(
            $"User: arn:aws:sts::{ManagementAccountId}:assumed-role/power/dev is not authorized to perform: iam:DeleteRole on resource: role power because no identity-based policy allows the iam:DeleteRole action");
    }

    [Fact]
    public async Task An_ExternalId_condition_on_a_trust_policy_is_required()
    {
        var admin = await UserKey("admin", null, Admin);
        var trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"ACCOUNT"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"vendor-123"}}}]}"""
            .Replace("ACCOUNT", ManagementAccountId);
        (await Aws(Management, "iam", "create-role", "--role-name", "vendor", "--assume-role-policy-document", trust)).ShouldSucceed();
        var roleArn = $"arn:aws:iam::{ManagementAccountId}:role/vendor";

        (await Aws(admin, "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "vv"))
            .ShouldFailWith("AccessDenied", "AssumeRole").Stderr.Should().Contain(
                $"User: arn:aws:iam::{ManagementAccountId}:user/admin is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        (await Aws(admin, "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "vv", "--external-id", "vendor-123")).ShouldSucceed();
    }
}
