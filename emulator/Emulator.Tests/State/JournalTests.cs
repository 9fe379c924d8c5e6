using Emulator.Services.Organizations;
using Emulator.State;
using LiteDB;

namespace Emulator.Tests.State;

/// <summary>
/// The state file's journal (<see cref="Journal"/>): a small commit is one journal entry, folded into the collections
/// later; entries a crash leaves behind are folded when the file is opened again. The "crash" here is a
/// <see cref="StateFile"/> closed without its fold (a real kill -9 is <see cref="KillDuringWritesTests"/>).
/// </summary>
public sealed class JournalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-journal-").FullName;

    private string DataPath => Path.Combine(_folder, "state.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AccountDoc Account(string id, string name = "a") => new() { Id = id, Name = name, Email = $"{id}@example.com" };

    private static PendingCommit Write(params Change[] changes) => new(changes, Snapshot.Empty, resetsEverything: false, trail: []);

    private static Change Put(AccountDoc account) => new("accounts", account.Id, account);

    /// <summary>The accounts collection ("id=name", in id order) and the number of journal entries, as the file holds them.</summary>
    private (string Accounts, int Journal) OnDisk()
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = DataPath, Connection = ConnectionType.Direct });
        return (string.Join(',', db.GetCollection("accounts").FindAll().Select(d => $"{d[StorageKeys.DocumentIdField].AsString}={d["Name"].AsString}").Order()),
            db.GetCollection(Journal.Collection).Count());
    }

    [Fact]
    public void Small_commits_wait_in_the_journal_and_a_crash_before_the_fold_loses_none_of_them()
    {
        using (var file = StateFile.Open(DataPath))
        {
            file.Load();
            file.Commit([Write(Put(Account("111111111111")))], []);
            file.Commit([Write(Put(Account("222222222222")), Put(Account("333333333333")))], []);
            file.Commit([Write(Put(Account("111111111111", "renamed")), new Change("accounts", "333333333333", null))], []);
            file.JournalLength.Should().Be(3);
        } // closed without folding, as a kill -9 would leave it

        OnDisk().Should().Be(("", 3));
        using (var store = new StateStore(DataPath))
            store.Read(tx => tx.Accounts.FindAll().Select(a => $"{a.Id}={a.Name}").Order().ToList())
                .Should().Equal("111111111111=renamed", "222222222222=a");
        OnDisk().Should().Be(("111111111111=renamed,222222222222=a", 0));
    }

    [Fact]
    public void A_bulk_commit_is_several_entries_saved_together()
    {
        var count = Journal.EntryChanges * 3 + 1;
        using (var file = StateFile.Open(DataPath))
        {
            file.Load();
            file.Commit([Write(Enumerable.Range(0, count).Select(i => Put(Account($"5{i:D11}"))).ToArray())], []);
            file.JournalLength.Should().Be(4);
        }
        OnDisk().Should().Be(("", 4));
        using (var store = new StateStore(DataPath))
            store.Read(tx => tx.Accounts.Count()).Should().Be(count);
        OnDisk().Journal.Should().Be(0);
    }

    [Fact]
    public void A_commit_too_large_for_the_journal_goes_to_the_collections_with_every_entry_still_in_the_journal()
    {
        var count = Journal.MaxEntries * Journal.EntryChanges;
        using (var file = StateFile.Open(DataPath))
        {
            file.Load();
            file.Commit([Write(Put(Account("111111111111")))], []);
            file.Commit([Write(Enumerable.Range(0, count).Select(i => Put(Account($"5{i:D11}"))).ToArray())], []);
            file.JournalLength.Should().Be(0);
        }
        var (accounts, journal) = OnDisk();
        accounts.Split(',').Should().HaveCount(count + 1).And.Contain("111111111111=a");
        journal.Should().Be(0);
    }

    [Fact]
    public void A_reset_deletes_the_entries_waiting_in_the_journal_with_everything_else()
    {
        using (var file = StateFile.Open(DataPath))
        {
            file.Load();
            file.Commit([Write(Put(Account("111111111111")))], []);
            file.Commit([new PendingCommit([], Snapshot.Empty, resetsEverything: true, trail: []), Write(Put(Account("222222222222")))], []);
        }
        OnDisk().Should().Be(("222222222222=a", 0));
        using var store = new StateStore(DataPath);
        store.Read(tx => tx.Accounts.FindAll().Select(a => a.Id).ToList()).Should().Equal("222222222222");
    }

    [Fact]
    public void The_store_folds_the_journal_when_it_closes()
    {
        using (var store = new StateStore(DataPath))
            for (var i = 0; i < Journal.FoldAt + 10; i++) store.Write(tx => tx.Accounts.Insert(Account($"1{i:D11}")));
        OnDisk().Should().Be((string.Join(',', Enumerable.Range(0, Journal.FoldAt + 10).Select(i => $"1{i:D11}=a")), 0));
    }
}
