namespace Emulator.Tests.SsoAdmin;

/// <summary>Attributes for access control on the instance: Create, Describe, Update, Delete.</summary>
public sealed class AccessControlAttributeTests : IDisposable
{
    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    private static object Configuration(params (string Key, string Source)[] attributes) => new
    {
        AccessControlAttributes = attributes.Select(a => new { a.Key, Value = new { Source = new[] { a.Source } } }).ToArray(),
    };

    [Fact]
    public async Task DescribeInstanceAccessControlAttributeConfiguration_after_Create_Update_and_Delete()
    {
        await _bed.Setup();
        var none = await _bed.Sso("DescribeInstanceAccessControlAttributeConfiguration", new { _bed.InstanceArn });
        none.ErrorCode.Should().Be("ResourceNotFoundException");

        (await _bed.Sso("CreateInstanceAccessControlAttributeConfiguration", new
        {
            _bed.InstanceArn, InstanceAccessControlAttributeConfiguration = Configuration(("CostCenter", "${path:enterprise.costCenter}")),
        })).EnsureSuccess();
        var described = (await _bed.Sso("DescribeInstanceAccessControlAttributeConfiguration", new { _bed.InstanceArn })).EnsureSuccess();
        ((string)described.Json["Status"]!).Should().Be("ENABLED");
        var attribute = described.Json["InstanceAccessControlAttributeConfiguration"]!["AccessControlAttributes"]![0]!;
        ((string)attribute["Key"]!).Should().Be("CostCenter");
        ((string)attribute["Value"]!["Source"]![0]!).Should().Be("${path:enterprise.costCenter}");

        (await _bed.Sso("CreateInstanceAccessControlAttributeConfiguration", new
        {
            _bed.InstanceArn, InstanceAccessControlAttributeConfiguration = Configuration(("X", "${path:name.givenName}")),
        })).ErrorCode.Should().Be("ConflictException");

        (await _bed.Sso("UpdateInstanceAccessControlAttributeConfiguration", new
        {
            _bed.InstanceArn, InstanceAccessControlAttributeConfiguration = Configuration(("Team", "${path:enterprise.department}"), ("Name", "${path:userName}")),
        })).EnsureSuccess();
        var updated = await _bed.Sso("DescribeInstanceAccessControlAttributeConfiguration", new { _bed.InstanceArn });
        updated.Json["InstanceAccessControlAttributeConfiguration"]!["AccessControlAttributes"]!.AsArray()
            .Select(a => (string)a!["Key"]!).Should().Equal("Team", "Name");

        (await _bed.Sso("DeleteInstanceAccessControlAttributeConfiguration", new { _bed.InstanceArn })).EnsureSuccess();
        (await _bed.Sso("DescribeInstanceAccessControlAttributeConfiguration", new { _bed.InstanceArn })).ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Sso("DeleteInstanceAccessControlAttributeConfiguration", new { _bed.InstanceArn })).ErrorCode.Should().Be("ResourceNotFoundException");
    }

    [Fact]
    public async Task Access_control_attributes_are_refused_to_non_administrators_and_duplicate_keys_are_ValidationException()
    {
        await _bed.Setup();
        (await _bed.Sso("DescribeInstanceAccessControlAttributeConfiguration", new { _bed.InstanceArn }, SsoTestBed.Member))
            .ErrorCode.Should().Be("AccessDeniedException");
        (await _bed.Sso("CreateInstanceAccessControlAttributeConfiguration", new
        {
            _bed.InstanceArn, InstanceAccessControlAttributeConfiguration = Configuration(("a", "${path:userName}"), ("A", "${path:userName}")),
        })).ErrorCode.Should().Be("ValidationException");
    }
}
