using System.Net;

namespace Emulator.Tests.SsoAdmin;

/// <summary>ListInstances, DescribeInstance, CreateInstance, UpdateInstance and who may call sso-admin.</summary>
public sealed class SsoAdminInstanceTests : IDisposable
{
    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task The_management_account_and_the_sso_delegated_administrator_see_the_organization_instance()
    {
        await _bed.Setup();
        var list = (await _bed.Sso("ListInstances", new { })).EnsureSuccess();
        var instance = list.Json["Instances"]!.AsArray().Single()!;
        ((string)instance["InstanceArn"]!).Should().Be(_bed.InstanceArn);
        ((string)instance["IdentityStoreId"]!).Should().Be(_bed.IdentityStoreId);
        ((string)instance["OwnerAccountId"]!).Should().Be(SsoTestBed.Management);
        ((string)instance["Status"]!).Should().Be("ACTIVE");
        instance["CreatedDate"]!.GetValue<double>().Should().BeGreaterThan(1_600_000_000);

        (await _bed.Sso("ListInstances", new { }, SsoTestBed.Member)).Json["Instances"]!.AsArray().Should().BeEmpty();
        await _bed.RegisterSsoDelegatedAdministrator(SsoTestBed.Member);
        (await _bed.Sso("ListInstances", new { }, SsoTestBed.Member)).Json["Instances"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task DescribeInstance_answers_the_instance_and_refuses_others()
    {
        await _bed.Setup();
        var described = (await _bed.Sso("DescribeInstance", new { _bed.InstanceArn })).EnsureSuccess();
        ((string)described.Json["IdentityStoreId"]!).Should().Be(_bed.IdentityStoreId);
        ((string)described.Json["OwnerAccountId"]!).Should().Be(SsoTestBed.Management);

        var member = await _bed.Sso("DescribeInstance", new { _bed.InstanceArn }, SsoTestBed.Member);
        member.Status.Should().Be(HttpStatusCode.BadRequest);
        member.ErrorCode.Should().Be("AccessDeniedException");
        member.ErrorMessage.Should().Contain("sso:DescribeInstance");

        var unknown = await _bed.Sso("DescribeInstance", new { InstanceArn = "arn:aws:sso:::instance/ssoins-0000000000000000" });
        unknown.ErrorCode.Should().Be("ResourceNotFoundException");

        var malformed = await _bed.Sso("DescribeInstance", new { InstanceArn = "not-an-arn" });
        malformed.ErrorCode.Should().Be("ValidationException");
        malformed.ErrorMessage.Should().Contain("'instanceArn'");
    }

    [Fact]
    public async Task CreateInstance_makes_one_account_instance_per_account_and_never_in_the_management_account()
    {
        await _bed.Setup();
        var management = await _bed.Sso("CreateInstance", new { Name = "mine" });
        management.Status.Should().Be(HttpStatusCode.BadRequest);
        management.ErrorCode.Should().Be("ValidationException");
        management.ErrorMessage.Should().Be("Organization management account is not allowed to perform the operation.");

        var created = (await _bed.Sso("CreateInstance", new { Name = "team" }, SsoTestBed.Member)).EnsureSuccess();
        var arn = (string)created.Json["InstanceArn"]!;
        arn.Should().MatchRegex("^arn:aws:sso:::instance/ssoins-[0-9a-f]{16}$");

        var list = await _bed.Sso("ListInstances", new { }, SsoTestBed.Member);
        var own = list.Json["Instances"]!.AsArray().Single()!;
        ((string)own["InstanceArn"]!).Should().Be(arn);
        ((string)own["OwnerAccountId"]!).Should().Be(SsoTestBed.Member);
        ((string)own["Name"]!).Should().Be("team");

        var second = await _bed.Sso("CreateInstance", new { Name = "again" }, SsoTestBed.Member);
        second.ErrorCode.Should().Be("ConflictException");

        (await _bed.Sso("DescribeInstance", new { InstanceArn = arn })).ErrorCode.Should().Be("AccessDeniedException");
        (await _bed.Sso("ListInstances", new { })).Json["Instances"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task UpdateInstance_renames_the_instance()
    {
        await _bed.Setup();
        (await _bed.Sso("UpdateInstance", new { _bed.InstanceArn, Name = "corp" })).EnsureSuccess();
        ((string)(await _bed.Sso("DescribeInstance", new { _bed.InstanceArn })).Json["Name"]!).Should().Be("corp");
        (await _bed.Sso("UpdateInstance", new { _bed.InstanceArn, Name = "x" }, SsoTestBed.Member)).ErrorCode.Should().Be("AccessDeniedException");
    }

    [Fact]
    public async Task ListInstances_pages_with_NextToken()
    {
        await _bed.Setup();
        await _bed.RegisterSsoDelegatedAdministrator(SsoTestBed.Member);
        (await _bed.Sso("CreateInstance", new { }, SsoTestBed.Member)).EnsureSuccess();
        var first = await _bed.Sso("ListInstances", new { MaxResults = 1 }, SsoTestBed.Member);
        first.Json["Instances"]!.AsArray().Should().ContainSingle();
        var token = (string)first.Json["NextToken"]!;
        var second = await _bed.Sso("ListInstances", new { MaxResults = 1, NextToken = token }, SsoTestBed.Member);
        second.Json["Instances"]!.AsArray().Should().ContainSingle();
        second.Json["NextToken"].Should().BeNull();
        ((string)second.Json["Instances"]![0]!["InstanceArn"]!).Should().NotBe((string)first.Json["Instances"]![0]!["InstanceArn"]!);

        (await _bed.Sso("ListInstances", new { NextToken = "bogus" })).ErrorCode.Should().Be("ValidationException");
    }
}
