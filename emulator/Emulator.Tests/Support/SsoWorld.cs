using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Iam;

namespace Emulator.Tests.Support;

/// <summary>
/// An organization with IAM Identity Center set up: a management and a member account, an organization instance, a
/// directory user with a password, and permission sets assigned to the user — all through the public APIs
/// (Organizations, identitystore, sso-admin, IAM) and the control plane (POST /_emulator/sso/setup, POST /_emulator/sso/users);
/// it never reads or writes the emulator's store.
/// </summary>
public sealed class SsoWorld
{
    public const string UserName = "alice";
    public const string Password = "Correct-Horse-42";

    private SsoWorld(AwsClient management, Uri endpoint) { Management = management; Endpoint = endpoint; }

    public AwsClient Management { get; }
    public Uri Endpoint { get; }
    public string ManagementAccountId { get; private set; } = "";
    public string MemberAccountId { get; private set; } = "";
    public string OrganizationId { get; private set; } = "";
    public string InstanceArn { get; private set; } = "";
    public string IdentityStoreId { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string StartUrl => new Uri(Endpoint, $"start/{IdentityStoreId}").ToString();

    /// <param name="http">An HttpClient whose BaseAddress is the emulator.</param>
    /// <param name="invitedMemberAccountId">A member account to invite (InviteAccountToOrganization + AcceptHandshake);
    /// null creates one with CreateAccount.</param>
    /// <param name="withUser">Whether to create the directory user <see cref="UserName"/> with <see cref="Password"/>.</param>
    public static async Task<SsoWorld> CreateAsync(HttpClient http, string managementAccountId = "111111111111",
        string? invitedMemberAccountId = null, bool withUser = true)
    {
        var management = new AwsClient(http, managementAccountId);
        var world = new SsoWorld(management, http.BaseAddress!) { ManagementAccountId = managementAccountId };
        var organization = (await management.Organizations("CreateOrganization", new { FeatureSet = "ALL" })).EnsureSuccess().Json;
        world.OrganizationId = (string)organization["Organization"]!["Id"]!;

        if (invitedMemberAccountId is null) world.MemberAccountId = await world.AddMemberAccount("Sandbox");
        else await world.InviteMemberAccount(world.MemberAccountId = invitedMemberAccountId);
        var setup = await http.PostAsJsonAsync("/_emulator/sso/setup", new { accountId = managementAccountId });
        setup.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await setup.Content.ReadAsStringAsync())!;
        world.InstanceArn = (string)body["instanceArn"]!;
        world.IdentityStoreId = (string)body["identityStoreId"]!;
        if (withUser) world.UserId = await world.AddUser(UserName, Password);
        return world;
    }

    /// <summary>Invites the account into the organization and accepts the invitation as that account (Organizations API).</summary>
    public Task InviteMemberAccount(string accountId) => Invite(Management, accountId);

    /// <summary>InviteAccountToOrganization as <paramref name="management"/>, accepted by the account.</summary>
    public static async Task Invite(AwsClient management, string accountId)
    {
        var invite = (await management.Organizations("InviteAccountToOrganization", new { Target = new { Type = "ACCOUNT", Id = accountId } })).EnsureSuccess();
        var handshakeId = (string)invite.Json["Handshake"]!["Id"]!;
        (await management.As(accountId).Organizations("AcceptHandshake", new { HandshakeId = handshakeId })).EnsureSuccess();
    }

    /// <summary>A new account of the organization, through Organizations CreateAccount.</summary>
    public async Task<string> AddMemberAccount(string name)
    {
        var created = (await Management.Organizations("CreateAccount", new { AccountName = name, Email = $"{Guid.NewGuid():N}@example.com" }))
            .EnsureSuccess().Json;
        var status = (await Management.Organizations("DescribeCreateAccountStatus",
            new { CreateAccountRequestId = (string)created["CreateAccountStatus"]!["Id"]! })).EnsureSuccess().Json;
        var state = (string)status["CreateAccountStatus"]!["State"]!;
        if (state != "SUCCEEDED") throw new InvalidOperationException($"CreateAccount {name}: {status}");
        return (string)status["CreateAccountStatus"]!["AccountId"]!;
    }

    /// <summary>identitystore CreateUser, then a password through POST /_emulator/sso/users.</summary>
    public async Task<string> AddUser(string userName, string password)
    {
        var created = (await Management.Json("AWSIdentityStore", "CreateUser", new
        {
            IdentityStoreId, UserName = userName, DisplayName = userName,
            Name = new { GivenName = userName, FamilyName = "Tester" },
            Emails = new[] { new { Value = $"{userName}@example.com", Type = "work", Primary = true } },
        }, "identitystore")).EnsureSuccess().Json;
        var userId = (string)created["UserId"]!;
        var setPassword = await Management.Http.PostAsJsonAsync("/_emulator/sso/users", new { identityStoreId = IdentityStoreId, userName, password });
        setPassword.EnsureSuccessStatusCode();
        return userId;
    }

    private readonly Dictionary<string, string> _permissionSets = [];

    /// <summary>Assigns the permission set (created on first use) to the user in the account (sso-admin), which provisions its AWSReservedSSO_* role.</summary>
    /// <param name="userId">The principal: a user id, or a group id with <paramref name="principalType"/> GROUP.</param>
    /// <returns>The role's name, AWSReservedSSO_&lt;ps&gt;_&lt;16 hex&gt;.</returns>
    public async Task<string> Assign(string accountId, string permissionSetName, string? userId = null, string sessionDuration = "PT2H",
        string principalType = "USER")
    {
        if (!_permissionSets.TryGetValue(permissionSetName, out var permissionSetArn))
        {
            permissionSetArn = (string)(await SsoAdmin("CreatePermissionSet", new { InstanceArn, Name = permissionSetName, SessionDuration = sessionDuration }))
                .Json["PermissionSet"]!["PermissionSetArn"]!;
            _permissionSets[permissionSetName] = permissionSetArn;
        }
        var status = (await SsoAdmin("CreateAccountAssignment", new
        {
            InstanceArn, TargetId = accountId, TargetType = "AWS_ACCOUNT", PermissionSetArn = permissionSetArn,
            PrincipalType = principalType, PrincipalId = userId ?? UserId,
        })).Json["AccountAssignmentCreationStatus"]!;
        var requestId = (string)status["RequestId"]!;
        for (var i = 0; i < 20 && (string)status["Status"]! == "IN_PROGRESS"; i++)
            status = (await SsoAdmin("DescribeAccountAssignmentCreationStatus",
                new { InstanceArn, AccountAssignmentCreationRequestId = requestId })).Json["AccountAssignmentCreationStatus"]!;
        if ((string)status["Status"]! != "SUCCEEDED") throw new InvalidOperationException($"CreateAccountAssignment: {status}");
        return (await ReservedRoleNames(accountId)).Single(n => n.StartsWith($"AWSReservedSSO_{permissionSetName}_", StringComparison.Ordinal));
    }

    /// <summary>The account's AWSReservedSSO_* roles (IAM ListRoles under /aws-reserved/), by name.</summary>
    public async Task<List<string>> ReservedRoleNames(string accountId) =>
        (await Management.As(accountId).Iam("ListRoles", ("PathPrefix", "/aws-reserved/"), ("MaxItems", "1000"))).EnsureSuccess()
            .XmlValues("RoleName").Where(n => n.StartsWith("AWSReservedSSO_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    private async Task<AwsAnswer> SsoAdmin(string operation, object input) =>
        (await Management.Json("SWBExternalService", operation, input, "sso")).EnsureSuccess();

    public async Task EnableTrustedAccess() =>
        (await Management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();

    public async Task DisableTrustedAccess() =>
        (await Management.Organizations("DisableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();

    public async Task RemoveAccount(string accountId) =>
        (await Management.Organizations("RemoveAccountFromOrganization", new { AccountId = accountId })).EnsureSuccess();

}
