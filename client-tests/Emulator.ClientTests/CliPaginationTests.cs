using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>The AWS CLI's own pagination (--page-size, --max-items, --starting-token) over the emulator's tokens.</summary>
public sealed class CliPaginationTests : EmulatorTest
{
    [Fact]
    public async Task List_accounts_with_page_size_one_follows_next_tokens_to_every_account()
    {
        await CreateOrganization();
        var first = await CreateAccount("first", "first@example.com");
        var second = await CreateAccount("second", "second@example.com");

        var ids = (await Aws(Management, "organizations", "list-accounts", "--page-size", "1")).Json().GetProperty("Accounts")
            .EnumerateArray().Select(a => a.GetProperty("Id").GetString()).ToList();

        ids.Should().BeEquivalentTo([ManagementAccountId, first, second]);
        ids.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task List_roles_with_max_items_hands_back_a_token_that_resumes_where_it_stopped()
    {
        await CreateOrganization();
        var member = await CreateAccount("dev", "dev@example.com");
        await EnableSsoTrustedAccess();
        var who = Credentials.Root(member);
        var all = (await Aws(who, "iam", "list-roles")).Json().GetProperty("Roles").EnumerateArray()
            .Select(r => r.GetProperty("RoleName").GetString()).ToList();
        all.Should().Contain([SsoRoleName, "OrganizationAccountAccessRole", "AWSServiceRoleForOrganizations"]);

        var head = (await Aws(who, "iam", "list-roles", "--max-items", "2")).Json();
        var token = head.GetProperty("NextToken").GetString()!;
        var tail = (await Aws(who, "iam", "list-roles", "--starting-token", token)).Json();

        var names = head.GetProperty("Roles").EnumerateArray().Concat(tail.GetProperty("Roles").EnumerateArray())
            .Select(r => r.GetProperty("RoleName").GetString()).ToList();
        head.GetProperty("Roles").GetArrayLength().Should().Be(2);
        names.Should().Equal(all);
        tail.TryGetProperty("NextToken", out _).Should().BeFalse();
    }
}
