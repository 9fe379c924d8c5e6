using Emulator.Services.Organizations;
using Emulator.State;
using Emulator.Tests.Support;

namespace Emulator.Tests.State;

/// <summary>The in-memory model over LiteDB: atomic writes, private copies, indexes, group commit, reload.</summary>
public sealed class StateStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-store-").FullName;

    private string DataPath => Path.Combine(_folder, "state.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AccountDoc Account(string id, string organizationId, string email) =>
        new() { Id = id, Name = id, Email = email, OrganizationId = organizationId };

    [Fact]
    public void A_handler_that_throws_leaves_nothing()
    {
        using var store = new StateStore(DataPath);
        var attempt = () => store.Write<int>(tx =>
        {
            tx.Accounts.Insert(Account("111111111111", "o-a", "a@example.com"));
            throw new InvalidOperationException("handler failed");
        });
        attempt.Should().Throw<InvalidOperationException>();
        store.Read(tx => tx.Accounts.Count()).Should().Be(0);
        store.Write(tx => tx.Accounts.FindBy(Indexes.AccountsByOrganization, "o-a").Count()).Should().Be(0);
    }

    [Fact]
    public void Documents_handed_out_in_a_write_are_copies_until_updated()
    {
        using var store = new StateStore(null);
        store.Write(tx => tx.Accounts.Insert(Account("111111111111", "o-a", "a@example.com")));
        store.Write(tx => tx.Accounts.FindById("111111111111")!.Name = "changed without Update");
        store.Read(tx => tx.Accounts.FindById("111111111111")!.Name).Should().Be("111111111111");

        store.Write(tx =>
        {
            var account = tx.Accounts.FindById("111111111111")!;
            account.Name = "renamed";
            return tx.Accounts.Update(account);
        });
        store.Read(tx => tx.Accounts.FindById("111111111111")!.Name).Should().Be("renamed");
    }

    [Fact]
    public void Indexes_follow_inserts_updates_and_deletes()
    {
        using var store = new StateStore(null);
        store.Write(tx =>
        {
            tx.Accounts.Insert(Account("222222222222", "o-a", "Two@Example.com"));
            tx.Accounts.Insert(Account("111111111111", "o-a", "one@example.com"));
            return tx.Accounts.Insert(Account("333333333333", "o-b", "three@example.com"));
        });
        store.Write(tx =>
        {
            var moved = tx.Accounts.FindById("222222222222")!;
            moved.OrganizationId = "o-b";
            tx.Accounts.Update(moved);
            return tx.Accounts.Delete("333333333333");
        });

        store.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByOrganization, "o-a").Select(a => a.Id).ToList())
            .Should().Equal("111111111111");
        store.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByOrganization, "o-b").Select(a => a.Id).ToList())
            .Should().Equal("222222222222");
        store.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByEmail, "two@example.COM").Single().Id).Should().Be("222222222222");
        store.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByEmail, "three@example.com").Any()).Should().BeFalse();
    }

    [Fact]
    public void Members_of_an_organization_come_in_ordinal_id_order()
    {
        using var store = new StateStore(null);
        var ids = Enumerable.Range(0, 50).Select(i => (900_000_000_000L - i * 7_919L).ToString()).ToList();
        foreach (var id in ids) store.Write(tx => tx.Accounts.Insert(Account(id, "o-a", $"{id}@example.com")));
        store.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByOrganization, "o-a").Select(a => a.Id).ToList())
            .Should().Equal(ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Concurrent_writes_share_commits_and_all_survive_a_reopen()
    {
        const int writes = 300;
        using (var store = new StateStore(DataPath))
        {
            await Task.WhenAll(Enumerable.Range(0, writes).Select(i => Task.Run(() =>
                store.WriteAsync(tx => tx.Accounts.Insert(Account((100_000_000_000L + i).ToString(), "o-a", $"{i}@example.com"))))));
            store.Commits.Should().BeLessThan(writes, "writes waiting at the same moment share one LiteDB transaction");
            store.Commits.Should().BePositive();
        }

        using var reopened = new StateStore(DataPath);
        reopened.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByOrganization, "o-a").Count()).Should().Be(writes);
        reopened.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByEmail, "7@example.com").Single().Id).Should().Be("100000000007");
    }

    [Fact]
    public async Task Documents_deleted_and_created_again_within_one_group_commit_end_as_the_last_write_left_them()
    {
        // Each write flips one of five ids (delete it when present, create it when absent), 32 at a time, so one batch
        // often inserts, deletes and re-inserts the same id; the commit inserts only what the file has never seen.
        const int writes = 400;
        IReadOnlyList<string> expected;
        using (var store = new StateStore(DataPath))
        {
            store.Write(tx => tx.Accounts.Insert(Account("100000000000", "o-a", "existing@example.com")));
            using var slots = new SemaphoreSlim(32);
            await Task.WhenAll(Enumerable.Range(0, writes).Select(async i =>
            {
                await slots.WaitAsync();
                try
                {
                    await Task.Run(() => store.WriteAsync(tx =>
                    {
                        var id = (100_000_000_000L + i % 5).ToString();
                        return tx.Accounts.ContainsId(id) ? tx.Accounts.Delete(id) : tx.Accounts.Insert(Account(id, "o-a", $"{i}@example.com")) == id;
                    }));
                }
                finally { slots.Release(); }
            }));
            store.Commits.Should().BeLessThan(writes + 1, "some writes shared a commit");
            store.Degraded.Should().BeNull();
            expected = store.Read(tx => tx.Accounts.FindAll().Select(a => $"{a.Id} {a.Email}").OrderBy(a => a, StringComparer.Ordinal).ToList());
        }

        using var reopened = new StateStore(DataPath);
        reopened.Read(tx => tx.Accounts.FindAll().Select(a => $"{a.Id} {a.Email}").OrderBy(a => a, StringComparer.Ordinal).ToList())
            .Should().Equal(expected);
    }

    [Fact]
    public async Task After_many_small_writes_the_idle_store_lets_LiteDB_go_and_later_writes_reopen_it()
    {
        using (var store = new StateStore(DataPath))
        {
            for (var batch = 0; batch < 12; batch++)
                store.Write(tx =>
                {
                    for (var i = 0; i < 100; i++) tx.Accounts.Insert(Account((100_000_000_000L + batch * 100 + i).ToString(), "o-a", $"{batch}-{i}@example.com"));
                    return 0;
                });
            store.Write(tx => tx.Accounts.Insert(Account("999999999999", "o-b", "small@example.com")));
            store.MemoryReleases.Should().Be(0, "writes of fewer than 1,000 documents are released only once the store is idle");

            (await Eventually.Until(() => store.MemoryReleases == 1, TimeSpan.FromSeconds(30))).Should().BeTrue();
            store.Write(tx => tx.Accounts.Insert(Account("999999999998", "o-b", "after@example.com")));
            store.Read(tx => tx.Accounts.Count()).Should().Be(1_202);
            store.MemoryReleases.Should().Be(1, "one small write after the release is not bulk");
        }

        using var reopened = new StateStore(DataPath);
        reopened.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByOrganization, "o-a").Count()).Should().Be(1_200);
        reopened.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByOrganization, "o-b").Select(a => a.Email))
            .Should().BeEquivalentTo("small@example.com", "after@example.com");
    }

    [Fact]
    public async Task One_bulk_write_is_released_at_once_even_while_small_writes_keep_the_store_busy()
    {
        using (var store = new StateStore(DataPath))
        {
            store.Write(tx =>
            {
                for (var i = 0; i < 1_200; i++) tx.Accounts.Insert(Account((100_000_000_000L + i).ToString(), "o-a", $"{i}@example.com"));
                return 0;
            });
            // A small write at every probe (Eventually probes every 50 ms): the store is never idle for the 2 s the idle
            // housekeeping waits for, so only the bulk write's own release can happen.
            var small = 0;
            var released = await Eventually.Until(() =>
            {
                var id = (200_000_000_000L + small++).ToString();
                store.Write(tx => tx.Accounts.Insert(Account(id, "o-b", $"{id}@example.com")));
                return store.MemoryReleases == 1;
            }, TimeSpan.FromSeconds(10));
            released.Should().BeTrue();
            store.Read(tx => tx.Accounts.Count()).Should().Be(1_200 + small);
        }

        using var reopened = new StateStore(DataPath);
        reopened.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByOrganization, "o-a").Count()).Should().Be(1_200);
    }

    [Fact]
    public void Reset_empties_every_collection_durably()
    {
        using (var store = new StateStore(DataPath))
        {
            store.Write(tx => tx.Accounts.Insert(Account("111111111111", "o-a", "a@example.com")));
            store.Write(tx => tx.Organizations.Insert(new OrganizationDoc { Id = "o-a" }));
            store.Reset();
            store.Read(tx => tx.Accounts.Count() + tx.Organizations.Count()).Should().Be(0);
            store.Write(tx => tx.Organizations.Insert(new OrganizationDoc { Id = "o-b" }));
        }
        using var reopened = new StateStore(DataPath);
        reopened.Read(tx => tx.Organizations.FindAll().Select(o => o.Id).ToList()).Should().Equal("o-b");
        reopened.Read(tx => tx.Accounts.Count()).Should().Be(0);
    }

    [Fact]
    public void A_read_only_operation_cannot_change_the_state()
    {
        using var store = new StateStore(null);
        var attempt = () => store.Read(tx => tx.Accounts.Insert(Account("111111111111", "o-a", "a@example.com")));
        attempt.Should().Throw<InvalidOperationException>().WithMessage("*read-only*");
    }
}
