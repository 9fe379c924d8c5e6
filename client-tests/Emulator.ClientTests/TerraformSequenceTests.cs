using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>
/// The Terraform AWS provider's Create → Read → Update → Read → Delete call sequences for each Organizations resource,
/// replayed with boto3 (Terraform itself is not installed here); see client-tests/python/terraform_sequences.py.
/// </summary>
public sealed class TerraformSequenceTests : EmulatorTest
{
    [Theory]
    [InlineData("aws_organizations_organization")]
    [InlineData("aws_organizations_account")]
    [InlineData("aws_organizations_organizational_unit")]
    [InlineData("aws_organizations_policy")]
    [InlineData("aws_organizations_delegated_administrator")]
    [InlineData("aws_organizations_resource_policy")]
    public async Task The_providers_sequence_succeeds_end_to_end(string resource)
    {
        var result = await Boto3Script.Run(Emulator.Endpoint, "terraform_sequences.py", Management,
            new Dictionary<string, string> { ["RESOURCE"] = resource });
        result.ExitCode.Should().Be(0, "the {0} sequence should pass:\n{1}", resource, result);
        result.Stdout.Should().Contain("PASS", "the script should report that it ran to the end:\n{0}", result);
    }
}
