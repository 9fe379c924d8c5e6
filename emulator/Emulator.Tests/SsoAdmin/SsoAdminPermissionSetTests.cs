namespace Emulator.Tests.SsoAdmin;

/// <summary>Permission sets and their policies.</summary>
public sealed class SsoAdminPermissionSetTests : IDisposable
{
    private const string ReadOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private const string Billing = "arn:aws:iam::aws:policy/job-function/Billing";
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""";

    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task CreatePermissionSet_answers_the_permission_set_with_an_AWS_shaped_arn()
    {
        await _bed.Setup();
        var created = (await _bed.Sso("CreatePermissionSet", new
        {
            _bed.InstanceArn, Name = "Admins", Description = "admins", SessionDuration = "PT4H", RelayState = "https://console.aws.amazon.com/",
            Tags = new[] { new { Key = "team", Value = "ops" } },
        })).EnsureSuccess().Json["PermissionSet"]!;
        var instanceId = _bed.InstanceArn.Split('/')[1];
        ((string)created["PermissionSetArn"]!).Should().MatchRegex($"^arn:aws:sso:::permissionSet/{instanceId}/ps-[0-9a-f]{{16}}$");
        ((string)created["Name"]!).Should().Be("Admins");
        ((string)created["SessionDuration"]!).Should().Be("PT4H");
        ((string)created["RelayState"]!).Should().Be("https://console.aws.amazon.com/");
        created["CreatedDate"]!.GetValue<double>().Should().BeGreaterThan(1_600_000_000);

        var described = (await _bed.Sso("DescribePermissionSet", new { _bed.InstanceArn, PermissionSetArn = (string)created["PermissionSetArn"]! })).EnsureSuccess();
        ((string)described.Json["PermissionSet"]!["Description"]!).Should().Be("admins");

        var defaulted = (await _bed.Sso("CreatePermissionSet", new { _bed.InstanceArn, Name = "Plain" })).Json["PermissionSet"]!;
        ((string)defaulted["SessionDuration"]!).Should().Be("PT1H");
    }

    [Fact]
    public async Task Permission_set_errors_are_AWS_shaped()
    {
        await _bed.Setup();
        await _bed.PermissionSet("Dup");
        (await _bed.Sso("CreatePermissionSet", new { _bed.InstanceArn, Name = "Dup" })).ErrorCode.Should().Be("ConflictException");
        (await _bed.Sso("CreatePermissionSet", new { _bed.InstanceArn, Name = "Long", SessionDuration = "PT13H" })).ErrorCode.Should().Be("ValidationException");
        (await _bed.Sso("CreatePermissionSet", new { _bed.InstanceArn, Name = "bad name" })).ErrorCode.Should().Be("ValidationException");
        (await _bed.Sso("CreatePermissionSet", new { _bed.InstanceArn, Name = "Member" }, SsoTestBed.Member)).ErrorCode.Should().Be("AccessDeniedException");

        var unknown = _bed.InstanceArn.Replace(":instance/", ":permissionSet/") + "/ps-0000000000000000";
        var missing = await _bed.Sso("DescribePermissionSet", new { _bed.InstanceArn, PermissionSetArn = unknown });
        missing.ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Sso("DeletePermissionSet", new { _bed.InstanceArn, PermissionSetArn = unknown })).ErrorCode.Should().Be("ResourceNotFoundException");
    }

    [Fact]
    public async Task UpdatePermissionSet_changes_the_given_members_only()
    {
        await _bed.Setup();
        var arn = await _bed.PermissionSet("Dev", "PT2H");
        (await _bed.Sso("UpdatePermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, SessionDuration = "PT8H", Description = "developers" })).EnsureSuccess();
        var ps = (await _bed.Sso("DescribePermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn })).Json["PermissionSet"]!;
        ((string)ps["SessionDuration"]!).Should().Be("PT8H");
        ((string)ps["Description"]!).Should().Be("developers");
        ((string)ps["Name"]!).Should().Be("Dev");
        (await _bed.Sso("UpdatePermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, SessionDuration = "PT30M" })).ErrorCode.Should().Be("ValidationException");
    }

    [Fact]
    public async Task ListPermissionSets_pages_and_DeletePermissionSet_removes()
    {
        await _bed.Setup();
        var arns = new[] { await _bed.PermissionSet("A"), await _bed.PermissionSet("B"), await _bed.PermissionSet("C") };
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = (await _bed.Sso("ListPermissionSets", token is null ? new { _bed.InstanceArn, MaxResults = 2 } : (object)new { _bed.InstanceArn, MaxResults = 2, NextToken = token })).EnsureSuccess();
            seen.AddRange(page.Json["PermissionSets"]!.AsArray().Select(a => (string)a!));
            token = (string?)page.Json["NextToken"];
        } while (token is not null);
        seen.Should().BeEquivalentTo(arns);

        (await _bed.Sso("DeletePermissionSet", new { _bed.InstanceArn, PermissionSetArn = arns[0] })).EnsureSuccess();
        (await _bed.Sso("ListPermissionSets", new { _bed.InstanceArn })).Json["PermissionSets"]!.AsArray().Select(a => (string)a!)
            .Should().BeEquivalentTo(arns[1..]);
    }

    [Fact]
    public async Task A_permission_set_in_use_cannot_be_deleted()
    {
        await _bed.Setup();
        var arn = await _bed.PermissionSet("Used");
        var user = await _bed.User("u1");
        (await _bed.Assign(arn, user)).EnsureSuccess();
        (await _bed.Sso("DeletePermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn })).ErrorCode.Should().Be("ConflictException");
        (await _bed.Unassign(arn, user)).EnsureSuccess();
        (await _bed.Sso("DeletePermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn })).EnsureSuccess();
    }

    [Fact]
    public async Task Deleting_a_permission_set_provisioned_without_assignments_removes_its_roles()
    {
        await _bed.Setup();
        var arn = await _bed.PermissionSet("Bare");
        (await _bed.Sso("ProvisionPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, TargetType = "AWS_ACCOUNT", TargetId = SsoTestBed.Member })).EnsureSuccess();
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().ContainSingle();
        (await _bed.Sso("DeletePermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn })).EnsureSuccess();
        (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Should().BeEmpty();
    }

    [Fact]
    public async Task Managed_policies_attach_list_and_detach()
    {
        await _bed.Setup();
        var arn = await _bed.PermissionSet("Ops");
        (await _bed.Sso("AttachManagedPolicyToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, ManagedPolicyArn = ReadOnly })).EnsureSuccess();
        (await _bed.Sso("AttachManagedPolicyToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, ManagedPolicyArn = Billing })).EnsureSuccess();
        (await _bed.Sso("AttachManagedPolicyToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, ManagedPolicyArn = ReadOnly }))
            .ErrorCode.Should().Be("ConflictException");
        (await _bed.Sso("AttachManagedPolicyToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, ManagedPolicyArn = "arn:aws:iam::123456789012:policy/Mine" }))
            .ErrorCode.Should().Be("ValidationException");

        var listed = (await _bed.Sso("ListManagedPoliciesInPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn })).Json["AttachedManagedPolicies"]!.AsArray();
        listed.Select(p => ((string)p!["Arn"]!, (string)p["Name"]!)).Should().BeEquivalentTo(new[] { (ReadOnly, "ReadOnlyAccess"), (Billing, "Billing") });

        var paged = await _bed.Sso("ListManagedPoliciesInPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, MaxResults = 1 });
        paged.Json["AttachedManagedPolicies"]!.AsArray().Should().ContainSingle();
        paged.Json["NextToken"].Should().NotBeNull();

        (await _bed.Sso("DetachManagedPolicyFromPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, ManagedPolicyArn = ReadOnly })).EnsureSuccess();
        (await _bed.Sso("DetachManagedPolicyFromPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, ManagedPolicyArn = ReadOnly }))
            .ErrorCode.Should().Be("ResourceNotFoundException");
        (await _bed.Sso("ListManagedPoliciesInPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn })).Json["AttachedManagedPolicies"]!.AsArray()
            .Should().ContainSingle();
    }

    [Fact]
    public async Task The_inline_policy_is_put_read_and_deleted()
    {
        await _bed.Setup();
        var arn = await _bed.PermissionSet("Inline");
        ((string)(await _bed.Sso("GetInlinePolicyForPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn })).Json["InlinePolicy"]!).Should().BeEmpty();
        (await _bed.Sso("PutInlinePolicyToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, InlinePolicy = Policy })).EnsureSuccess();
        ((string)(await _bed.Sso("GetInlinePolicyForPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn })).Json["InlinePolicy"]!).Should().Be(Policy);
        (await _bed.Sso("PutInlinePolicyToPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn, InlinePolicy = "{not json" }))
            .ErrorCode.Should().Be("ValidationException");
        (await _bed.Sso("DeleteInlinePolicyFromPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn })).EnsureSuccess();
        ((string)(await _bed.Sso("GetInlinePolicyForPermissionSet", new { _bed.InstanceArn, PermissionSetArn = arn })).Json["InlinePolicy"]!).Should().BeEmpty();
    }
}
