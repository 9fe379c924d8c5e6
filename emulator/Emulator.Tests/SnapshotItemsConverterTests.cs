using System.Text.Json;
using System.Text.Json.Serialization;
using Emulator.Protocol;
using Emulator.Services;
using Emulator.Services.Organizations;

namespace Emulator.Tests;

/// <summary>
/// ListAccounts copies each account's JSON, written once per account record, into its pages
/// (<see cref="SnapshotItemsConverter{T}"/>): a page must be byte for byte what the generated serializer writes.
/// </summary>
public sealed class SnapshotItemsConverterTests
{
    private static readonly Account Listed = new("111111111111", "arn:aws:organizations::000000000000:account/o-abcdefghij/111111111111",
        "a\"b@example.com", "Name with \u00e9 and <html>", "ACTIVE", "ACTIVE", ["o-abcdefghij/r-ab12/111111111111/"], "CREATED",
        new EpochTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(1_796_065_930_995)));

    private static readonly Account Other = Listed with { Id = "222222222222", JoinedMethod = null, JoinedTimestamp = null };

    [Fact]
    public void A_page_is_written_as_the_generated_serializer_writes_its_accounts_the_first_time_and_every_time_after()
    {
        var page = new ListAccountsResponse([Listed, Other, Listed], "token");
        var expected = JsonSerializer.Serialize(new UncachedPage([Listed, Other, Listed], "token"), UncachedJson.Default.UncachedPage);

        JsonSerializer.Serialize(page, OrganizationsJson.Default.ListAccountsResponse).Should().Be(expected);
        JsonSerializer.Serialize(page, OrganizationsJson.Default.ListAccountsResponse).Should().Be(expected);
        JsonSerializer.Serialize(new ListAccountsResponse([], null), OrganizationsJson.Default.ListAccountsResponse).Should().Be("""{"Accounts":[]}""");
    }

    [Fact]
    public void An_equal_but_different_account_record_is_written_from_its_own_values()
    {
        JsonSerializer.Serialize(new ListAccountsResponse([Listed], null), OrganizationsJson.Default.ListAccountsResponse);
        var renamed = Listed with { Name = "Renamed" };

        JsonSerializer.Serialize(new ListAccountsResponse([renamed], null), OrganizationsJson.Default.ListAccountsResponse)
            .Should().Contain("\"Name\":\"Renamed\"").And.NotContain("<html>");
    }

    [Fact]
    public void A_page_reads_back()
    {
        var json = JsonSerializer.Serialize(new ListAccountsResponse([Listed, Other], "t"), OrganizationsJson.Default.ListAccountsResponse);

        var read = JsonSerializer.Deserialize(json, OrganizationsJson.Default.ListAccountsResponse)!;

        read.Accounts.Should().BeEquivalentTo([Listed, Other], o => o.WithStrictOrdering());
        read.NextToken.Should().Be("t");
    }
}

/// <summary>The page as the generated serializer writes it without the cache.</summary>
public sealed record UncachedPage(IReadOnlyList<Account> Accounts, string? NextToken);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(UncachedPage))]
internal sealed partial class UncachedJson : JsonSerializerContext;
