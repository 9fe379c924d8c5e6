using System.Net;
using System.Text.Json.Nodes;
using Emulator.Hosting;
using Emulator.Tests.Support;

namespace Emulator.Tests.State;

/// <summary>
/// A full disk is survivable: the write that cannot be saved answers a protocol-shaped 5xx with nothing applied, reads
/// carry on, health says degraded, and writes work again once space is freed — without a restart.
/// </summary>
public sealed class FullDiskTests
{
    [SkippableFact]
    public async Task Writes_fail_cleanly_while_the_disk_is_full_and_work_again_once_space_is_freed()
    {
        using var disk = SmallDisk.TryMount("3m", out var whyNot);
        Skip.If(disk is null, whyNot);
        await using var emulator = await EmulatorServer.StartAsync(Path.Combine(disk.Folder, "state.db"));
        using var http = new HttpClient { BaseAddress = emulator.Endpoint };
        var client = new AwsClient(http, "test");
        (await client.As("100000000000").Organizations("CreateOrganization", new { FeatureSet = "ALL" })).Status.Should().Be(HttpStatusCode.OK);

        var filler = disk.Fill();
        var account = 100_000_000_001L;
        AwsAnswer? failed = null;
        for (; account < 100_000_000_400L && failed is null; account++)
        {
            var answer = await client.As(account.ToString()).Organizations("CreateOrganization", new { FeatureSet = "ALL" });
            if (answer.Status != HttpStatusCode.OK) failed = answer;
        }
        failed.Should().NotBeNull("the disk filled up");
        var failedAccount = (account - 1).ToString();
        ((int)failed!.Status).Should().BeInRange(500, 599);
        failed.Json["__type"]!.GetValue<string>().Should().BeOneOf("InternalFailure", "ServiceUnavailable", "ServiceUnavailableException");

        var health = JsonNode.Parse(await http.GetStringAsync("_emulator/health"))!;
        health["status"]!.GetValue<string>().Should().Be("degraded");
        health["reason"]!.GetValue<string>().Should().Contain("disk is full");

        (await client.As("100000000000").Organizations("DescribeOrganization")).Status.Should().Be(HttpStatusCode.OK, "reads keep working");
        (await client.As(failedAccount).Organizations("DescribeOrganization")).Status.Should().NotBe(HttpStatusCode.OK, "the failed write left nothing");

        File.Delete(filler);
        (await client.As(failedAccount).Organizations("CreateOrganization", new { FeatureSet = "ALL" })).Status
            .Should().Be(HttpStatusCode.OK, "writes work again once space is freed");
        JsonNode.Parse(await http.GetStringAsync("_emulator/health"))!["status"]!.GetValue<string>().Should().Be("ok");
        (await client.As(failedAccount).Organizations("DescribeOrganization")).Status.Should().Be(HttpStatusCode.OK);

        // Whatever LiteDB left behind after the failure must not blow up in a finalizer later (that kills the process).
        await emulator.DisposeAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [SkippableFact]
    public async Task A_full_disk_at_start_is_one_line()
    {
        using var disk = SmallDisk.TryMount("1m", out var whyNot);
        Skip.If(disk is null, whyNot);
        disk.Fill();
        var (exitCode, error) = await EmulatorProcess.RunUntilExit(null,
            "--port", EmulatorProcess.FreeTcpPort().ToString(), "--data", Path.Combine(disk.Folder, "state.db"));
        exitCode.Should().Be(2);
        error.Should().StartWith("error: ").And.Contain("disk is full").And.NotContain("\n");
    }

    [SkippableFact]
    public async Task A_read_only_file_or_folder_is_one_line()
    {
        using var disk = SmallDisk.TryMount("1m", out var whyNot);
        Skip.If(disk is null, whyNot);
        var existing = Path.Combine(disk.Folder, "state.db");
        File.WriteAllBytes(existing, []);
        disk.MakeReadOnly();
        foreach (var dataPath in new[] { existing, Path.Combine(disk.Folder, "new.db") })
        {
            var (exitCode, error) = await EmulatorProcess.RunUntilExit(null, "--port", EmulatorProcess.FreeTcpPort().ToString(), "--data", dataPath);
            exitCode.Should().Be(2, dataPath);
            error.Should().StartWith("error: ").And.Contain("writable").And.NotContain("\n");
        }
    }
}
