using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>Bad input reaches the emulator through the CLI and comes back as AWS's errors.</summary>
public sealed class InputValidationTests : EmulatorTest
{
    [Fact]
    public async Task Enabling_an_unrecognized_service_principal_is_invalid_input_with_awss_message()
    {
        await CreateOrganization();

        var result = await Aws(Management, "organizations", "enable-aws-service-access", "--service-principal", "stacksets.cloudformation.amazonaws.com");

        result.ShouldFailWith("InvalidInputException", "EnableAWSServiceAccess")
            .Stderr.Should().Contain("You specified an unrecognized service principal.");
    }

    [Fact]
    public async Task An_account_id_that_is_not_twelve_digits_is_invalid_input()
    {
        await CreateOrganization();

        var result = await Aws(Management, "organizations", "remove-account-from-organization", "--account-id", "12345abcde");

        result.ShouldFailWith("InvalidInputException", "RemoveAccountFromOrganization");
    }

    [Fact]
    public async Task Organizations_calls_from_an_account_outside_any_organization_fail_as_not_in_use()
    {
        var result = await Aws(Credentials.Root("555566667777"), "organizations", "list-aws-service-access-for-organization");

        result.ShouldFailWith("AWSOrganizationsNotInUseException", "ListAWSServiceAccessForOrganization")
            .Stderr.Should().Contain("Your account is not a member of an organization.");
    }
}
