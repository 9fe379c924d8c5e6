using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>OUs, ListChildren, ListParents, ListAccountsForParent, MoveAccount.</summary>
public sealed class OrganizationalUnitTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public OrganizationalUnitTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private async Task<string> CreateOu(string parentId, string name)
    {
        var answer = (await _management.Organizations("CreateOrganizationalUnit", new { ParentId = parentId, Name = name })).EnsureSuccess();
        return (string)answer.Json["OrganizationalUnit"]!["Id"]!;
    }

    [Fact]
    public async Task CreateOrganizationalUnit_returns_an_ou_id_derived_from_the_root_with_arn_and_path()
    {
        var orgId = (string)(await _management.CreateOrganization())["Id"]!;
        var rootId = await _management.RootId();

        var answer = (await _management.Organizations("CreateOrganizationalUnit", new { ParentId = rootId, Name = "Prod" })).EnsureSuccess();

        var ou = answer.Json["OrganizationalUnit"]!;
        var id = (string)ou["Id"]!;
        id.Should().MatchRegex($"^ou-{rootId[2..]}-[a-z0-9]{{8}}$");
        ((string)ou["Arn"]!).Should().Be($"arn:aws:organizations::{Management}:ou/{orgId}/{id}");
        ((string)ou["Name"]!).Should().Be("Prod");
        ((string)ou["Path"]!).Should().Be($"{orgId}/{rootId}/{id}/");
    }

    [Fact]
    public async Task CreateOrganizationalUnit_under_an_unknown_parent_is_ParentNotFound()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("CreateOrganizationalUnit", new { ParentId = "r-zzzz", Name = "Prod" });
        answer.ErrorCode.Should().Be("ParentNotFoundException");
    }

    [Fact]
    public async Task CreateOrganizationalUnit_with_a_sibling_of_the_same_name_is_DuplicateOrganizationalUnit()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();
        await CreateOu(rootId, "Prod");

        var answer = await _management.Organizations("CreateOrganizationalUnit", new { ParentId = rootId, Name = "Prod" });

        answer.ErrorCode.Should().Be("DuplicateOrganizationalUnitException");
    }

    [Fact]
    public async Task CreateOrganizationalUnit_deeper_than_five_levels_is_OU_DEPTH_LIMIT_EXCEEDED()
    {
        await _management.CreateOrganization();
        var parent = await _management.RootId();
        for (var level = 1; level <= 5; level++) parent = await CreateOu(parent, $"L{level}");

        var answer = await _management.Organizations("CreateOrganizationalUnit", new { ParentId = parent, Name = "L6" });

        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("OU_DEPTH_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task DescribeOrganizationalUnit_returns_the_ou_or_OrganizationalUnitNotFound()
    {
        await _management.CreateOrganization();
        var ouId = await CreateOu(await _management.RootId(), "Prod");

        var found = (await _management.Organizations("DescribeOrganizationalUnit", new { OrganizationalUnitId = ouId })).EnsureSuccess();
        ((string)found.Json["OrganizationalUnit"]!["Name"]!).Should().Be("Prod");

        var missing = await _management.Organizations("DescribeOrganizationalUnit", new { OrganizationalUnitId = "ou-abcd-abcdefgh" });
        missing.ErrorCode.Should().Be("OrganizationalUnitNotFoundException");
    }

    [Fact]
    public async Task UpdateOrganizationalUnit_renames_the_ou()
    {
        await _management.CreateOrganization();
        var ouId = await CreateOu(await _management.RootId(), "Prod");

        var answer = (await _management.Organizations("UpdateOrganizationalUnit", new { OrganizationalUnitId = ouId, Name = "Production" })).EnsureSuccess();

        ((string)answer.Json["OrganizationalUnit"]!["Name"]!).Should().Be("Production");
        var described = await _management.Organizations("DescribeOrganizationalUnit", new { OrganizationalUnitId = ouId });
        ((string)described.Json["OrganizationalUnit"]!["Name"]!).Should().Be("Production");
    }

    [Fact]
    public async Task UpdateOrganizationalUnit_of_an_unknown_ou_is_OrganizationalUnitNotFound()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("UpdateOrganizationalUnit", new { OrganizationalUnitId = "ou-abcd-abcdefgh", Name = "x" });
        answer.ErrorCode.Should().Be("OrganizationalUnitNotFoundException");
    }

    [Fact]
    public async Task DeleteOrganizationalUnit_removes_an_empty_ou()
    {
        await _management.CreateOrganization();
        var ouId = await CreateOu(await _management.RootId(), "Prod");

        (await _management.Organizations("DeleteOrganizationalUnit", new { OrganizationalUnitId = ouId })).EnsureSuccess();

        (await _management.Organizations("DescribeOrganizationalUnit", new { OrganizationalUnitId = ouId })).ErrorCode
            .Should().Be("OrganizationalUnitNotFoundException");
    }

    [Fact]
    public async Task DeleteOrganizationalUnit_with_a_child_ou_or_account_is_OrganizationalUnitNotEmpty()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();
        var withOu = await CreateOu(rootId, "WithOu");
        await CreateOu(withOu, "Child");
        var withAccount = await CreateOu(rootId, "WithAccount");
        var account = await _management.CreateAccount("Dev");
        (await _management.Organizations("MoveAccount", new { AccountId = account, SourceParentId = rootId, DestinationParentId = withAccount })).EnsureSuccess();

        (await _management.Organizations("DeleteOrganizationalUnit", new { OrganizationalUnitId = withOu })).ErrorCode
            .Should().Be("OrganizationalUnitNotEmptyException");
        (await _management.Organizations("DeleteOrganizationalUnit", new { OrganizationalUnitId = withAccount })).ErrorCode
            .Should().Be("OrganizationalUnitNotEmptyException");
    }

    [Fact]
    public async Task ListOrganizationalUnitsForParent_lists_direct_children_only_and_pages()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();
        var a = await CreateOu(rootId, "A");
        await CreateOu(rootId, "B");
        await CreateOu(rootId, "C");
        await CreateOu(a, "A1");

        var first = (await _management.Organizations("ListOrganizationalUnitsForParent", new { ParentId = rootId, MaxResults = 2 })).EnsureSuccess();
        var second = (await _management.Organizations("ListOrganizationalUnitsForParent",
            new { ParentId = rootId, MaxResults = 2, NextToken = (string)first.Json["NextToken"]! })).EnsureSuccess();

        var names = first.Json["OrganizationalUnits"]!.AsArray().Concat(second.Json["OrganizationalUnits"]!.AsArray()).Select(o => (string)o!["Name"]!);
        names.Should().BeEquivalentTo("A", "B", "C");
        second.Json["NextToken"].Should().BeNull();
    }

    [Fact]
    public async Task ListOrganizationalUnitsForParent_of_an_unknown_parent_is_ParentNotFound()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("ListOrganizationalUnitsForParent", new { ParentId = "ou-abcd-abcdefgh" });
        answer.ErrorCode.Should().Be("ParentNotFoundException");
    }

    [Fact]
    public async Task ListChildren_lists_accounts_or_ous_of_a_parent()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();
        var ou = await CreateOu(rootId, "Prod");
        var account = await _management.CreateAccount("Dev");

        var accounts = (await _management.Organizations("ListChildren", new { ParentId = rootId, ChildType = "ACCOUNT" })).EnsureSuccess();
        accounts.Json["Children"]!.AsArray().Select(c => (string)c!["Id"]!).Should().BeEquivalentTo(Management, account);
        accounts.Json["Children"]!.AsArray().Select(c => (string)c!["Type"]!).Should().AllBe("ACCOUNT");

        var ous = (await _management.Organizations("ListChildren", new { ParentId = rootId, ChildType = "ORGANIZATIONAL_UNIT" })).EnsureSuccess();
        ous.Json["Children"]!.ToJsonString().Should().Be($$"""[{"Id":"{{ou}}","Type":"ORGANIZATIONAL_UNIT"}]""");

        (await _management.Organizations("ListChildren", new { ParentId = "r-zzzz", ChildType = "ACCOUNT" })).ErrorCode.Should().Be("ParentNotFoundException");
    }

    [Fact]
    public async Task ListParents_names_the_root_or_the_ou()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();
        var ou = await CreateOu(rootId, "Prod");
        var child = await CreateOu(ou, "Web");
        var account = await _management.CreateAccount("Dev");

        (await _management.Organizations("ListParents", new { ChildId = account })).Json["Parents"]!.ToJsonString()
            .Should().Be($$"""[{"Id":"{{rootId}}","Type":"ROOT"}]""");
        (await _management.Organizations("ListParents", new { ChildId = child })).Json["Parents"]!.ToJsonString()
            .Should().Be($$"""[{"Id":"{{ou}}","Type":"ORGANIZATIONAL_UNIT"}]""");
        (await _management.Organizations("ListParents", new { ChildId = "999999999999" })).ErrorCode.Should().Be("ChildNotFoundException");
    }

    [Fact]
    public async Task MoveAccount_moves_the_account_and_updates_its_path_and_listings()
    {
        var orgId = (string)(await _management.CreateOrganization())["Id"]!;
        var rootId = await _management.RootId();
        var ou = await CreateOu(rootId, "Prod");
        var account = await _management.CreateAccount("Dev");

        (await _management.Organizations("MoveAccount", new { AccountId = account, SourceParentId = rootId, DestinationParentId = ou })).EnsureSuccess();

        var inOu = (await _management.Organizations("ListAccountsForParent", new { ParentId = ou })).EnsureSuccess().Json["Accounts"]!.AsArray();
        inOu.Select(a => (string)a!["Id"]!).Should().Equal(account);
        ((string)inOu[0]!["Paths"]![0]!).Should().Be($"{orgId}/{rootId}/{ou}/{account}/");
        var inRoot = (await _management.Organizations("ListAccountsForParent", new { ParentId = rootId })).Json["Accounts"]!.AsArray();
        inRoot.Select(a => (string)a!["Id"]!).Should().Equal(Management);
    }

    [Fact]
    public async Task An_account_listed_before_a_move_or_a_closure_is_listed_as_it_is_afterwards()
    {
        var orgId = (string)(await _management.CreateOrganization())["Id"]!;
        var rootId = await _management.RootId();
        var ou = await CreateOu(rootId, "Prod");
        var account = await _management.CreateAccount("Dev");
        async Task<System.Text.Json.Nodes.JsonNode> Listed() => (await _management.Organizations("ListAccounts", new { })).EnsureSuccess()
            .Json["Accounts"]!.AsArray().Single(a => (string)a!["Id"]! == account)!;
        ((string)(await Listed())["Paths"]![0]!).Should().Be($"{orgId}/{rootId}/{account}/");

        (await _management.Organizations("MoveAccount", new { AccountId = account, SourceParentId = rootId, DestinationParentId = ou })).EnsureSuccess();
        ((string)(await Listed())["Paths"]![0]!).Should().Be($"{orgId}/{rootId}/{ou}/{account}/");

        (await _management.Organizations("CloseAccount", new { AccountId = account })).EnsureSuccess();
        ((string)(await Listed())["Status"]!).Should().Be("SUSPENDED");
    }

    [Fact]
    public async Task MoveAccount_reports_each_modelled_error()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();
        var ou = await CreateOu(rootId, "Prod");
        var account = await _management.CreateAccount("Dev");

        (await _management.Organizations("MoveAccount", new { AccountId = account, SourceParentId = "ou-abcd-abcdefgh", DestinationParentId = ou }))
            .ErrorCode.Should().Be("SourceParentNotFoundException");
        (await _management.Organizations("MoveAccount", new { AccountId = account, SourceParentId = rootId, DestinationParentId = "ou-abcd-abcdefgh" }))
            .ErrorCode.Should().Be("DestinationParentNotFoundException");
        (await _management.Organizations("MoveAccount", new { AccountId = account, SourceParentId = rootId, DestinationParentId = rootId }))
            .ErrorCode.Should().Be("DuplicateAccountException");
        (await _management.Organizations("MoveAccount", new { AccountId = "999999999999", SourceParentId = rootId, DestinationParentId = ou }))
            .ErrorCode.Should().Be("AccountNotFoundException");
    }

    [Fact]
    public async Task ListAccountsForParent_of_an_unknown_parent_is_ParentNotFound()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("ListAccountsForParent", new { ParentId = "r-zzzz" });
        answer.ErrorCode.Should().Be("ParentNotFoundException");
    }
}
