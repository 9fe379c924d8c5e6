using Emulator.ClientTests.Support;
using Emulator.Hosting;

namespace Emulator.ClientTests;

/// <summary>Organizations rules around trusted access that a CLI user meets: delegated administrators, async failures, durability.</summary>
public sealed class OrganizationRuleTests : EmulatorTest
{
    [Fact]
    public async Task A_delegated_administrator_for_sso_may_list_trusted_access_but_not_change_it()
    {
        await CreateOrganization();
        var admin = await CreateAccount("admin", "admin@example.com");
        await EnableSsoTrustedAccess();
        (await Aws(Credentials.Root(admin), "organizations", "list-aws-service-access-for-organization"))
            .ShouldFailWith("AccessDeniedException", "ListAWSServiceAccessForOrganization");

        (await Aws(Management, "organizations", "register-delegated-administrator", "--account-id", admin, "--service-principal", Sso))
            .ShouldSucceed().Stdout.Should().BeEmpty();

        var listed = (await Aws(Credentials.Root(admin), "organizations", "list-aws-service-access-for-organization"))
            .Json().GetProperty("EnabledServicePrincipals").EnumerateArray().Select(p => p.GetProperty("ServicePrincipal").GetString());
        listed.Should().Equal(Sso);
        (await Aws(Credentials.Root(admin), "organizations", "disable-aws-service-access", "--service-principal", Sso))
            .ShouldFailWith("AccessDeniedException", "DisableAWSServiceAccess");
        var delegated = (await Aws(Management, "organizations", "list-delegated-administrators", "--service-principal", Sso))
            .Json().GetProperty("DelegatedAdministrators").EnumerateArray().Select(d => d.GetProperty("Id").GetString());
        delegated.Should().Equal(admin);
    }

    [Fact]
    public async Task A_delegated_administrator_cannot_be_removed_from_the_organization_until_deregistered()
    {
        await CreateOrganization();
        var admin = await CreateAccount("admin", "admin@example.com");
        await EnableSsoTrustedAccess();
        (await Aws(Management, "organizations", "register-delegated-administrator", "--account-id", admin, "--service-principal", Sso))
            .ShouldSucceed();

        var refused = await Aws(Management, "organizations", "remove-account-from-organization", "--account-id", admin);

        refused.ShouldFailWith("ConstraintViolationException", "RemoveAccountFromOrganization");
        (await Aws(Management, "organizations", "deregister-delegated-administrator", "--account-id", admin, "--service-principal", Sso))
            .ShouldSucceed();
        (await Aws(Management, "organizations", "remove-account-from-organization", "--account-id", admin)).ShouldSucceed();
    }

    [Fact]
    public async Task Creating_an_account_with_an_email_already_in_use_fails_asynchronously_with_email_already_exists()
    {
        await CreateOrganization();
        await CreateAccount("first", "taken@example.com");

        var status = await Settled((await Aws(Management, "organizations", "create-account", "--email", "taken@example.com", "--account-name", "second"))
            .Json().GetProperty("CreateAccountStatus"));

        status.GetProperty("State").GetString().Should().Be("FAILED");
        status.GetProperty("FailureReason").GetString().Should().Be("EMAIL_ALREADY_EXISTS");
        (await Aws(Management, "organizations", "list-accounts")).Json().GetProperty("Accounts").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Trusted_access_and_its_linked_roles_survive_an_emulator_restart_on_the_same_data_file()
    {
        var dir = Directory.CreateTempSubdirectory("client-tests-state-");
        try
        {
            var path = Path.Combine(dir.FullName, "state.db");
            await using (var first = await EmulatorServer.StartAsync(path))
            {
                var cli = new AwsCli(first.Endpoint);
                (await cli.Run(Management, "organizations", "create-organization", "--feature-set", "ALL")).ShouldSucceed();
                (await cli.Run(Management, "organizations", "enable-aws-service-access", "--service-principal", Sso)).ShouldSucceed();
                (await cli.Run(Management, "iam", "get-role", "--role-name", SsoRoleName)).ShouldSucceed();
            }

            await using var second = await EmulatorServer.StartAsync(path);
            var again = new AwsCli(second.Endpoint);
            var listed = (await again.Run(Management, "organizations", "list-aws-service-access-for-organization"))
                .Json().GetProperty("EnabledServicePrincipals").EnumerateArray().Select(p => p.GetProperty("ServicePrincipal").GetString());
            listed.Should().Equal(Sso);
            (await again.Run(Management, "iam", "get-role", "--role-name", SsoRoleName)).Json()
                .GetProperty("Role").GetProperty("Arn").GetString().Should().Be(SsoRoleArn(ManagementAccountId));
            (await again.Run(Management, "iam", "delete-role", "--role-name", SsoRoleName))
                .ShouldFailWith("UnmodifiableEntity", "DeleteRole");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
