// PENDING until the orgs branch (Organizations policies, real PolicyLevels.For) is merged: rename to .cs then.
using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>An SCP that denies organizations:LeaveOrganization stops a member account's root user.</summary>
public sealed class ScpAuthorizationTests : EmulatorTest
{
    [Fact]
    public async Task An_SCP_denying_LeaveOrganization_stops_a_members_root_user()
    {
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");
        var root = (await Aws(Management, "organizations", "list-roots")).Json().GetProperty("Roots")[0];
        (await Aws(Management, "organizations", "enable-policy-type", "--root-id", root.GetProperty("Id").GetString()!,
            "--policy-type", "SERVICE_CONTROL_POLICY")).ExitCode.Should().BeOneOf(0, 254); // already enabled for ALL features is fine
        var policy = (await Aws(Management, "organizations", "create-policy", "--name", "NoLeave", "--type", "SERVICE_CONTROL_POLICY",
            "--description", "deny leaving", "--content",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""")).Json();
        var policyId = policy.GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        (await Aws(Management, "organizations", "attach-policy", "--policy-id", policyId, "--target-id", member)).ShouldSucceed();

        var leave = await Aws(Credentials.Root(member), "organizations", "leave-organization");
        leave.ShouldFailWith("AccessDeniedException", "LeaveOrganization").Stderr.Should().Contain(
            $"User: arn:aws:iam::{member}:root is not authorized to perform: organizations:LeaveOrganization on resource: * with an explicit deny in a service control policy");
    }
}
