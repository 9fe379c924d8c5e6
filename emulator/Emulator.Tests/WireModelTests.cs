using System.Diagnostics;
using System.Text.Json.Nodes;
using Emulator.Hosting;
using Emulator.Protocol;
using Xunit.Abstractions;

namespace Emulator.Tests;

/// <summary>Models are parsed once per process into typed shapes; the authorizer's view of a request's members.</summary>
public sealed class WireModelTests(ITestOutputHelper output)
{
    [Fact]
    public void A_model_is_parsed_once_per_process_and_shared()
    {
        ServiceModel.Load("iam").Should().BeSameAs(ServiceModel.Load("iam"));
        var tagRole = ServiceModel.Load("iam").Operation("TagRole")!;
        tagRole.Input!.MembersByName["Tags"].Shape.Type.Should().Be(ShapeType.List);
        tagRole.Input.MembersByName["Tags"].Shape.Item!.Required.Should().Contain(["Key", "Value"]);
        tagRole.Input.MembersByName["Tags"].Shape.Max.Should().Be(50);
    }

    [Fact]
    public async Task An_in_process_emulator_after_the_first_starts_in_well_under_a_second()
    {
        await (await EmulatorServer.StartAsync()).DisposeAsync();
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            var emulator = await EmulatorServer.StartAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
            await emulator.DisposeAsync();
        }
        output.WriteLine($"EmulatorServer.StartAsync after the first: {string.Join(", ", times.Select(t => $"{t:F0} ms"))}");
        times.Min().Should().BeLessThan(1_000);
    }
}
