using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Iam;

public sealed class InstanceProfileTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _client;

    public InstanceProfileTests() => _client = _factory.Client("333333333333");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateInstanceProfile_AddRoleToInstanceProfile_ListInstanceProfiles_and_back()
    {
        await CreateRole(_client, "web");
        var created = (await _client.Iam("CreateInstanceProfile", ("InstanceProfileName", "web-profile"), ("Path", "/app/"))).EnsureSuccess();
        created.XmlValue("Arn").Should().Be("arn:aws:iam::333333333333:instance-profile/app/web-profile");
        created.XmlValue("InstanceProfileId").Should().StartWith("AIPA");
        (await _client.Iam("AddRoleToInstanceProfile", ("InstanceProfileName", "web-profile"), ("RoleName", "web"))).EnsureSuccess();
        (await _client.Iam("AddRoleToInstanceProfile", ("InstanceProfileName", "web-profile"), ("RoleName", "web"))).ErrorCode.Should().Be("LimitExceeded");

        (await _client.Iam("GetInstanceProfile", ("InstanceProfileName", "web-profile"))).XmlValues("RoleName").Should().Equal("web");
        (await _client.Iam("ListInstanceProfiles")).XmlValues("InstanceProfileName").Should().Equal("web-profile");
        (await _client.Iam("ListInstanceProfiles", ("PathPrefix", "/other/"))).XmlValues("InstanceProfileName").Should().BeEmpty();
        (await _client.Iam("ListInstanceProfilesForRole", ("RoleName", "web"))).XmlValues("InstanceProfileName").Should().Equal("web-profile");

        (await _client.Iam("DeleteRole", ("RoleName", "web"))).ErrorCode.Should().Be("DeleteConflict");
        (await _client.Iam("DeleteInstanceProfile", ("InstanceProfileName", "web-profile"))).ErrorCode.Should().Be("DeleteConflict");
        (await _client.Iam("RemoveRoleFromInstanceProfile", ("InstanceProfileName", "web-profile"), ("RoleName", "web"))).EnsureSuccess();
        (await _client.Iam("DeleteInstanceProfile", ("InstanceProfileName", "web-profile"))).EnsureSuccess();
        (await _client.Iam("GetInstanceProfile", ("InstanceProfileName", "web-profile"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task ListInstanceProfiles_pages_with_Marker_and_MaxItems()
    {
        foreach (var name in new[] { "a", "b", "c" })
            (await _client.Iam("CreateInstanceProfile", ("InstanceProfileName", name))).EnsureSuccess();
        var first = await _client.Iam("ListInstanceProfiles", ("MaxItems", "2"));
        first.XmlValues("InstanceProfileName").Should().Equal("a", "b");
        first.XmlValue("IsTruncated").Should().Be("true");
        var second = await _client.Iam("ListInstanceProfiles", ("MaxItems", "2"), ("Marker", first.XmlValue("Marker")!));
        second.XmlValues("InstanceProfileName").Should().Equal("c");
        second.XmlValue("IsTruncated").Should().Be("false");
    }
}
