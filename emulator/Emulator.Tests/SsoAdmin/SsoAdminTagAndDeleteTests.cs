namespace Emulator.Tests.SsoAdmin;

/// <summary>Tags on instances and permission sets; DeleteInstance.</summary>
public sealed class SsoAdminTagAndDeleteTests : IDisposable
{
    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    private async Task<Dictionary<string, string>> Tags(string resourceArn) =>
        (await _bed.Sso("ListTagsForResource", new { _bed.InstanceArn, ResourceArn = resourceArn })).EnsureSuccess()
            .Json["Tags"]!.AsArray().ToDictionary(t => (string)t!["Key"]!, t => (string)t!["Value"]!);

    [Fact]
    public async Task Permission_sets_and_instances_are_tagged_listed_and_untagged()
    {
        await _bed.Setup();
        var ps = (string)(await _bed.Sso("CreatePermissionSet", new { _bed.InstanceArn, Name = "Tagged", Tags = new[] { new { Key = "team", Value = "ops" } } }))
            .EnsureSuccess().Json["PermissionSet"]!["PermissionSetArn"]!;
        (await Tags(ps)).Should().Equal(new Dictionary<string, string> { ["team"] = "ops" });

        (await _bed.Sso("TagResource", new { _bed.InstanceArn, ResourceArn = ps, Tags = new[] { new { Key = "env", Value = "prod" }, new { Key = "team", Value = "dev" } } })).EnsureSuccess();
        (await Tags(ps)).Should().BeEquivalentTo(new Dictionary<string, string> { ["team"] = "dev", ["env"] = "prod" });
        (await _bed.Sso("UntagResource", new { _bed.InstanceArn, ResourceArn = ps, TagKeys = new[] { "team" } })).EnsureSuccess();
        (await Tags(ps)).Should().Equal(new Dictionary<string, string> { ["env"] = "prod" });

        (await _bed.Sso("TagResource", new { ResourceArn = _bed.InstanceArn, Tags = new[] { new { Key = "owner", Value = "me" } } })).EnsureSuccess();
        (await Tags(_bed.InstanceArn)).Should().Equal(new Dictionary<string, string> { ["owner"] = "me" });

        var unknown = _bed.InstanceArn.Replace(":instance/", ":permissionSet/") + "/ps-0000000000000000";
        (await _bed.Sso("ListTagsForResource", new { _bed.InstanceArn, ResourceArn = unknown })).ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Sso("TagResource", new { _bed.InstanceArn, ResourceArn = ps, Tags = new[] { new { Key = "x", Value = "y" } } }, SsoTestBed.Member))
            .ErrorCode.Should().Be("AccessDeniedException");
    }

    [Fact]
    public async Task DeleteInstance_is_for_the_owner_only_and_removes_everything_in_the_instance()
    {
        await _bed.Setup();
        await _bed.RegisterSsoDelegatedAdministrator(SsoTestBed.Member);
        var ps = await _bed.PermissionSet("Doomed");
        (await _bed.Assign(ps, await _bed.User("mia"))).EnsureSuccess();
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().ContainSingle();

        (await _bed.Sso("DeleteInstance", new { _bed.InstanceArn }, SsoTestBed.Member)).ErrorCode.Should().Be("AccessDeniedException");
        (await _bed.Sso("DeleteInstance", new { _bed.InstanceArn })).EnsureSuccess();

        (await _bed.Sso("ListInstances", new { })).Json["Instances"]!.AsArray().Should().BeEmpty();
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().BeEmpty();
        (await _bed.Sso("ListPermissionSets", new { _bed.InstanceArn })).ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Sso("ListAccountAssignments", new { _bed.InstanceArn, AccountId = SsoTestBed.Member, PermissionSetArn = ps })).ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Ids("ListUsers", new { _bed.IdentityStoreId })).ErrorCode.Should().Be("ResourceNotFoundException", "the identity store went with the instance");
        (await _bed.Sso("DescribeInstance", new { _bed.InstanceArn })).ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Ids("ListUsers", new { _bed.IdentityStoreId })).ErrorCode.Should().Be("ResourceNotFoundException");
    }

    [Fact]
    public async Task An_account_instance_is_deleted_by_its_owner()
    {
        await _bed.Setup();
        var arn = (string)(await _bed.Sso("CreateInstance", new { Name = "own", Tags = new[] { new { Key = "k", Value = "v" } } }, SsoTestBed.Member)).EnsureSuccess().Json["InstanceArn"]!;
        var tags = await _bed.Sso("ListTagsForResource", new { InstanceArn = arn, ResourceArn = arn }, SsoTestBed.Member);
        tags.Json["Tags"]!.AsArray().Should().ContainSingle();
        (await _bed.Sso("DeleteInstance", new { InstanceArn = arn }, SsoTestBed.Member)).EnsureSuccess();
        (await _bed.Sso("CreateInstance", new { Name = "again" }, SsoTestBed.Member)).EnsureSuccess();
    }
}
