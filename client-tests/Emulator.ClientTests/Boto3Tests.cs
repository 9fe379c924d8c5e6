using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>The same emulator driven by real boto3: paginators, parsed errors, decoded policy documents.</summary>
public sealed class Boto3Tests : EmulatorTest
{
    private async Task RunScript(string script)
    {
        var result = await Boto3Script.Run(Emulator.Endpoint, script, Management);
        result.ExitCode.Should().Be(0, "the boto3 script should pass:\n{0}", result);
        result.Stdout.Should().Contain("PASS", "the script should report that it ran to the end:\n{0}", result);
    }

    [Fact]
    public async Task The_list_accounts_paginator_returns_all_46_accounts_in_pages_of_20() => await RunScript("paginate_accounts.py");

    [Fact]
    public async Task The_list_roles_paginator_honours_max_items_and_resumes_from_its_token() => await RunScript("paginate_roles.py");

    [Fact]
    public async Task Bad_input_comes_back_as_modelled_boto3_errors() => await RunScript("bad_input.py");

    [Fact]
    public async Task The_trust_lifecycle_holds_through_boto3() => await RunScript("trust_lifecycle.py");
}
