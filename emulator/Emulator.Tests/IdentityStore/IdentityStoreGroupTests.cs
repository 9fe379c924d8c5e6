using Emulator.Tests.SsoAdmin;

namespace Emulator.Tests.IdentityStore;

/// <summary>identitystore groups and group memberships.</summary>
public sealed class IdentityStoreGroupTests : IDisposable
{
    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Groups_are_created_described_updated_listed_found_and_deleted()
    {
        await _bed.Setup();
        var created = (await _bed.Ids("CreateGroup", new { _bed.IdentityStoreId, DisplayName = "Admins", Description = "the admins" })).EnsureSuccess();
        var groupId = (string)created.Json["GroupId"]!;
        groupId.Should().StartWith(_bed.IdentityStoreId[2..] + "-");

        var described = (await _bed.Ids("DescribeGroup", new { _bed.IdentityStoreId, GroupId = groupId })).EnsureSuccess().Json;
        ((string)described["DisplayName"]!).Should().Be("Admins");
        ((string)described["Description"]!).Should().Be("the admins");
        ((string)described["IdentityStoreId"]!).Should().Be(_bed.IdentityStoreId);

        (await _bed.Ids("UpdateGroup", new { _bed.IdentityStoreId, GroupId = groupId, Operations = new[] { new { AttributePath = "displayName", AttributeValue = "Admins2" } } }))
            .EnsureSuccess();
        ((string)(await _bed.Ids("DescribeGroup", new { _bed.IdentityStoreId, GroupId = groupId })).Json["DisplayName"]!).Should().Be("Admins2");
        (await _bed.Ids("UpdateGroup", new { _bed.IdentityStoreId, GroupId = groupId, Operations = new[] { new { AttributePath = "color", AttributeValue = "red" } } }))
            .ErrorCode.Should().Be("ValidationException");

        var other = await _bed.Group("Readers");
        var filtered = await _bed.Ids("ListGroups", new { _bed.IdentityStoreId, Filters = new[] { new { AttributePath = "DisplayName", AttributeValue = "Readers" } } });
        filtered.Json["Groups"]!.AsArray().Select(g => (string)g!["GroupId"]!).Should().Equal(other);
        var paged = await _bed.Ids("ListGroups", new { _bed.IdentityStoreId, MaxResults = 1 });
        paged.Json["Groups"]!.AsArray().Should().ContainSingle();
        var rest = await _bed.Ids("ListGroups", new { _bed.IdentityStoreId, MaxResults = 1, NextToken = (string)paged.Json["NextToken"]! });
        rest.Json["Groups"]!.AsArray().Should().ContainSingle();
        rest.Json["NextToken"].Should().BeNull();

        var found = await _bed.Ids("GetGroupId", new { _bed.IdentityStoreId, AlternateIdentifier = new { UniqueAttribute = new { AttributePath = "displayName", AttributeValue = "Admins2" } } });
        ((string)found.Json["GroupId"]!).Should().Be(groupId);

        (await _bed.Ids("DeleteGroup", new { _bed.IdentityStoreId, GroupId = groupId })).EnsureSuccess();
        var gone = await _bed.Ids("DescribeGroup", new { _bed.IdentityStoreId, GroupId = groupId });
        gone.ErrorCode.Should().Be("ResourceNotFoundException");
        ((string)gone.Json["ResourceType"]!).Should().Be("GROUP");
    }

    [Fact]
    public async Task Group_names_are_unique_and_required()
    {
        await _bed.Setup();
        await _bed.Group("Ops");
        var duplicate = await _bed.Ids("CreateGroup", new { _bed.IdentityStoreId, DisplayName = "ops" });
        duplicate.ErrorCode.Should().Be("ConflictException");
        ((string)duplicate.Json["Reason"]!).Should().Be("UNIQUENESS_CONSTRAINT_VIOLATION");
        (await _bed.Ids("CreateGroup", new { _bed.IdentityStoreId })).ErrorCode.Should().Be("ValidationException");
        (await _bed.Ids("CreateGroup", new { _bed.IdentityStoreId, DisplayName = "X" }, SsoTestBed.Outsider)).ErrorCode.Should().Be("AccessDeniedException");
        (await _bed.Ids("GetGroupId", new { _bed.IdentityStoreId, AlternateIdentifier = new { UniqueAttribute = new { AttributePath = "displayName", AttributeValue = "none" } } }))
            .ErrorCode.Should().Be("ResourceNotFoundException");
    }

    [Fact]
    public async Task Memberships_are_created_queried_and_deleted()
    {
        await _bed.Setup();
        var user = await _bed.User("gina");
        var admins = await _bed.Group("Admins");
        var readers = await _bed.Group("Readers");

        var membership = (await _bed.Ids("CreateGroupMembership", new { _bed.IdentityStoreId, GroupId = admins, MemberId = new { UserId = user } })).EnsureSuccess();
        var membershipId = (string)membership.Json["MembershipId"]!;
        (await _bed.Ids("CreateGroupMembership", new { _bed.IdentityStoreId, GroupId = admins, MemberId = new { UserId = user } }))
            .ErrorCode.Should().Be("ConflictException");
        (await _bed.Ids("CreateGroupMembership", new { _bed.IdentityStoreId, GroupId = admins, MemberId = new { UserId = "0000000000-00000000-0000-0000-0000-000000000000" } }))
            .ErrorCode.Should().Be("ResourceNotFoundException");

        var described = (await _bed.Ids("DescribeGroupMembership", new { _bed.IdentityStoreId, MembershipId = membershipId })).EnsureSuccess().Json;
        ((string)described["GroupId"]!).Should().Be(admins);
        ((string)described["MemberId"]!["UserId"]!).Should().Be(user);

        var inGroup = (await _bed.Ids("ListGroupMemberships", new { _bed.IdentityStoreId, GroupId = admins })).Json["GroupMemberships"]!.AsArray();
        inGroup.Select(m => (string)m!["MembershipId"]!).Should().Equal(membershipId);
        var forMember = (await _bed.Ids("ListGroupMembershipsForMember", new { _bed.IdentityStoreId, MemberId = new { UserId = user } })).Json["GroupMemberships"]!.AsArray();
        forMember.Select(m => (string)m!["GroupId"]!).Should().Equal(admins);

        var check = (await _bed.Ids("IsMemberInGroups", new { _bed.IdentityStoreId, MemberId = new { UserId = user }, GroupIds = new[] { admins, readers } })).EnsureSuccess();
        check.Json["Results"]!.AsArray().Select(r => ((string)r!["GroupId"]!, (bool)r["MembershipExists"]!)).Should().Equal((admins, true), (readers, false));

        var id = await _bed.Ids("GetGroupMembershipId", new { _bed.IdentityStoreId, GroupId = admins, MemberId = new { UserId = user } });
        ((string)id.Json["MembershipId"]!).Should().Be(membershipId);
        (await _bed.Ids("GetGroupMembershipId", new { _bed.IdentityStoreId, GroupId = readers, MemberId = new { UserId = user } }))
            .ErrorCode.Should().Be("ResourceNotFoundException");

        (await _bed.Ids("DeleteGroupMembership", new { _bed.IdentityStoreId, MembershipId = membershipId })).EnsureSuccess();
        var gone = await _bed.Ids("DeleteGroupMembership", new { _bed.IdentityStoreId, MembershipId = membershipId });
        gone.ErrorCode.Should().Be("ResourceNotFoundException");
        ((string)gone.Json["ResourceType"]!).Should().Be("GROUP_MEMBERSHIP");
    }

    [Fact]
    public async Task Deleting_a_group_removes_its_memberships_and_assignments()
    {
        await _bed.Setup();
        var user = await _bed.User("hank");
        var group = await _bed.Group("Team");
        await _bed.Ids("CreateGroupMembership", new { _bed.IdentityStoreId, GroupId = group, MemberId = new { UserId = user } });
        var ps = await _bed.PermissionSet("TeamAccess");
        (await _bed.Assign(ps, group, principalType: "GROUP")).EnsureSuccess();
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().ContainSingle();

        (await _bed.Ids("DeleteGroup", new { _bed.IdentityStoreId, GroupId = group })).EnsureSuccess();
        (await _bed.Ids("ListGroupMembershipsForMember", new { _bed.IdentityStoreId, MemberId = new { UserId = user } })).Json["GroupMemberships"]!.AsArray().Should().BeEmpty();
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().BeEmpty();
    }
}
