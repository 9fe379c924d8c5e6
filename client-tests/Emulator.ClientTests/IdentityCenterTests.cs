using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>IAM Identity Center instances through the CLI: the management account cannot create one by API.</summary>
public sealed class IdentityCenterTests : EmulatorTest
{
    [Fact]
    public async Task The_management_account_cannot_create_an_identity_center_instance_through_the_api()
    {
        await CreateOrganization();

        var result = await Aws(Management, "sso-admin", "create-instance", "--name", "corp");

        result.ExitCode.Should().Be(AwsCli.ServiceErrorExitCode, "{0}", result);
        result.Stderr.Should().Contain("when calling the CreateInstance operation: Organization management account is not allowed to perform the operation.");
        (await Aws(Management, "sso-admin", "list-instances")).Json().GetProperty("Instances").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_standalone_account_creates_an_account_instance_and_lists_it_as_its_owner()
    {
        var standalone = Credentials.Root("222233334444");

        var arn = (await Aws(standalone, "sso-admin", "create-instance", "--name", "team")).Json().GetProperty("InstanceArn").GetString();

        arn.Should().MatchRegex("^arn:aws:sso:::instance/ssoins-[0-9a-f]{16}$");
        var instance = (await Aws(standalone, "sso-admin", "list-instances")).Json().GetProperty("Instances").EnumerateArray().Single();
        instance.GetProperty("InstanceArn").GetString().Should().Be(arn);
        instance.GetProperty("OwnerAccountId").GetString().Should().Be("222233334444");
        instance.GetProperty("IdentityStoreId").GetString().Should().MatchRegex("^(d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");
        (await Aws(Credentials.Root("333344445555"), "sso-admin", "list-instances")).Json()
            .GetProperty("Instances").GetArrayLength().Should().Be(0, "another account does not see it");
    }
}
