using Emulator.Services.Organizations;
using Emulator.State;

namespace Emulator.Tests.State;

/// <summary>Pages read from an index start by a binary search (ListAccounts at 10,000 accounts), in reads and in writes.</summary>
public class IndexPagingTests
{
    private static readonly string[] Ids = ["100000000003", "100000000001", "100000000010", "100000000002", "100000000020"];

    private static StateStore Seeded()
    {
        var store = new StateStore(null);
        store.Write(tx =>
        {
            foreach (var id in Ids) tx.Accounts.Insert(new AccountDoc { Id = id, Email = $"{id}@example.com", Name = id, OrganizationId = "o-a" });
            tx.Accounts.Insert(new AccountDoc { Id = "100000000005", Email = "x@example.com", Name = "other", OrganizationId = "o-b" });
            return 0;
        });
        return store;
    }

    [Theory]
    [InlineData(null, 2, new[] { "100000000001", "100000000002" })]
    [InlineData("100000000002", 2, new[] { "100000000003", "100000000010" })]
    [InlineData("100000000004", 10, new[] { "100000000010", "100000000020" })]
    [InlineData("100000000020", 10, new string[0])]
    public void A_page_starts_after_the_given_id_in_ordinal_order(string? after, int limit, string[] expected)
    {
        using var store = Seeded();
        store.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByOrganization, "o-a", after, limit).Select(a => a.Id).ToList())
            .Should().Equal(expected);
        store.Write(tx => tx.Accounts.FindBy(Indexes.AccountsByOrganization, "o-a", after, limit).Select(a => a.Id).ToList())
            .Should().Equal(expected, "a write sees the same pages");
    }

    [Fact]
    public void Ids_and_existence_are_answered_without_documents()
    {
        using var store = Seeded();
        var ordered = Ids.Order(StringComparer.Ordinal).ToList();
        store.Read(tx => tx.Accounts.FindIdsBy(Indexes.AccountsByOrganization, "o-a")).Should().Equal(ordered);
        store.Write(tx => tx.Accounts.FindIdsBy(Indexes.AccountsByOrganization, "o-a")).Should().Equal(ordered);
        store.Read(tx => (tx.Accounts.ContainsId("100000000005"), tx.Accounts.ContainsId("999999999999"))).Should().Be((true, false));
        store.Write(tx => (tx.Accounts.ContainsId("100000000005"), tx.Accounts.ContainsId("999999999999"))).Should().Be((true, false));
    }
}
