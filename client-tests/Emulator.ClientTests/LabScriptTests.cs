using System.Diagnostics;
using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>samples/trusted-access-lab.sh, run as a user would, against a fresh emulator, with AWS CLI v1 and v2.</summary>
public sealed class LabScriptTests : EmulatorTest
{
    private Task<ProcessResult> RunLab(CliGeneration generation = CliGeneration.V1)
    {
        var bash = RequiredTool.Find("bash", "Install bash.");
        var lab = Path.Combine(AppContext.BaseDirectory, "samples", "trusted-access-lab.sh");
        File.Exists(lab).Should().BeTrue($"the lab should be copied next to the tests ({lab})");
        var start = new ProcessStartInfo(bash);
        start.ArgumentList.Add(lab);
        ProcessResult.ScrubAwsEnvironment(start);
        start.Environment["ENDPOINT"] = Emulator.Endpoint.ToString().TrimEnd('/');
        start.Environment["AWS_CLI"] = AwsCli.Executable(generation);
        return ProcessResult.Run(start, $"AWS_CLI=<v{(int)generation}> bash samples/trusted-access-lab.sh", TimeSpan.FromMinutes(10)); // generous: CI machines are small and CLI v2 starts slowly
    }

    [Theory]
    [MemberData(nameof(AwsCli.Generations), MemberType = typeof(AwsCli))]
    public async Task The_trusted_access_lab_runs_to_the_end_against_a_fresh_emulator(CliGeneration generation)
    {
        var result = await RunLab(generation);

        result.ExitCode.Should().Be(0, "the lab should finish:\n{0}", result);
        result.Stdout.Should().Contain("Lab complete", "{0}", result);
        result.Stdout.Should().Contain("== Step 15:", "every step should run:\n{0}", result);
    }

    [Fact]
    public async Task The_lab_stops_with_a_non_zero_exit_code_at_the_first_unexpected_answer()
    {
        await CreateOrganization(); // the lab's first mutating step, CreateOrganization, now meets AlreadyInOrganization

        var result = await RunLab();

        result.ExitCode.Should().NotBe(0, "{0}", result);
        result.Stderr.Should().Contain("UNEXPECTED", "{0}", result);
        result.Stdout.Should().NotContain("Lab complete", "{0}", result);
        result.Stdout.Should().NotContain("== Step 3:", "the lab must stop at the failing step:\n{0}", result);
    }
}
