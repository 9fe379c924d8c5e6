using Emulator.Services.Sso;

namespace Emulator.Tests.SsoAdmin;

/// <summary>Identity Center and the trust model: trusted access off, back on, and accounts leaving the organization.</summary>
public sealed class SsoTrustGateTests : IDisposable
{
    private const string Unavailable = "IAM Identity Center is unavailable: trusted access with AWS Organizations is disabled.";

    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task With_trusted_access_off_Identity_Center_refuses_to_work_and_re_enabling_restores_everything_unchanged()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Gate");
        var user = await _bed.User("ivy");
        (await _bed.Assign(ps, user)).EnsureSuccess();
        var role = (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single();

        (await _bed.Organizations("DisableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();

        foreach (var (operation, input) in new (string, object)[]
        {
            ("ListPermissionSets", new { _bed.InstanceArn }),
            ("DescribeInstance", new { _bed.InstanceArn }),
            ("CreatePermissionSet", new { _bed.InstanceArn, Name = "Later" }),
            ("ListAccountAssignments", new { _bed.InstanceArn, AccountId = SsoTestBed.Member, PermissionSetArn = ps }),
        })
        {
            var refused = await _bed.Sso(operation, input);
            refused.ErrorCode.Should().Be("AccessDeniedException", operation);
            refused.ErrorMessage.Should().Be(Unavailable);
        }
        (await _bed.Assign(ps, user)).ErrorCode.Should().Be("AccessDeniedException");
        var users = await _bed.Ids("ListUsers", new { _bed.IdentityStoreId });
        users.ErrorCode.Should().Be("AccessDeniedException");
        users.ErrorMessage.Should().Be(Unavailable);
        (await _bed.Sso("ListInstances", new { })).Json["Instances"]!.AsArray().Should().ContainSingle("the instance still exists");
        (await _bed.Portal(user)).ErrorType.Should().NotBeNull("the portal refuses while trusted access is off");
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single().RoleName.Should().Be(role.RoleName, "nothing is deleted");

        (await _bed.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();
        (await _bed.Sso("ListPermissionSets", new { _bed.InstanceArn })).EnsureSuccess().Json["PermissionSets"]!.AsArray().Select(a => (string)a!).Should().Equal(ps);
        (await _bed.Sso("ListAccountAssignments", new { _bed.InstanceArn, AccountId = SsoTestBed.Member, PermissionSetArn = ps }))
            .Json["AccountAssignments"]!.AsArray().Should().ContainSingle();
        var restored = (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single();
        (restored.RoleName, restored.RoleId).Should().Be((role.RoleName, role.RoleId));
        (await _bed.Portal(user)).Roles.Should().ContainSingle();
        (await _bed.Ids("DescribeUser", new { _bed.IdentityStoreId, UserId = user })).EnsureSuccess();
    }

    [Fact]
    public async Task An_account_that_leaves_loses_its_assignments_and_roles_and_rejoining_does_not_bring_them_back()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Leaver");
        var user = await _bed.User("jack");
        (await _bed.Assign(ps, user)).EnsureSuccess();

        (await _bed.Organizations("RemoveAccountFromOrganization", new { AccountId = SsoTestBed.Member })).EnsureSuccess();

        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().BeEmpty();
        (await _bed.Sso("ListAccountAssignments", new { _bed.InstanceArn, AccountId = SsoTestBed.Member, PermissionSetArn = ps }))
            .Json["AccountAssignments"]!.AsArray().Should().BeEmpty();
        (await _bed.Sso("ListAccountsForProvisionedPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps })).Json["AccountIds"]!.AsArray().Should().BeEmpty();
        var refused = (await _bed.Assign(ps, user)).Json["AccountAssignmentCreationStatus"]!;
        ((string)(await _bed.Sso("DescribeAccountAssignmentCreationStatus", new { _bed.InstanceArn, AccountAssignmentCreationRequestId = (string)refused["RequestId"]! }))
            .Json["AccountAssignmentCreationStatus"]!["Status"]!).Should().Be("FAILED");

        await _bed.AddMember(SsoTestBed.Member);
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().BeEmpty();
        (await _bed.Sso("ListAccountAssignments", new { _bed.InstanceArn, AccountId = SsoTestBed.Member, PermissionSetArn = ps }))
            .Json["AccountAssignments"]!.AsArray().Should().BeEmpty();
        (await _bed.Portal(user)).Roles.Should().BeEmpty();
    }
}
