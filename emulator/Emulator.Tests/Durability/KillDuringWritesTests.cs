using System.Collections.Concurrent;
using System.Net;
using Emulator.Tests.Support;

namespace Emulator.Tests.Durability;

/// <summary>A write acknowledged with a 2xx survives kill -9, and the data file always reopens.</summary>
public sealed class KillDuringWritesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// 40 writes are far fewer than the journal folds at, and they never pause for the idle fold, so the kill leaves them
    /// in the state file's journal (checked): the restart folds them in before it answers.
    /// </summary>
    [Fact]
    public Task Every_acknowledged_write_is_there_after_kill_9_and_restart() => KillDuringWrites(writerCount: 4, acknowledgedBeforeKill: 40, leavesJournal: true);

    /// <summary>32 writers at once: their writes are group-committed (several per LiteDB transaction).</summary>
    [Fact]
    public Task Every_acknowledged_write_of_a_group_committed_burst_survives_kill_9() => KillDuringWrites(writerCount: 32, acknowledgedBeforeKill: 400, leavesJournal: false);

    private async Task KillDuringWrites(int writerCount, int acknowledgedBeforeKill, bool leavesJournal)
    {
        var dataPath = Path.Combine(_folder, "state.db");
        var acknowledged = new ConcurrentBag<string>();

        using (var emulator = await EmulatorProcess.StartAsync(dataPath))
        {
            using var http = new HttpClient { BaseAddress = emulator.Endpoint };
            var client = new AwsClient(http, "test");
            using var stop = new CancellationTokenSource();
            var next = 100_000_000_000L;

            // Four writers create one organization each per request, each with a different account (its key).
            var writers = Enumerable.Range(0, writerCount).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var account = Interlocked.Increment(ref next).ToString();
                    try
                    {
                        var answer = await client.As(account).Organizations("CreateOrganization", new { FeatureSet = "ALL" });
                        if (answer.Status == HttpStatusCode.OK) acknowledged.Add(account);
                    }
                    catch (HttpRequestException) { return; } // the server is gone: this write was never acknowledged
                }
            })).ToList();

            (await Eventually.Until(() => acknowledged.Count >= acknowledgedBeforeKill, TimeSpan.FromMinutes(2))).Should().BeTrue();
            emulator.Kill();
            stop.Cancel();
            await Task.WhenAll(writers);
        }
        if (leavesJournal) JournalEntries(dataPath).Should().BePositive();

        using var restarted = await EmulatorProcess.StartAsync(dataPath);
        using var again = new HttpClient { BaseAddress = restarted.Endpoint };
        var reader = new AwsClient(again, "test");
        acknowledged.Should().HaveCountGreaterThanOrEqualTo(acknowledgedBeforeKill);
        foreach (var account in acknowledged)
        {
            var answer = await reader.As(account).Organizations("DescribeOrganization");
            answer.Status.Should().Be(HttpStatusCode.OK, $"account {account}'s organization was acknowledged before the kill");
            answer.Json["Organization"]!["MasterAccountId"]!.GetValue<string>().Should().Be(account);
        }
    }

    private static int JournalEntries(string dataPath)
    {
        using var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = dataPath, ReadOnly = true });
        return db.GetCollection(Emulator.State.Journal.Collection).Count();
    }
}
