using System.Net;
using System.Text.Json.Nodes;
using Emulator.Tests.SsoAdmin;

namespace Emulator.Tests.IdentityStore;

/// <summary>identitystore users.</summary>
public sealed class IdentityStoreUserTests : IDisposable
{
    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task CreateUser_keeps_every_attribute_and_DescribeUser_returns_them_faithfully()
    {
        await _bed.Setup();
        var input = new JsonObject
        {
            ["IdentityStoreId"] = _bed.IdentityStoreId,
            ["UserName"] = "alice",
            ["DisplayName"] = "Alice Example",
            ["Name"] = new JsonObject { ["GivenName"] = "Alice", ["FamilyName"] = "Example", ["Formatted"] = "Alice Example" },
            ["Emails"] = new JsonArray(new JsonObject { ["Value"] = "alice@example.com", ["Type"] = "work", ["Primary"] = true }),
            ["PhoneNumbers"] = new JsonArray(new JsonObject { ["Value"] = "+1 555 0100", ["Type"] = "mobile", ["Primary"] = true }),
            ["Addresses"] = new JsonArray(new JsonObject { ["StreetAddress"] = "1 Main St", ["Locality"] = "Town", ["Country"] = "US", ["Primary"] = true }),
            ["Title"] = "Engineer",
            ["Locale"] = "en-US",
            ["Timezone"] = "America/New_York",
            ["UserType"] = "Employee",
            ["NickName"] = "Al",
        };
        var created = (await _bed.Ids("CreateUser", input.ToJsonString())).EnsureSuccess();
        var userId = (string)created.Json["UserId"]!;
        userId.Should().MatchRegex($"^{_bed.IdentityStoreId[2..]}-[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}$");
        ((string)created.Json["IdentityStoreId"]!).Should().Be(_bed.IdentityStoreId);

        var described = (await _bed.Ids("DescribeUser", new { _bed.IdentityStoreId, UserId = userId })).EnsureSuccess().Json;
        foreach (var (name, value) in input)
            JsonNode.DeepEquals(described[name], value).Should().BeTrue($"{name} must come back as sent, got {described[name]?.ToJsonString()}");
        ((string)described["UserId"]!).Should().Be(userId);
        ((string)described["UserStatus"]!).Should().Be("ENABLED");
        described["CreatedAt"]!.GetValue<double>().Should().BeGreaterThan(1_600_000_000);
    }

    [Fact]
    public async Task User_errors_are_AWS_shaped()
    {
        await _bed.Setup();
        await _bed.User("bob");
        var duplicate = await _bed.Ids("CreateUser", new { _bed.IdentityStoreId, UserName = "BOB", DisplayName = "Bob" });
        duplicate.Status.Should().Be(HttpStatusCode.BadRequest);
        duplicate.ErrorCode.Should().Be("ConflictException");
        ((string)duplicate.Json["Reason"]!).Should().Be("UNIQUENESS_CONSTRAINT_VIOLATION");

        (await _bed.Ids("CreateUser", new { _bed.IdentityStoreId, DisplayName = "No name" })).ErrorCode.Should().Be("ValidationException");
        (await _bed.Ids("CreateUser", new { _bed.IdentityStoreId, UserName = "nodisplay" })).ErrorCode.Should().Be("ValidationException");
        var badStore = await _bed.Ids("CreateUser", new { IdentityStoreId = "not-a-store", UserName = "x", DisplayName = "x" });
        badStore.ErrorCode.Should().Be("ValidationException");
        badStore.ErrorMessage.Should().Contain("'identityStoreId'");

        var missing = await _bed.Ids("DescribeUser", new { _bed.IdentityStoreId, UserId = "0000000000-00000000-0000-0000-0000-000000000000" });
        missing.ErrorCode.Should().Be("ResourceNotFoundException");
        ((string)missing.Json["ResourceType"]!).Should().Be("USER");
        ((string)missing.Json["ResourceId"]!).Should().Be("0000000000-00000000-0000-0000-0000-000000000000");

        var unknownStore = await _bed.Ids("ListUsers", new { IdentityStoreId = "d-0000000000" });
        unknownStore.ErrorCode.Should().Be("ResourceNotFoundException");
        ((string)unknownStore.Json["ResourceType"]!).Should().Be("IDENTITY_STORE");

        var denied = await _bed.Ids("ListUsers", new { _bed.IdentityStoreId }, SsoTestBed.Member);
        denied.ErrorCode.Should().Be("AccessDeniedException");
        denied.ErrorMessage.Should().EndWith(
            $"identitystore:ListUsers on resource: arn:aws:identitystore::{SsoTestBed.Management}:identitystore/{_bed.IdentityStoreId}",
            "the store's ARN carries its owner account, not the store id, in the account field");
        await _bed.RegisterSsoDelegatedAdministrator(SsoTestBed.Member);
        (await _bed.Ids("ListUsers", new { _bed.IdentityStoreId }, SsoTestBed.Member)).EnsureSuccess();
    }

    [Fact]
    public async Task UpdateUser_sets_and_removes_attributes()
    {
        await _bed.Setup();
        var userId = await _bed.User("carol");
        (await _bed.Ids("UpdateUser", new
        {
            _bed.IdentityStoreId, UserId = userId,
            Operations = new object[]
            {
                new { AttributePath = "displayName", AttributeValue = "Carol C" },
                new { AttributePath = "name.givenName", AttributeValue = "Caroline" },
                new { AttributePath = "title", AttributeValue = "Boss" },
                new { AttributePath = "emails", AttributeValue = new[] { new { Value = "c@example.com", Primary = true } } },
                new { AttributePath = "nickName" },
            },
        })).EnsureSuccess();
        var user = (await _bed.Ids("DescribeUser", new { _bed.IdentityStoreId, UserId = userId })).Json;
        ((string)user["DisplayName"]!).Should().Be("Carol C");
        ((string)user["Name"]!["GivenName"]!).Should().Be("Caroline");
        ((string)user["Name"]!["FamilyName"]!).Should().Be("Tester");
        ((string)user["Title"]!).Should().Be("Boss");
        ((string)user["Emails"]![0]!["Value"]!).Should().Be("c@example.com");

        (await _bed.Ids("UpdateUser", new { _bed.IdentityStoreId, UserId = userId, Operations = new[] { new { AttributePath = "title" } } })).EnsureSuccess();
        (await _bed.Ids("DescribeUser", new { _bed.IdentityStoreId, UserId = userId })).Json["Title"].Should().BeNull();

        (await _bed.Ids("UpdateUser", new { _bed.IdentityStoreId, UserId = userId, Operations = new[] { new { AttributePath = "shoeSize", AttributeValue = "9" } } }))
            .ErrorCode.Should().Be("ValidationException");
        await _bed.User("dave");
        (await _bed.Ids("UpdateUser", new { _bed.IdentityStoreId, UserId = userId, Operations = new[] { new { AttributePath = "userName", AttributeValue = "dave" } } }))
            .ErrorCode.Should().Be("ConflictException");
        (await _bed.Ids("UpdateUser", new { _bed.IdentityStoreId, UserId = userId, Operations = new[] { new { AttributePath = "userName", AttributeValue = "carol2" } } }))
            .EnsureSuccess();
        ((string)(await _bed.Ids("DescribeUser", new { _bed.IdentityStoreId, UserId = userId })).Json["UserName"]!).Should().Be("carol2");
    }

    [Fact]
    public async Task ListUsers_filters_by_UserName_and_pages()
    {
        await _bed.Setup();
        var ids = new[] { await _bed.User("u1"), await _bed.User("u2"), await _bed.User("u3") };
        var filtered = (await _bed.Ids("ListUsers", new { _bed.IdentityStoreId, Filters = new[] { new { AttributePath = "UserName", AttributeValue = "u2" } } })).EnsureSuccess();
        filtered.Json["Users"]!.AsArray().Select(u => (string)u!["UserId"]!).Should().Equal(ids[1]);
        ((string)filtered.Json["Users"]![0]!["DisplayName"]!).Should().Be("u2");

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = (await _bed.Ids("ListUsers", token is null ? new { _bed.IdentityStoreId, MaxResults = 2 } : (object)new { _bed.IdentityStoreId, MaxResults = 2, NextToken = token })).EnsureSuccess();
            page.Json["Users"]!.AsArray().Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(page.Json["Users"]!.AsArray().Select(u => (string)u!["UserId"]!));
            token = (string?)page.Json["NextToken"];
        } while (token is not null);
        seen.Should().BeEquivalentTo(ids);

        (await _bed.Ids("ListUsers", new { _bed.IdentityStoreId, Filters = new[] { new { AttributePath = "Title", AttributeValue = "x" } } }))
            .ErrorCode.Should().Be("ValidationException");
    }

    [Fact]
    public async Task GetUserId_finds_users_by_user_name_and_email()
    {
        await _bed.Setup();
        var userId = await _bed.User("erin");
        var byName = (await _bed.Ids("GetUserId", new { _bed.IdentityStoreId, AlternateIdentifier = new { UniqueAttribute = new { AttributePath = "userName", AttributeValue = "erin" } } }))
            .EnsureSuccess();
        ((string)byName.Json["UserId"]!).Should().Be(userId);
        var byEmail = await _bed.Ids("GetUserId", new { _bed.IdentityStoreId, AlternateIdentifier = new { UniqueAttribute = new { AttributePath = "emails.value", AttributeValue = "erin@example.com" } } });
        ((string)byEmail.Json["UserId"]!).Should().Be(userId);
        var none = await _bed.Ids("GetUserId", new { _bed.IdentityStoreId, AlternateIdentifier = new { UniqueAttribute = new { AttributePath = "userName", AttributeValue = "nobody" } } });
        none.ErrorCode.Should().Be("ResourceNotFoundException");
        ((string)none.Json["ResourceType"]!).Should().Be("USER");
    }

    [Fact]
    public async Task DeleteUser_removes_the_user_and_its_memberships()
    {
        await _bed.Setup();
        var userId = await _bed.User("frank");
        var groupId = await _bed.Group("g");
        await _bed.Ids("CreateGroupMembership", new { _bed.IdentityStoreId, GroupId = groupId, MemberId = new { UserId = userId } });
        (await _bed.Ids("DeleteUser", new { _bed.IdentityStoreId, UserId = userId })).EnsureSuccess();
        (await _bed.Ids("DescribeUser", new { _bed.IdentityStoreId, UserId = userId })).ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Ids("ListGroupMemberships", new { _bed.IdentityStoreId, GroupId = groupId })).Json["GroupMemberships"]!.AsArray().Should().BeEmpty();
        (await _bed.Ids("DeleteUser", new { _bed.IdentityStoreId, UserId = userId })).ErrorCode.Should().Be("ResourceNotFoundException");
    }
}
