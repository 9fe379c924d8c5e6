using System.Net;
using System.Net.Http.Json;
using Emulator.Tests.Support;

namespace Emulator.Tests.ActiveDirectory;

/// <summary>The AD identity source: switching to it, what a sync brings over, group assignments, sync scope, switching back.</summary>
[Collection(SambaDcCollection.Name)]
public sealed class AdSyncTests(SambaDc dc) : IDisposable
{
    private readonly EmulatorFactory _factory = new(AdWorld.Settings(dc));

    public void Dispose() => _factory.Dispose();

    private Task<AdWorld> World(object? syncScope = null) => AdWorld.CreateAsync(_factory.CreateClient(), syncScope);

    /// <summary>The role names the directory user reaches in the portal after signing in with their AD password.</summary>
    private async Task<IEnumerable<string>> RolesOf(AdWorld world, string sam)
    {
        var view = await (await PortalSession.SignInAsync(world.Http, world.Sso.StartUrl, AdWorld.Upn(sam), SambaDc.Passwords[sam])).ViewAsync();
        view.ErrorType.Should().BeNull();
        return view.Roles.Select(r => r.RoleName);
    }

    [Fact]
    public async Task Switching_to_the_directory_replaces_the_Identity_Center_users_with_the_directorys_users_and_groups()
    {
        var world = await World();
        (await world.Ids("GetUserId", new
        {
            world.Sso.IdentityStoreId,
            AlternateIdentifier = new { UniqueAttribute = new { AttributePath = "userName", AttributeValue = SsoWorld.UserName } },
        })).ErrorCode.Should().Be("ResourceNotFoundException"); // the Identity Center directory's alice is gone

        var users = (await world.Ids("ListUsers", new { world.Sso.IdentityStoreId })).EnsureSuccess().Json["Users"]!.AsArray();
        users.Select(u => (string)u!["UserName"]!).Should().Contain(new[] { "svc-aws", "Admin", "alice", "bob", "carol", "dan", "erin", "ivan" }.Select(AdWorld.Upn))
            .And.NotContain(AdWorld.Upn("administrator")).And.NotContain(AdWorld.Upn("krbtgt"));
        var alice = users.Single(u => (string)u!["UserName"]! == AdWorld.Upn("alice"))!;
        ((string)alice["DisplayName"]!).Should().Be("Alice Liddell");
        ((string)alice["Name"]!["GivenName"]!).Should().Be("Alice");
        ((string)alice["Name"]!["FamilyName"]!).Should().Be("Liddell");
        ((string)alice["Emails"]![0]!["Value"]!).Should().Be("alice@lab.example");
        var externalId = alice["ExternalIds"]![0]!;
        ((string)externalId["Issuer"]!).Should().EndWith($":directory/{world.DirectoryId}");
        Guid.TryParse((string)externalId["Id"]!, out _).Should().BeTrue();
        ((string)users.Single(u => (string)u!["UserName"]! == AdWorld.Upn("dan"))!["UserStatus"]!).Should().Be("DISABLED");

        var groups = (await world.Ids("ListGroups", new { world.Sso.IdentityStoreId })).EnsureSuccess().Json["Groups"]!.AsArray();
        groups.Select(g => (string)g!["DisplayName"]!).Should().Contain(["Developers", "Engineering", "Contractors"]).And.NotContain("Domain Users");
        ((string)world.LastSync["directoryId"]!).Should().Be(world.DirectoryId);
    }

    [Fact]
    public async Task Group_memberships_follow_memberOf_with_nested_groups_resolved()
    {
        var world = await World();
        (await world.MemberNames("Developers")).Should().Equal(new[] { "alice", "bob", "dan", "erin", "frank", "gina", "hank" }.Select(AdWorld.Upn));
        (await world.MemberNames("Engineering")).Should().Equal(new[] { "alice", "bob", "carol", "dan", "erin", "frank", "gina", "hank" }.Select(AdWorld.Upn));
        (await world.MemberNames("Contractors")).Should().Equal(AdWorld.Upn("ivan"));
    }

    [Fact]
    public async Task Identitystore_writes_are_refused_on_a_directory_backed_store()
    {
        var world = await World();
        var create = await world.Ids("CreateUser", new { world.Sso.IdentityStoreId, UserName = "mallory", DisplayName = "Mallory" });
        create.Status.Should().Be(HttpStatusCode.BadRequest);
        create.ErrorCode.Should().Be("ValidationException");
        create.ErrorMessage.Should().Contain("synchronised from Active Directory");
        var group = await world.GroupId("Developers");
        (await world.Ids("DeleteGroup", new { world.Sso.IdentityStoreId, GroupId = group })).ErrorCode.Should().Be("ValidationException");
        (await world.Ids("CreateGroupMembership", new { world.Sso.IdentityStoreId, GroupId = group, MemberId = new { UserId = await world.UserId(AdWorld.Upn("ivan")) } }))
            .ErrorCode.Should().Be("ValidationException");
        var password = await world.Http.PostAsJsonAsync("/_emulator/sso/users", new { identityStoreId = world.Sso.IdentityStoreId, userName = "alice@lab.example", password = "x-Y-z-123456" });
        password.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await world.Ids("DescribeGroup", new { world.Sso.IdentityStoreId, GroupId = group })).EnsureSuccess(); // reads still answer
    }

    [Fact]
    public async Task A_permission_set_assigned_to_a_group_reaches_its_members_and_a_member_removed_in_AD_loses_it_at_the_next_sync()
    {
        var world = await World();
        var role = await world.Sso.Assign(world.Sso.MemberAccountId, "Developer", await world.GroupId("Engineering"), principalType: "GROUP");
        (await RolesOf(world, "gina")).Should().Equal("Developer"); // through Developers nested in Engineering
        (await RolesOf(world, "carol")).Should().Equal("Developer");
        (await RolesOf(world, "ivan")).Should().BeEmpty();

        dc.RemoveFromGroup("gina", "Developers");
        try
        {
            var sync = await world.Sync();
            ((int)sync["memberships"]!).Should().BeGreaterThan(0);
            (await RolesOf(world, "gina")).Should().BeEmpty();
            (await RolesOf(world, "carol")).Should().Equal("Developer");
            (await world.MemberNames("Developers")).Should().NotContain(AdWorld.Upn("gina"));
            (await world.Sso.ReservedRoleNames(world.Sso.MemberAccountId)).Should().Contain(role); // the group's role stays
        }
        finally { dc.AddToGroup("gina", "Developers"); }
    }

    [Fact]
    public async Task The_periodic_sync_picks_up_a_removal_from_a_group_without_being_asked()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var factory = new EmulatorFactory(new Dictionary<string, string>(AdWorld.Settings(dc)) { ["Emulator:AdSyncInterval"] = "3600" }, clock);
        var world = await AdWorld.CreateAsync(factory.CreateClient());
        (await world.MemberNames("Developers")).Should().Contain(AdWorld.Upn("gina"));
        dc.RemoveFromGroup("gina", "Developers");
        try
        {
            clock.Advance(TimeSpan.FromHours(1)); // the interval has passed: the worker's next tick syncs
            (await Eventually.Until(() => world.MemberNames("Developers"), names => !names.Contains(AdWorld.Upn("gina")), TimeSpan.FromSeconds(20)))
                .Should().NotContain(AdWorld.Upn("gina"));
        }
        finally { dc.AddToGroup("gina", "Developers"); }
    }

    [Fact]
    public async Task The_sync_scope_limits_users_and_groups_to_the_named_ones_and_their_members()
    {
        var world = await World(new { groups = new[] { "Developers" }, users = new[] { "ivan" } });
        var users = (await world.Ids("ListUsers", new { world.Sso.IdentityStoreId })).EnsureSuccess().Json["Users"]!.AsArray()
            .Select(u => (string)u!["UserName"]!);
        users.Should().BeEquivalentTo(new[] { "alice", "bob", "dan", "erin", "frank", "gina", "hank", "ivan" }.Select(AdWorld.Upn));
        (await world.Ids("ListGroups", new { world.Sso.IdentityStoreId })).EnsureSuccess().Json["Groups"]!.AsArray()
            .Select(g => (string)g!["DisplayName"]!).Should().Equal("Developers");
    }

    [Fact]
    public async Task Switching_back_to_the_Identity_Center_directory_removes_directory_users_groups_and_assignments_but_keeps_permission_sets()
    {
        var world = await World();
        var role = await world.Sso.Assign(world.Sso.MemberAccountId, "Developer", await world.GroupId("Developers"), principalType: "GROUP");
        await world.UseDirectory(directoryId: null);

        ((string?)world.LastSync["directoryId"]).Should().BeNull();
        (await world.Ids("ListUsers", new { world.Sso.IdentityStoreId })).EnsureSuccess().Json["Users"]!.AsArray().Should().BeEmpty();
        (await world.Ids("ListGroups", new { world.Sso.IdentityStoreId })).EnsureSuccess().Json["Groups"]!.AsArray().Should().BeEmpty();
        (await world.Sso.ReservedRoleNames(world.Sso.MemberAccountId)).Should().NotContain(role);
        var permissionSets = await world.Sso.Management.Json("SWBExternalService", "ListPermissionSets", new { world.Sso.InstanceArn }, "sso");
        permissionSets.EnsureSuccess().Json["PermissionSets"]!.AsArray().Should().HaveCount(1);
        (await world.Ids("CreateUser", new { world.Sso.IdentityStoreId, UserName = "local", DisplayName = "Local" })).EnsureSuccess();
        (await world.Http.PostAsJsonAsync("/_emulator/sso/identity-source/sync", new { instanceArn = world.Sso.InstanceArn }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_identity_source_endpoint_refuses_unknown_instances_and_directories_that_are_not_Active()
    {
        var world = await World();
        var failed = await AdWorld.Connect(world.Sso.Management, dnsIp: "127.0.0.2");
        await AdWorld.WaitForStage(world.Sso.Management, failed);
        var notActive = await world.Http.PostAsJsonAsync("/_emulator/sso/identity-source", new { instanceArn = world.Sso.InstanceArn, directoryId = failed });
        notActive.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var unknown = await world.Http.PostAsJsonAsync("/_emulator/sso/identity-source", new { instanceArn = "arn:aws:sso:::instance/ssoins-0000000000000000" });
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await world.Http.PostAsJsonAsync("/_emulator/sso/identity-source", new { directoryId = world.DirectoryId })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await world.Http.PostAsJsonAsync("/_emulator/sso/identity-source/sync", new { })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await world.Ds("DeleteDirectory", new { world.DirectoryId })).ErrorCode.Should().Be("ClientException"); // in use as identity source
    }
}
