using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>/_emulator/state shows the policy types enabled in each root and the policies attached to each target.</summary>
public sealed class StateViewPolicyTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task State_shows_root_policy_types_and_attachments()
    {
        var management = _factory.Client("111111111111");
        await management.CreateOrganization();
        await management.EnablePolicyType();
        var rootId = await management.RootId();
        var policy = await management.CreatePolicy("DenyLeave");
        await management.Attach(policy, rootId);

        var state = await _factory.CreateClient().GetFromJsonAsync<JsonObject>("/_emulator/state");

        var organization = state!["Organizations"]!.AsArray().Single()!;
        organization["RootPolicyTypes"]!.AsArray().Select(t => (string)t!).Should().Equal("SERVICE_CONTROL_POLICY");
        var onRoot = organization["PolicyAttachments"]!.AsArray().Where(a => (string)a!["TargetId"]! == rootId).ToList();
        onRoot.Select(a => (string)a!["PolicyName"]!).Should().Equal("FullAWSAccess", "DenyLeave");
        onRoot.Should().OnlyContain(a => (string)a!["TargetType"]! == "ROOT" && (string)a["PolicyType"]! == "SERVICE_CONTROL_POLICY");
        organization["PolicyAttachments"]!.AsArray().Should().Contain(a => (string)a!["TargetId"]! == "111111111111" && (string)a["TargetType"]! == "ACCOUNT");
    }
}
