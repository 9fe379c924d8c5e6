using System.Text.Json.Nodes;
using Emulator.Services.Sso;
using Emulator.Services.SsoAdmin;
using Emulator.Services.TrustModel;

namespace Emulator.Tests.SsoAdmin;

/// <summary>Account assignments and what they do: AWSReservedSSO_* roles in the target account.</summary>
public sealed class SsoAdminAssignmentTests : IDisposable
{
    private const string ReadOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
    private const string Uuid = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task An_assignment_provisions_a_protected_AWSReservedSSO_role_in_the_target_account()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("DataAdmin", "PT2H");
        await _bed.Sso("AttachManagedPolicyToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, ManagedPolicyArn = ReadOnly });
        await _bed.Sso("PutInlinePolicyToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, InlinePolicy = Policy });
        var user = await _bed.User("alice");

        var created = (await _bed.Assign(ps, user)).EnsureSuccess().Json["AccountAssignmentCreationStatus"]!;
        ((string)created["Status"]!).Should().Be("IN_PROGRESS");
        ((string)created["RequestId"]!).Should().MatchRegex(Uuid);
        ((string)created["TargetId"]!).Should().Be(SsoTestBed.Member);
        ((string)created["TargetType"]!).Should().Be("AWS_ACCOUNT");
        ((string)created["PrincipalType"]!).Should().Be("USER");
        ((string)created["PrincipalId"]!).Should().Be(user);
        ((string)created["PermissionSetArn"]!).Should().Be(ps);

        var status = (await _bed.Sso("DescribeAccountAssignmentCreationStatus",
            new { _bed.InstanceArn, AccountAssignmentCreationRequestId = (string)created["RequestId"]! })).EnsureSuccess();
        ((string)status.Json["AccountAssignmentCreationStatus"]!["Status"]!).Should().Be("SUCCEEDED");

        var role = (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single();
        role.RoleName.Should().MatchRegex("^AWSReservedSSO_DataAdmin_[0-9a-f]{16}$");
        role.Path.Should().Be("/aws-reserved/sso.amazonaws.com/");
        role.Arn.Should().Be($"arn:aws:iam::{SsoTestBed.Member}:role/aws-reserved/sso.amazonaws.com/{role.RoleName}");
        (await _bed.Client(SsoTestBed.Member).Iam("DeleteRole", ("RoleName", role.RoleName))).ErrorCode.Should().Be("UnmodifiableEntity", "the role is reserved for sso.amazonaws.com");
        role.MaxSessionDuration.Should().Be(7200);
        role.AttachedPolicies.Should().Equal(("ReadOnlyAccess", ReadOnly));
        role.InlinePolicies.Should().Equal(new Dictionary<string, string> { ["AwsSSOInlinePolicy"] = Policy });

        var trust = JsonNode.Parse(role.AssumeRolePolicyDocument)!["Statement"]![0]!;
        ((string)trust["Principal"]!["Federated"]!).Should().MatchRegex($"^arn:aws:iam::{SsoTestBed.Member}:saml-provider/AWSSSO_[0-9a-f]{{16}}_DO_NOT_DELETE$");
        trust["Action"]!.AsArray().Select(a => (string)a!).Should().Equal("sts:AssumeRoleWithSAML", "sts:TagSession");
        ((string)trust["Condition"]!["StringEquals"]!["SAML:aud"]!).Should().Be("https://signin.aws.amazon.com/saml");

        var getRole = await _bed.Client(SsoTestBed.Member).Iam("GetRole", ("RoleName", role.RoleName));
        getRole.EnsureSuccess().XmlValue("Path").Should().Be("/aws-reserved/sso.amazonaws.com/");

        (await _bed.ReservedRolesAsync(SsoTestBed.Management)).Should().BeEmpty();
        (await _bed.Portal(user)).Roles.Should().Equal((SsoTestBed.Member, "DataAdmin"));
    }

    [Fact]
    public async Task Customers_cannot_change_or_delete_an_AWSReservedSSO_role_through_IAM()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Locked");
        await _bed.Sso("PutInlinePolicyToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, InlinePolicy = Policy });
        (await _bed.Assign(ps, await _bed.User("kim"))).EnsureSuccess();
        var roleName = (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single().RoleName;
        var iam = _bed.Client(SsoTestBed.Member);

        var delete = await iam.Iam("DeleteRole", ("RoleName", roleName));
        delete.ErrorCode.Should().Be("UnmodifiableEntity");
        delete.ErrorMessage.Should().Be($"Cannot perform the operation on the protected role '{roleName}' - this role is only modifiable by AWS");
        (await iam.Iam("PutRolePolicy", ("RoleName", roleName), ("PolicyName", "mine"), ("PolicyDocument", Policy))).ErrorCode.Should().Be("UnmodifiableEntity");
        (await iam.Iam("AttachRolePolicy", ("RoleName", roleName), ("PolicyArn", ReadOnly))).ErrorCode.Should().Be("UnmodifiableEntity");
        (await iam.Iam("DeleteRolePolicy", ("RoleName", roleName), ("PolicyName", "AwsSSOInlinePolicy"))).ErrorCode.Should().Be("UnmodifiableEntity");

        var inline = (await iam.Iam("GetRolePolicy", ("RoleName", roleName), ("PolicyName", "AwsSSOInlinePolicy"))).EnsureSuccess();
        Uri.UnescapeDataString(inline.XmlValue("PolicyDocument")!).Should().Be(Policy);
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single().RoleName.Should().Be(roleName);
    }

    [Fact]
    public async Task Accounts_created_later_in_the_organization_can_be_assigned()
    {
        await _bed.Setup();
        var create = (await _bed.Organizations("CreateAccount", new { AccountName = "Later", Email = "later@example.com" })).EnsureSuccess();
        var requestId = (string)create.Json["CreateAccountStatus"]!["Id"]!;
        var accountId = (string)(await _bed.Organizations("DescribeCreateAccountStatus", new { CreateAccountRequestId = requestId })).Json["CreateAccountStatus"]!["AccountId"]!;
        var ps = await _bed.PermissionSet("Later");
        (await _bed.Assign(ps, await _bed.User("lee"), accountId: accountId)).EnsureSuccess();
        (await _bed.ReservedRolesAsync(accountId)).Should().ContainSingle();
        (await _bed.Sso("ListPermissionSetsProvisionedToAccount", new { _bed.InstanceArn, AccountId = accountId })).Json["PermissionSets"]!.AsArray()
            .Select(a => (string)a!).Should().Equal(ps);
    }

    [Fact]
    public async Task Outside_us_east_1_the_role_path_names_the_region()
    {
        using var bed = new SsoTestBed("eu-west-2");
        await bed.Setup();
        (await bed.Assign(await bed.PermissionSet("Eu"), await bed.User("eve"))).EnsureSuccess();
        var role = (await bed.ReservedRolesAsync(SsoTestBed.Member)).Single();
        role.Path.Should().Be("/aws-reserved/sso.amazonaws.com/eu-west-2/");
        role.Arn.Should().Be($"arn:aws:iam::{SsoTestBed.Member}:role/aws-reserved/sso.amazonaws.com/eu-west-2/{role.RoleName}");
        SsoProvisioning.RolePath("us-east-1").Should().Be("/aws-reserved/sso.amazonaws.com/");
    }

    [Fact]
    public async Task The_last_assignment_takes_the_role_along_and_a_new_assignment_gets_a_new_suffix()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Dev");
        var user = await _bed.User("bob");
        var group = await _bed.Group("developers");
        await _bed.Ids("CreateGroupMembership", new { _bed.IdentityStoreId, GroupId = group, MemberId = new { UserId = user } });

        (await _bed.Assign(ps, user)).EnsureSuccess();
        (await _bed.Assign(ps, group, principalType: "GROUP")).EnsureSuccess();
        var first = (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single().RoleName;

        var listed = (await _bed.Sso("ListAccountAssignments", new { _bed.InstanceArn, AccountId = SsoTestBed.Member, PermissionSetArn = ps })).EnsureSuccess();
        listed.Json["AccountAssignments"]!.AsArray().Select(a => ((string)a!["PrincipalType"]!, (string)a["PrincipalId"]!, (string)a["AccountId"]!))
            .Should().BeEquivalentTo(new[] { ("USER", user, SsoTestBed.Member), ("GROUP", group, SsoTestBed.Member) });

        var deleted = (await _bed.Unassign(ps, user)).EnsureSuccess().Json["AccountAssignmentDeletionStatus"]!;
        ((string)deleted["Status"]!).Should().Be("IN_PROGRESS");
        var deletion = await _bed.Sso("DescribeAccountAssignmentDeletionStatus", new { _bed.InstanceArn, AccountAssignmentDeletionRequestId = (string)deleted["RequestId"]! });
        ((string)deletion.Json["AccountAssignmentDeletionStatus"]!["Status"]!).Should().Be("SUCCEEDED");
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single().RoleName.Should().Be(first, "the group assignment still needs the role");
        (await _bed.Portal(user)).Roles.Should().ContainSingle("bob still reaches it through the group");

        (await _bed.Unassign(ps, group, principalType: "GROUP")).EnsureSuccess();
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().BeEmpty();
        (await _bed.Sso("ListPermissionSetsProvisionedToAccount", new { _bed.InstanceArn, AccountId = SsoTestBed.Member })).Json["PermissionSets"]!.AsArray().Should().BeEmpty();
        (await _bed.Sso("ListAccountsForProvisionedPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps })).Json["AccountIds"]!.AsArray().Should().BeEmpty();

        (await _bed.Assign(ps, user)).EnsureSuccess();
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single().RoleName.Should().NotBe(first).And.StartWith("AWSReservedSSO_Dev_");
    }

    [Fact]
    public async Task Assignment_errors_are_AWS_shaped()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Err");
        var user = await _bed.User("carol");

        var unknownUser = await _bed.Assign(ps, "0123456789-00000000-0000-0000-0000-000000000000");
        unknownUser.ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Assign(ps, user, principalType: "GROUP")).ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Assign(ps, user, caller: SsoTestBed.Member)).ErrorCode.Should().Be("AccessDeniedException");
        (await _bed.Assign(ps, user, accountId: "12345")).ErrorCode.Should().Be("ValidationException");
        (await _bed.Unassign(ps, user)).ErrorCode.Should().Be("ResourceNotFoundException");

        var outside = (await _bed.Assign(ps, user, accountId: SsoTestBed.Outsider)).EnsureSuccess().Json["AccountAssignmentCreationStatus"]!;
        ((string)outside["Status"]!).Should().Be("IN_PROGRESS");
        var failed = (await _bed.Sso("DescribeAccountAssignmentCreationStatus", new { _bed.InstanceArn, AccountAssignmentCreationRequestId = (string)outside["RequestId"]! }))
            .Json["AccountAssignmentCreationStatus"]!;
        ((string)failed["Status"]!).Should().Be("FAILED");
        ((string)failed["FailureReason"]!).Should().Contain(SsoTestBed.Outsider);
        (await _bed.ReservedRolesAsync(SsoTestBed.Outsider)).Should().BeEmpty();

        (await _bed.Sso("DescribeAccountAssignmentCreationStatus", new { _bed.InstanceArn, AccountAssignmentCreationRequestId = Guid.NewGuid().ToString() }))
            .ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Sso("DescribeAccountAssignmentDeletionStatus", new { _bed.InstanceArn, AccountAssignmentDeletionRequestId = (string)outside["RequestId"]! }))
            .ErrorCode.Should().Be("ResourceNotFoundException");
    }

    [Fact]
    public async Task Request_statuses_are_listed_and_filtered()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Lists");
        var user = await _bed.User("dave");
        (await _bed.Assign(ps, user)).EnsureSuccess();
        (await _bed.Assign(ps, user, accountId: SsoTestBed.Outsider)).EnsureSuccess();
        (await _bed.Unassign(ps, user)).EnsureSuccess();

        var all = (await _bed.Sso("ListAccountAssignmentCreationStatus", new { _bed.InstanceArn })).EnsureSuccess().Json["AccountAssignmentsCreationStatus"]!.AsArray();
        all.Select(s => (string)s!["Status"]!).Should().BeEquivalentTo(new[] { "SUCCEEDED", "FAILED" });
        all.Should().AllSatisfy(s => ((string)s!["RequestId"]!).Should().MatchRegex(Uuid));
        var failed = (await _bed.Sso("ListAccountAssignmentCreationStatus", new { _bed.InstanceArn, Filter = new { Status = "FAILED" } })).Json["AccountAssignmentsCreationStatus"]!.AsArray();
        failed.Should().ContainSingle();
        var paged = await _bed.Sso("ListAccountAssignmentCreationStatus", new { _bed.InstanceArn, MaxResults = 1 });
        paged.Json["NextToken"].Should().NotBeNull();
        (await _bed.Sso("ListAccountAssignmentDeletionStatus", new { _bed.InstanceArn })).Json["AccountAssignmentsDeletionStatus"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task ListAccountAssignmentsForPrincipal_answers_the_principals_assignments()
    {
        await _bed.Setup();
        var a = await _bed.PermissionSet("PA");
        var b = await _bed.PermissionSet("PB");
        var user = await _bed.User("erin");
        await _bed.Assign(a, user);
        await _bed.Assign(b, user, accountId: SsoTestBed.Management);
        var all = (await _bed.Sso("ListAccountAssignmentsForPrincipal", new { _bed.InstanceArn, PrincipalId = user, PrincipalType = "USER" })).EnsureSuccess();
        all.Json["AccountAssignments"]!.AsArray().Select(x => ((string)x!["AccountId"]!, (string)x["PermissionSetArn"]!))
            .Should().BeEquivalentTo(new[] { (SsoTestBed.Member, a), (SsoTestBed.Management, b) });
        var filtered = await _bed.Sso("ListAccountAssignmentsForPrincipal", new { _bed.InstanceArn, PrincipalId = user, PrincipalType = "USER", Filter = new { AccountId = SsoTestBed.Management } });
        filtered.Json["AccountAssignments"]!.AsArray().Should().ContainSingle();
        (await _bed.ReservedRolesAsync(SsoTestBed.Management)).Should().ContainSingle();
    }

    [Fact]
    public async Task The_sso_delegated_administrator_manages_member_accounts_but_not_the_management_account()
    {
        await _bed.Setup();
        await _bed.RegisterSsoDelegatedAdministrator(SsoTestBed.Member);
        var ps = await _bed.PermissionSet("Delegated");
        var user = await _bed.User("frank");
        (await _bed.Assign(ps, user, caller: SsoTestBed.Member)).EnsureSuccess();
        (await _bed.Assign(ps, user, accountId: SsoTestBed.Management, caller: SsoTestBed.Member)).ErrorCode.Should().Be("AccessDeniedException");
        (await _bed.Sso("ProvisionPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, TargetType = "AWS_ACCOUNT", TargetId = SsoTestBed.Management }, SsoTestBed.Member))
            .ErrorCode.Should().Be("AccessDeniedException");
        (await _bed.Sso("ListPermissionSets", new { _bed.InstanceArn }, SsoTestBed.Member)).EnsureSuccess();
    }

    [Fact]
    public async Task ProvisionPermissionSet_brings_roles_in_line_with_the_permission_set()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Sync", "PT1H");
        var user = await _bed.User("gina");
        (await _bed.Assign(ps, user)).EnsureSuccess();
        var roleName = (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single().RoleName;

        await _bed.Sso("AttachManagedPolicyToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, ManagedPolicyArn = ReadOnly });
        await _bed.Sso("UpdatePermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, SessionDuration = "PT6H" });
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single().AttachedPolicies.Should().BeEmpty("changes wait for ProvisionPermissionSet");

        var stale = await _bed.Sso("ListAccountsForProvisionedPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, ProvisioningStatus = "LATEST_PERMISSION_SET_NOT_PROVISIONED" });
        stale.Json["AccountIds"]!.AsArray().Select(a => (string)a!).Should().Equal(SsoTestBed.Member);
        (await _bed.Sso("ListPermissionSetsProvisionedToAccount", new { _bed.InstanceArn, AccountId = SsoTestBed.Member, ProvisioningStatus = "LATEST_PERMISSION_SET_PROVISIONED" }))
            .Json["PermissionSets"]!.AsArray().Should().BeEmpty();

        var provisioned = (await _bed.Sso("ProvisionPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, TargetType = "ALL_PROVISIONED_ACCOUNTS" }))
            .EnsureSuccess().Json["PermissionSetProvisioningStatus"]!;
        ((string)provisioned["Status"]!).Should().Be("IN_PROGRESS");
        var described = await _bed.Sso("DescribePermissionSetProvisioningStatus", new { _bed.InstanceArn, ProvisionPermissionSetRequestId = (string)provisioned["RequestId"]! });
        ((string)described.Json["PermissionSetProvisioningStatus"]!["Status"]!).Should().Be("SUCCEEDED");
        ((string)described.Json["PermissionSetProvisioningStatus"]!["PermissionSetArn"]!).Should().Be(ps);

        var role = (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single();
        role.RoleName.Should().Be(roleName);
        role.MaxSessionDuration.Should().Be(6 * 3600);
        role.AttachedPolicies.Select(p => p.PolicyArn).Should().Equal(ReadOnly);
        (await _bed.Sso("ListPermissionSetsProvisionedToAccount", new { _bed.InstanceArn, AccountId = SsoTestBed.Member, ProvisioningStatus = "LATEST_PERMISSION_SET_PROVISIONED" }))
            .Json["PermissionSets"]!.AsArray().Select(a => (string)a!).Should().Equal(ps);
        (await _bed.Sso("ListPermissionSetProvisioningStatus", new { _bed.InstanceArn })).Json["PermissionSetsProvisioningStatus"]!.AsArray().Should().ContainSingle();

        var toManagement = (await _bed.Sso("ProvisionPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, TargetType = "AWS_ACCOUNT", TargetId = SsoTestBed.Management }))
            .EnsureSuccess().Json["PermissionSetProvisioningStatus"]!;
        ((string)toManagement["AccountId"]!).Should().Be(SsoTestBed.Management);
        (await _bed.ReservedRolesAsync(SsoTestBed.Management)).Should().ContainSingle();

        (await _bed.Sso("ProvisionPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, TargetType = "AWS_ACCOUNT" })).ErrorCode.Should().Be("ValidationException");
        (await _bed.Sso("DescribePermissionSetProvisioningStatus", new { _bed.InstanceArn, ProvisionPermissionSetRequestId = Guid.NewGuid().ToString() }))
            .ErrorCode.Should().Be("ResourceNotFoundException");
        var outside = (await _bed.Sso("ProvisionPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, TargetType = "AWS_ACCOUNT", TargetId = SsoTestBed.Outsider }))
            .Json["PermissionSetProvisioningStatus"]!;
        var outsideStatus = await _bed.Sso("DescribePermissionSetProvisioningStatus", new { _bed.InstanceArn, ProvisionPermissionSetRequestId = (string)outside["RequestId"]! });
        ((string)outsideStatus.Json["PermissionSetProvisioningStatus"]!["Status"]!).Should().Be("FAILED");
    }

    [Fact]
    public async Task Deleting_a_directory_user_removes_its_assignments_and_their_roles()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Gone");
        var user = await _bed.User("henry");
        (await _bed.Assign(ps, user)).EnsureSuccess();
        (await _bed.Ids("DeleteUser", new { _bed.IdentityStoreId, UserId = user })).EnsureSuccess();
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().BeEmpty();
        (await _bed.Sso("ListAccountAssignments", new { _bed.InstanceArn, AccountId = SsoTestBed.Member, PermissionSetArn = ps }))
            .Json["AccountAssignments"]!.AsArray().Should().BeEmpty();
    }
}
