using Emulator.Tests.Support;

namespace Emulator.Tests.SsoAdmin;

/// <summary>Customer managed policy references and permissions boundaries on permission sets, and how they are provisioned.</summary>
public sealed class SsoCustomerPolicyTests : IDisposable
{
    private const string ListRoles = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*"}}""";
    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    private object Reference(string permissionSetArn, string name, string? path = null) =>
        new { _bed.InstanceArn, PermissionSetArn = permissionSetArn, CustomerManagedPolicyReference = path is null ? (object)new { Name = name } : new { Name = name, Path = path } };

    private async Task CreateMemberPolicy(string name, string path = "/") =>
        (await _bed.Client(SsoTestBed.Member).Iam("CreatePolicy", ("PolicyName", name), ("Path", path), ("PolicyDocument", ListRoles))).EnsureSuccess();

    [Fact]
    public async Task Customer_managed_policy_references_attach_list_and_detach()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Ops");
        (await _bed.Sso("AttachCustomerManagedPolicyReferenceToPermissionSet", Reference(ps, "ops-read"))).EnsureSuccess();
        (await _bed.Sso("AttachCustomerManagedPolicyReferenceToPermissionSet", Reference(ps, "team", "/eng/"))).EnsureSuccess();
        (await _bed.Sso("AttachCustomerManagedPolicyReferenceToPermissionSet", Reference(ps, "team", "/eng/"))).ErrorCode.Should().Be("ConflictException");

        var listed = (await _bed.Sso("ListCustomerManagedPolicyReferencesInPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps })).EnsureSuccess();
        listed.Json["CustomerManagedPolicyReferences"]!.AsArray().Select(r => ((string)r!["Name"]!, (string)r["Path"]!))
            .Should().BeEquivalentTo([("ops-read", "/"), ("team", "/eng/")]);

        (await _bed.Sso("DetachCustomerManagedPolicyReferenceFromPermissionSet", Reference(ps, "ops-read"))).EnsureSuccess();
        (await _bed.Sso("DetachCustomerManagedPolicyReferenceFromPermissionSet", Reference(ps, "ops-read"))).ErrorCode.Should().Be("ResourceNotFoundException");
    }

    [Fact]
    public async Task Permissions_boundary_put_get_delete()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Ops");
        (await _bed.Sso("GetPermissionsBoundaryForPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps })).ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Sso("PutPermissionsBoundaryToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps,
            PermissionsBoundary = new { ManagedPolicyArn = "arn:aws:iam::aws:policy/ReadOnlyAccess" } })).EnsureSuccess();
        var got = (await _bed.Sso("GetPermissionsBoundaryForPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps })).EnsureSuccess();
        ((string)got.Json["PermissionsBoundary"]!["ManagedPolicyArn"]!).Should().Be("arn:aws:iam::aws:policy/ReadOnlyAccess");

        (await _bed.Sso("PutPermissionsBoundaryToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps,
            PermissionsBoundary = new { CustomerManagedPolicyReference = new { Name = "cap" } } })).EnsureSuccess();
        got = (await _bed.Sso("GetPermissionsBoundaryForPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps })).EnsureSuccess();
        ((string)got.Json["PermissionsBoundary"]!["CustomerManagedPolicyReference"]!["Name"]!).Should().Be("cap");
        got.Json["PermissionsBoundary"]!["ManagedPolicyArn"].Should().BeNull();

        (await _bed.Sso("PutPermissionsBoundaryToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps,
            PermissionsBoundary = new { ManagedPolicyArn = "arn:aws:iam::aws:policy/ReadOnlyAccess", CustomerManagedPolicyReference = new { Name = "cap" } } }))
            .ErrorCode.Should().Be("ValidationException");
        (await _bed.Sso("DeletePermissionsBoundaryFromPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps })).EnsureSuccess();
        (await _bed.Sso("GetPermissionsBoundaryForPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps })).ErrorCode.Should().Be("ResourceNotFoundException");
    }

    [Fact]
    public async Task An_assignment_whose_customer_policy_is_missing_in_the_account_fails_with_the_reason()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Ops");
        (await _bed.Sso("AttachCustomerManagedPolicyReferenceToPermissionSet", Reference(ps, "ops-read"))).EnsureSuccess();
        var created = (await _bed.Assign(ps, await _bed.User("kim"))).EnsureSuccess().Json["AccountAssignmentCreationStatus"]!;
        var status = (await _bed.Sso("DescribeAccountAssignmentCreationStatus",
            new { _bed.InstanceArn, AccountAssignmentCreationRequestId = (string)created["RequestId"]! })).EnsureSuccess().Json["AccountAssignmentCreationStatus"]!;
        ((string)status["Status"]!).Should().Be("FAILED");
        ((string)status["FailureReason"]!).Should().Be($"Received a 404 status error: Not supported policy arn:aws:iam::{SsoTestBed.Member}:policy/ops-read.");
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().BeEmpty();
        (await _bed.Sso("ListAccountAssignments", new { _bed.InstanceArn, AccountId = SsoTestBed.Member, PermissionSetArn = ps }))
            .Json["AccountAssignments"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Provisioning_attaches_the_accounts_customer_policy_by_name_and_path_and_the_boundary()
    {
        await _bed.Setup();
        await CreateMemberPolicy("team", "/eng/");
        await CreateMemberPolicy("cap");
        var ps = await _bed.PermissionSet("Ops");
        (await _bed.Sso("AttachCustomerManagedPolicyReferenceToPermissionSet", Reference(ps, "team", "/eng/"))).EnsureSuccess();
        (await _bed.Sso("PutPermissionsBoundaryToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps,
            PermissionsBoundary = new { CustomerManagedPolicyReference = new { Name = "cap" } } })).EnsureSuccess();
        (await _bed.Assign(ps, await _bed.User("kim"))).EnsureSuccess();

        var role = (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single();
        role.AttachedPolicies.Select(p => p.PolicyArn).Should().Equal($"arn:aws:iam::{SsoTestBed.Member}:policy/eng/team");
        role.PermissionsBoundaryArn.Should().Be($"arn:aws:iam::{SsoTestBed.Member}:policy/cap");

        (await _bed.Sso("PutPermissionsBoundaryToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps,
            PermissionsBoundary = new { CustomerManagedPolicyReference = new { Name = "absent" } } })).EnsureSuccess();
        var provision = (await _bed.Sso("ProvisionPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, TargetType = "ALL_PROVISIONED_ACCOUNTS" }))
            .EnsureSuccess().Json["PermissionSetProvisioningStatus"]!;
        var described = (await _bed.Sso("DescribePermissionSetProvisioningStatus",
            new { _bed.InstanceArn, ProvisionPermissionSetRequestId = (string)provision["RequestId"]! })).EnsureSuccess().Json["PermissionSetProvisioningStatus"]!;
        ((string)described["Status"]!).Should().Be("FAILED");
        ((string)described["FailureReason"]!).Should().EndWith($"arn:aws:iam::{SsoTestBed.Member}:policy/absent.");
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single().PermissionsBoundaryArn.Should().Be($"arn:aws:iam::{SsoTestBed.Member}:policy/cap");
    }
}
