using System.Net;
using Emulator.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Authorization;

/// <summary>Enforcement through the endpoint: AWS's denial codes and messages per protocol, each policy kind, the switch.</summary>
public sealed class EnforcementTests : IDisposable
{
    private const string Account = "111111111111";
    private const string Admin = "arn:aws:iam::aws:policy/AdministratorAccess";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _root;

    public EnforcementTests() => _root = _factory.Client(Account);

    public void Dispose() => _factory.Dispose();

    /// <summary>An IAM user with these managed policies (and boundary); answers a client signing with its key.</summary>
    private async Task<AwsClient> User(string name, string[] policies, string? boundary = null)
    {
        (await _root.Iam("CreateUser", boundary is null ? [("UserName", name)] : [("UserName", name), ("PermissionsBoundary", boundary)])).EnsureSuccess();
        foreach (var policy in policies) (await _root.Iam("AttachUserPolicy", ("UserName", name), ("PolicyArn", policy))).EnsureSuccess();
        return _root.As((await _root.Iam("CreateAccessKey", ("UserName", name))).EnsureSuccess().XmlValue("AccessKeyId")!);
    }

    [Fact]
    public async Task A_user_without_policies_gets_IAMs_AccessDenied_with_the_identity_policy_reason()
    {
        await CreateRole(_root, "app");
        var bob = await User("bob", []);
        var answer = await bob.Iam("GetRole", ("RoleName", "app"));
        answer.Status.Should().Be(HttpStatusCode.Forbidden);
        answer.ErrorCode.Should().Be("AccessDenied");
        answer.XmlValue("Message").Should().Be($"User: arn:aws:iam::{Account}:user/bob is not authorized to perform: iam:GetRole on resource: role app because no identity-based policy allows the iam:GetRole action");
    }

    [Fact]
    public async Task JSON_services_answer_AccessDeniedException_with_the_resource_arn()
    {
        (await _root.Organizations("CreateOrganization", new { FeatureSet = "ALL" })).EnsureSuccess();
        var reader = await User("reader", ["arn:aws:iam::aws:policy/IAMReadOnlyAccess"]);
        var answer = await reader.Organizations("ListAccounts");
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("AccessDeniedException");
        answer.ErrorMessage.Should().Be($"User: arn:aws:iam::{Account}:user/reader is not authorized to perform: organizations:ListAccounts on resource: * because no identity-based policy allows the organizations:ListAccounts action");
        (await reader.Iam("ListRoles")).EnsureSuccess();
    }

    [Fact]
    public async Task An_explicit_deny_in_an_identity_policy_wins_over_AdministratorAccess()
    {
        await CreateRole(_root, "keep");
        (await _root.Iam("CreateUser", ("UserName", "ops"))).EnsureSuccess();
        (await _root.Iam("AttachUserPolicy", ("UserName", "ops"), ("PolicyArn", Admin))).EnsureSuccess();
        (await _root.Iam("PutRolePolicy", ("RoleName", "keep"), ("PolicyName", "x"), ("PolicyDocument", AllowAll))).EnsureSuccess();
        (await _root.Iam("PutUserPolicy", ("UserName", "ops"), ("PolicyName", "NoDelete"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"iam:Delete*","Resource":"*"}}"""))).EnsureSuccess();
        var ops = _root.As((await _root.Iam("CreateAccessKey", ("UserName", "ops"))).XmlValue("AccessKeyId")!);
        (await ops.Iam("DeleteRolePolicy", ("RoleName", "keep"), ("PolicyName", "x"))).XmlValue("Message")
            .Should().Be($"User: arn:aws:iam::{Account}:user/ops is not authorized to perform: iam:DeleteRolePolicy on resource: role keep with an explicit deny in an identity-based policy");
        (await ops.Iam("GetRolePolicy", ("RoleName", "keep"), ("PolicyName", "x"))).EnsureSuccess();
    }

    [Fact]
    public async Task A_permissions_boundary_caps_an_admin_user()
    {
        var capped = await User("capped", [Admin], boundary: "arn:aws:iam::aws:policy/ReadOnlyAccess");
        (await capped.Iam("ListRoles")).EnsureSuccess();
        var create = await capped.Iam("CreateRole", ("RoleName", "x"), ("AssumeRolePolicyDocument", TrustLambda));
        create.ErrorCode.Should().Be("AccessDenied");
        create.XmlValue("Message").Should().Be($"User: arn:aws:iam::{Account}:user/capped is not authorized to perform: iam:CreateRole on resource: role x because no permissions boundary allows the iam:CreateRole action");
    }

    [Fact]
    public async Task A_PowerUserAccess_role_cannot_change_IAM()
    {
        var admin = await User("admin", [Admin]);
        await CreateRole(_root, "power", TrustAccount(Account));
        (await _root.Iam("AttachRolePolicy", ("RoleName", "power"), ("PolicyArn", "arn:aws:iam::aws:policy/PowerUserAccess"))).EnsureSuccess();
        var assumed = (await admin.Sts("AssumeRole", ("RoleArn", $"arn:aws:iam::{Account}:role/power"), ("RoleSessionName", "dev"))).EnsureSuccess();
        var power = _root.As(assumed.XmlValue("AccessKeyId")!, assumed.XmlValue("SessionToken"));

        var delete = await power.Iam("DeleteRole", ("RoleName", "power"));
        delete.ErrorCode.Should().Be("AccessDenied");
        delete.XmlValue("Message").Should().Be($"User: arn:aws:sts::{Account}:assumed-role/power/dev is not authorized to perform: iam:DeleteRole on resource: role power because no identity-based policy allows the iam:DeleteRole action");
        (await power.Iam("CreateUser", ("UserName", "sneaky"))).ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task A_session_policy_caps_the_role_session()
    {
        var admin = await User("admin", [Admin]);
        await CreateRole(_root, "ops", TrustAccount(Account));
        (await _root.Iam("PutRolePolicy", ("RoleName", "ops"), ("PolicyName", "all"), ("PolicyDocument", AllowAll))).EnsureSuccess();
        var assumed = (await admin.Sts("AssumeRole", ("RoleArn", $"arn:aws:iam::{Account}:role/ops"), ("RoleSessionName", "sess"),
            ("Policy", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}}"""))).EnsureSuccess();
        var session = _root.As(assumed.XmlValue("AccessKeyId")!, assumed.XmlValue("SessionToken"));
        (await session.Iam("GetRole", ("RoleName", "ops"))).EnsureSuccess();
        (await session.Iam("ListRoles")).XmlValue("Message").Should().EndWith("because no session policy allows the iam:ListRoles action");
    }

    [Fact]
    public async Task A_trust_policy_ExternalId_condition_is_evaluated()
    {
        var admin = await User("admin", [Admin]);
        await CreateRole(_root, "vendor", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"ACCOUNT"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"secret-42"}}}}""".Replace("ACCOUNT", Account));
        var roleArn = $"arn:aws:iam::{Account}:role/vendor";
        var without = await admin.Sts("AssumeRole", ("RoleArn", roleArn), ("RoleSessionName", "sess"));
        without.ErrorCode.Should().Be("AccessDenied");
        without.XmlValue("Message").Should().Be($"User: arn:aws:iam::{Account}:user/admin is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        (await admin.Sts("AssumeRole", ("RoleArn", roleArn), ("RoleSessionName", "sess"), ("ExternalId", "wrong-1"))).ErrorCode.Should().Be("AccessDenied");
        (await admin.Sts("AssumeRole", ("RoleArn", roleArn), ("RoleSessionName", "sess"), ("ExternalId", "secret-42"))).EnsureSuccess();
    }

    [Fact]
    public async Task A_trust_policy_naming_the_account_needs_the_callers_own_sts_permission()
    {
        var reader = await User("reader", ["arn:aws:iam::aws:policy/IAMReadOnlyAccess"]);
        await CreateRole(_root, "target", TrustAccount(Account));
        var answer = await reader.Sts("AssumeRole", ("RoleArn", $"arn:aws:iam::{Account}:role/target"), ("RoleSessionName", "sess"));
        answer.XmlValue("Message").Should().Be($"User: arn:aws:iam::{Account}:user/reader is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::{Account}:role/target because no identity-based policy allows the sts:AssumeRole action");
    }

    [Fact]
    public async Task NotPrincipal_in_a_trust_policy_is_evaluated()
    {
        var admin = await User("admin", [Admin]);
        var other = await User("other", [Admin]);
        await CreateRole(_root, "guarded", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{Account}}"},"Action":"sts:AssumeRole"},{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::{{Account}}:user/admin"},"Action":"sts:AssumeRole"}]}""");
        var roleArn = $"arn:aws:iam::{Account}:role/guarded";
        (await admin.Sts("AssumeRole", ("RoleArn", roleArn), ("RoleSessionName", "sess"))).EnsureSuccess();
        (await other.Sts("AssumeRole", ("RoleArn", roleArn), ("RoleSessionName", "sess"))).ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task Root_is_allowed_everything_in_its_account_and_GetCallerIdentity_needs_no_policy()
    {
        await CreateRole(_root, "any");
        (await _root.Iam("DeleteRole", ("RoleName", "any"))).EnsureSuccess();
        var nobody = await User("nobody", []);
        (await nobody.Sts("GetCallerIdentity")).EnsureSuccess().XmlValue("Arn").Should().Be($"arn:aws:iam::{Account}:user/nobody");
    }

    [Fact]
    public async Task An_Identity_Center_user_with_ViewOnlyAccess_can_list_but_not_delete()
    {
        using var http = _factory.CreateClient();
        var world = await SsoWorld.CreateAsync(http);
        var roleName = await world.Assign(world.MemberAccountId, "ViewOnly");
        var permissionSetArn = (string)(await world.Management.Json("SWBExternalService", "ListPermissionSetsProvisionedToAccount",
            new { world.InstanceArn, AccountId = world.MemberAccountId }, "sso")).EnsureSuccess().Json["PermissionSets"]!.AsArray().Single()!;
        (await world.Management.Json("SWBExternalService", "AttachManagedPolicyToPermissionSet", new
            { world.InstanceArn, PermissionSetArn = permissionSetArn, ManagedPolicyArn = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess" }, "sso")).EnsureSuccess();
        (await world.Management.Json("SWBExternalService", "ProvisionPermissionSet", new
            { world.InstanceArn, PermissionSetArn = permissionSetArn, TargetType = "ALL_PROVISIONED_ACCOUNTS" }, "sso")).EnsureSuccess();
        var portal = await PortalSession.SignInAsync(http, world.StartUrl, SsoWorld.UserName, SsoWorld.Password);
        var alice = await portal.RoleCredentialsAsync(world.MemberAccountId, "ViewOnly");
        var sessionArn = $"arn:aws:sts::{world.MemberAccountId}:assumed-role/{roleName}/alice";

        (await alice.Iam("ListRoles")).EnsureSuccess();
        var delete = await alice.Iam("DeleteRole", ("RoleName", "OrganizationAccountAccessRole"));
        delete.ErrorCode.Should().Be("AccessDenied");
        delete.XmlValue("Message").Should().Be($"User: {sessionArn} is not authorized to perform: iam:DeleteRole on resource: role OrganizationAccountAccessRole because no identity-based policy allows the iam:DeleteRole action");
    }
}

/// <summary>--no-enforce-iam: policies are not evaluated (the emulator's behaviour before enforcement existed).</summary>
public sealed class EnforcementSwitchTests : IDisposable
{
    private sealed class UnenforcedFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Emulator:InMemory", "true");
            builder.UseSetting("Emulator:EnforceIam", "false");
        }
    }

    private readonly UnenforcedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task With_enforcement_off_a_user_without_policies_is_not_denied()
    {
        var root = new AwsClient(_factory.CreateClient(), "111111111111");
        (await root.Iam("CreateUser", ("UserName", "bob"))).EnsureSuccess();
        var bob = root.As((await root.Iam("CreateAccessKey", ("UserName", "bob"))).XmlValue("AccessKeyId")!);
        (await bob.Iam("ListRoles")).EnsureSuccess();
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--no-enforce-iam" }, false)]
    [InlineData(new[] { "--enforce-iam" }, true)]
    [InlineData(new[] { "--enforce-iam", "false" }, false)]
    public void The_command_line_switch(string[] args, bool enforced)
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(Emulator.Hosting.EmulatorOptions.NormalizeArgs(args), Emulator.Hosting.EmulatorOptions.SwitchMappings.ToDictionary()).Build();
        Emulator.Hosting.EmulatorOptions.From(configuration).EnforceIam.Should().Be(enforced);
    }
}
