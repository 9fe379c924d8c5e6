using System.Text.Json;
using Emulator.ClientTests.Support;
using Emulator.Tests.Support;

namespace Emulator.ClientTests;

/// <summary>AWS's "integrate IAM Identity Center with Organizations" steps, typed verbatim into the real AWS CLI.</summary>
public sealed class SsoWalkthroughTests : EmulatorTest
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    protected override TimeProvider Clock => _clock;

    [Theory]
    [MemberData(nameof(AwsCli.Generations), MemberType = typeof(AwsCli))]
    public async Task The_sso_trusted_access_walkthrough_runs_verbatim_with_the_aws_cli(CliGeneration generation)
    {
        UseCli(generation);

        // aws organizations create-organization --feature-set ALL
        var organization = (await Aws(Management, "organizations", "create-organization", "--feature-set", "ALL"))
            .Json().GetProperty("Organization");
        organization.GetProperty("Id").GetString().Should().MatchRegex("^o-[a-z0-9]{10,32}$");
        organization.GetProperty("FeatureSet").GetString().Should().Be("ALL");
        organization.GetProperty("MasterAccountId").GetString().Should().Be(ManagementAccountId);
        var orgId = organization.GetProperty("Id").GetString();
        organization.GetProperty("Arn").GetString().Should().Be($"arn:aws:organizations::{ManagementAccountId}:organization/{orgId}");

        // aws organizations create-account --email dev@example.com --account-name dev
        var status = (await Aws(Management, "organizations", "create-account", "--email", "dev@example.com", "--account-name", "dev"))
            .Json().GetProperty("CreateAccountStatus");
        status.GetProperty("Id").GetString().Should().MatchRegex("^car-[a-z0-9]{8,32}$");
        status.GetProperty("State").GetString().Should().BeOneOf("IN_PROGRESS", "SUCCEEDED");
        status = await Settled(status);
        status.GetProperty("State").GetString().Should().Be("SUCCEEDED");
        var member = status.GetProperty("AccountId").GetString()!;
        member.Should().MatchRegex(@"^\d{12}$").And.NotBe(ManagementAccountId);

        // aws organizations enable-aws-service-access --service-principal sso.amazonaws.com   (prints nothing)
        var enable = (await Aws(Management, "organizations", "enable-aws-service-access", "--service-principal", Sso)).ShouldSucceed();
        enable.Stdout.Should().BeEmpty();

        // aws organizations list-aws-service-access-for-organization
        var enabled = (await Aws(Management, "organizations", "list-aws-service-access-for-organization"))
            .Json().GetProperty("EnabledServicePrincipals").EnumerateArray().ToList();
        enabled.Should().ContainSingle();
        enabled[0].GetProperty("ServicePrincipal").GetString().Should().Be(Sso);
        // CLI v1 (cli_timestamp_format none) prints the wire value, epoch seconds; CLI v2 prints ISO 8601.
        var date = enabled[0].GetProperty("DateEnabled");
        var dateEnabled = date.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(date.GetDouble() * 1000))
            : DateTimeOffset.Parse(date.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        dateEnabled.Should().BeCloseTo(_clock.Now, TimeSpan.FromSeconds(1), "the emulator's clock at enable time (to the CLI's precision)");

        // aws iam get-role --role-name AWSServiceRoleForSSO   (member account's credentials)
        var role = await ExistingRole(member, SsoRoleName);
        role.GetProperty("Arn").GetString().Should().Be(SsoRoleArn(member));
        role.GetProperty("Path").GetString().Should().Be("/aws-service-role/sso.amazonaws.com/");
        role.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement")[0]
            .GetProperty("Principal").GetProperty("Service").GetString().Should().Be(Sso);

        // aws iam delete-role --role-name AWSServiceRoleForSSO   (refused while trusted access is on)
        var delete = await Aws(Credentials.Root(member), "iam", "delete-role", "--role-name", SsoRoleName);
        delete.ShouldFailWith("UnmodifiableEntity", "DeleteRole").Stderr.Should().Contain(ProtectedRoleMessage(SsoRoleName));
        (await ExistingRole(member, SsoRoleName)).GetProperty("Arn").GetString().Should().Be(SsoRoleArn(member));

        // aws organizations disable-aws-service-access --service-principal sso.amazonaws.com
        var disable = (await Aws(Management, "organizations", "disable-aws-service-access", "--service-principal", Sso)).ShouldSucceed();
        disable.Stdout.Should().BeEmpty();
        (await Aws(Management, "organizations", "list-aws-service-access-for-organization"))
            .Json().GetProperty("EnabledServicePrincipals").EnumerateArray().Should().BeEmpty();
        (await ExistingRole(member, SsoRoleName)).GetProperty("Arn").GetString().Should().Be(SsoRoleArn(member),
            "disabling trusted access deletes nothing");

        // aws organizations remove-account-from-organization --account-id <member>
        var remove = (await Aws(Management, "organizations", "remove-account-from-organization", "--account-id", member)).ShouldSucceed();
        remove.Stdout.Should().BeEmpty();
        var accounts = (await Aws(Management, "organizations", "list-accounts")).Json().GetProperty("Accounts")
            .EnumerateArray().Select(a => a.GetProperty("Id").GetString()).ToList();
        accounts.Should().Equal(ManagementAccountId);
    }

    [Fact]
    public async Task A_member_account_calling_a_management_only_operation_gets_awss_access_denied_text_on_stderr()
    {
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");

        var result = await Aws(Credentials.Root(member), "organizations", "enable-aws-service-access", "--service-principal", Sso);

        result.ExitCode.Should().Be(AwsCli.ServiceErrorExitCode, "{0}", result);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Trim().Should().Be(
            "An error occurred (AccessDeniedException) when calling the EnableAWSServiceAccess operation: You don't have permissions to access this resource.");
        (await Aws(Management, "organizations", "list-aws-service-access-for-organization"))
            .Json().GetProperty("EnabledServicePrincipals").EnumerateArray().Should().BeEmpty("the refused call must change nothing");
    }

    [Fact]
    public async Task An_operation_the_emulator_does_not_implement_fails_with_an_error_naming_it()
    {
        await CreateOrganization();

        var result = await Aws(Management, "organizations", "describe-responsibility-transfer", "--id", "rt-1234567890");

        result.ExitCode.Should().Be(AwsCli.ServiceErrorExitCode, "{0}", result);
        result.Stderr.Should().MatchRegex(@"An error occurred \(\w+\) when calling the DescribeResponsibilityTransfer operation: .*DescribeResponsibilityTransfer", "{0}", result);
    }
}
