using System.Net.Http.Json;
using Emulator.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.SsoAdmin;

/// <summary>
/// An organization (management 111111111111, member 222222222222) with IAM Identity Center enabled through the control
/// plane, plus shortcuts for sso-admin and identitystore calls. 333333333333 is an account outside the organization.
/// </summary>
public sealed class SsoTestBed(string? region = null) : IDisposable
{
    public const string Management = "111111111111";
    public const string Member = "222222222222";
    public const string Outsider = "333333333333";

    private readonly EmulatorFactory _emulator = new();
    private WebApplicationFactory<Program>? _regional;

    /// <summary>The emulator, configured for the given Region when one was named.</summary>
    public WebApplicationFactory<Program> Factory => _regional ??= region is null
        ? _emulator
        : _emulator.WithWebHostBuilder(builder => builder.UseSetting("Emulator:Region", region));

    public AwsClient Client(string accessKeyId) => new(Factory.CreateClient(), accessKeyId);
    public string InstanceArn { get; private set; } = "";
    public string IdentityStoreId { get; private set; } = "";
    public string OrganizationId { get; private set; } = "";

    private readonly Dictionary<string, string> _userNames = [];

    public void Dispose()
    {
        _regional?.Dispose();
        _emulator.Dispose();
    }

    /// <summary>The world this bed was set up with (the shared builder, <see cref="SsoWorld"/>).</summary>
    public SsoWorld World { get; private set; } = null!;

    /// <summary>Creates the organization, invites the member account and enables Identity Center, through <see cref="SsoWorld"/>.</summary>
    public async Task<SsoTestBed> Setup()
    {
        World = await SsoWorld.CreateAsync(Factory.CreateClient(), Management, invitedMemberAccountId: Member, withUser: false);
        OrganizationId = World.OrganizationId;
        InstanceArn = World.InstanceArn;
        IdentityStoreId = World.IdentityStoreId;
        return this;
    }

    /// <summary>Invites the account into the organization and accepts the invitation (Organizations API).</summary>
    public Task AddMember(string accountId) => SsoWorld.Invite(Client(Management), accountId);

    public Task<AwsAnswer> Sso(string operation, object input, string caller = Management) =>
        Client(caller).Json("SWBExternalService", operation, input, "sso");

    public Task<AwsAnswer> Ids(string operation, object input, string caller = Management) =>
        Client(caller).Json("AWSIdentityStore", operation, input, "identitystore");

    public Task<AwsAnswer> Organizations(string operation, object? input = null, string caller = Management) =>
        Client(caller).Organizations(operation, input);

    public async Task<string> User(string userName)
    {
        var answer = (await Ids("CreateUser", new
        {
            IdentityStoreId, UserName = userName, DisplayName = userName,
            Name = new { GivenName = userName, FamilyName = "Tester" },
            Emails = new[] { new { Value = $"{userName}@example.com", Type = "work", Primary = true } },
        })).EnsureSuccess();
        var userId = (string)answer.Json["UserId"]!;
        _userNames[userId] = userName;
        return userId;
    }

    public async Task<string> Group(string displayName) =>
        (string)(await Ids("CreateGroup", new { IdentityStoreId, DisplayName = displayName })).EnsureSuccess().Json["GroupId"]!;

    public async Task<string> PermissionSet(string name, string? sessionDuration = null) =>
        (string)(await Sso("CreatePermissionSet", new { InstanceArn, Name = name, SessionDuration = sessionDuration ?? "PT2H" }))
            .EnsureSuccess().Json["PermissionSet"]!["PermissionSetArn"]!;

    public async Task<AwsAnswer> Assign(string permissionSetArn, string principalId, string accountId = Member, string principalType = "USER", string caller = Management) =>
        await Sso("CreateAccountAssignment", new
        {
            InstanceArn, TargetId = accountId, TargetType = "AWS_ACCOUNT", PermissionSetArn = permissionSetArn,
            PrincipalType = principalType, PrincipalId = principalId,
        }, caller);

    public async Task<AwsAnswer> Unassign(string permissionSetArn, string principalId, string accountId = Member, string principalType = "USER") =>
        await Sso("DeleteAccountAssignment", new
        {
            InstanceArn, TargetId = accountId, TargetType = "AWS_ACCOUNT", PermissionSetArn = permissionSetArn,
            PrincipalType = principalType, PrincipalId = principalId,
        });

    /// <summary>The AWSReservedSSO_* roles of an account as its root user sees them through IAM (ListRoles, GetRole, ListAttachedRolePolicies).</summary>
    public async Task<List<ReservedRole>> ReservedRolesAsync(string accountId)
    {
        var iam = Client(accountId);
        var names = (await iam.Iam("ListRoles", ("PathPrefix", "/aws-reserved/"), ("MaxItems", "1000"))).EnsureSuccess()
            .XmlValues("RoleName").Where(n => n.StartsWith("AWSReservedSSO_", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var roles = new List<ReservedRole>();
        foreach (var name in names)
        {
            var role = (await iam.Iam("GetRole", ("RoleName", name))).EnsureSuccess();
            var attached = (await iam.Iam("ListAttachedRolePolicies", ("RoleName", name))).EnsureSuccess().Xml
                .Descendants().Where(e => e.Name.LocalName == "member")
                .Select(m => (Child(m, "PolicyName"), Child(m, "PolicyArn"))).ToList();
            var inline = new Dictionary<string, string>();
            foreach (var policyName in (await iam.Iam("ListRolePolicies", ("RoleName", name))).EnsureSuccess().XmlValues("member"))
                inline[policyName] = Uri.UnescapeDataString((await iam.Iam("GetRolePolicy", ("RoleName", name), ("PolicyName", policyName)))
                    .EnsureSuccess().XmlValue("PolicyDocument")!);
            roles.Add(new ReservedRole(name, role.XmlValue("RoleId")!, role.XmlValue("Path")!, role.XmlValue("Arn")!,
                int.Parse(role.XmlValue("MaxSessionDuration")!), Uri.UnescapeDataString(role.XmlValue("AssumeRolePolicyDocument")!), attached, inline,
                role.XmlValue("PermissionsBoundaryArn")));
        }
        return roles;
    }

    private static string Child(System.Xml.Linq.XElement element, string name) =>
        element.Elements().First(e => e.Name.LocalName == name).Value;

    /// <summary>
    /// What the user reaches in the AWS access portal: signs in the way the AWS CLI does (SSO OIDC device flow, approved
    /// with a password set through the control plane), then lists every account and its roles with the portal API.
    /// </summary>
    public async Task<PortalView> Portal(string userId)
    {
        var http = Factory.CreateClient();
        if (!_userNames.TryGetValue(userId, out var userName))
            userName = (string)(await Ids("DescribeUser", new { IdentityStoreId, UserId = userId })).EnsureSuccess().Json["UserName"]!;
        var password = await http.PostAsJsonAsync("/_emulator/sso/users", new { identityStoreId = IdentityStoreId, userName, password = PortalPassword });
        if (!password.IsSuccessStatusCode) return new PortalView($"sign-in refused: {(int)password.StatusCode}", []);
        return await (await PortalSession.SignInAsync(http, StartUrl, userName, PortalPassword)).ViewAsync();
    }

    private const string PortalPassword = "Test-Bed-Portal-1";

    private string StartUrl => $"https://{IdentityStoreId}.awsapps.com/start";

    /// <summary>True when the directory user signs in with this password (the device flow's approval through the control plane).</summary>
    public async Task<bool> CanSignIn(string userName, string password) =>
        (await PortalSession.SignInAsync(Factory.CreateClient(), StartUrl, userName, password)).Refusal is null;

    public async Task RegisterSsoDelegatedAdministrator(string accountId) =>
        (await Organizations("RegisterDelegatedAdministrator", new { AccountId = accountId, ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();
}

/// <summary>An AWSReservedSSO_* role as IAM answers it (GetRole, ListAttachedRolePolicies, ListRolePolicies/GetRolePolicy).</summary>
public sealed record ReservedRole(string RoleName, string RoleId, string Path, string Arn, int MaxSessionDuration,
    string AssumeRolePolicyDocument, IReadOnlyList<(string PolicyName, string PolicyArn)> AttachedPolicies, IReadOnlyDictionary<string, string> InlinePolicies,
    string? PermissionsBoundaryArn);
