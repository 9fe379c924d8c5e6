using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Services.Iam;
using Emulator.State;
using Emulator.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    public StateStore Store => Factory.Services.GetRequiredService<StateStore>();

    public void Dispose()
    {
        _regional?.Dispose();
        _emulator.Dispose();
    }

    /// <summary>Creates the organization, puts the member account in it and enables Identity Center.</summary>
    public async Task<SsoTestBed> Setup()
    {
        var organization = (await Client(Management).Organizations("CreateOrganization", new { FeatureSet = "ALL" })).EnsureSuccess();
        OrganizationId = (string)organization.Json["Organization"]!["Id"]!;
        await AddMember(Member);
        var setup = await Factory.CreateClient().PostAsJsonAsync("/_emulator/sso/setup", new { accountId = Management });
        setup.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await setup.Content.ReadAsStringAsync())!;
        InstanceArn = (string)body["instanceArn"]!;
        IdentityStoreId = (string)body["identityStoreId"]!;
        return this;
    }

    /// <summary>Invites the account into the organization and accepts the invitation (Organizations API).</summary>
    public async Task AddMember(string accountId)
    {
        var invite = (await Organizations("InviteAccountToOrganization", new { Target = new { Type = "ACCOUNT", Id = accountId } })).EnsureSuccess();
        var handshakeId = (string)invite.Json["Handshake"]!["Id"]!;
        (await Organizations("AcceptHandshake", new { HandshakeId = handshakeId }, accountId)).EnsureSuccess();
    }

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
        return (string)answer.Json["UserId"]!;
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

    /// <summary>The AWSReservedSSO_* roles of an account, read from the store.</summary>
    public List<RoleDoc> ReservedRoles(string accountId) =>
        Store.Read(tx => tx.Roles.Find(r => r.AccountId == accountId).Where(r => r.RoleName.StartsWith("AWSReservedSSO_")).ToList());

    public async Task RegisterSsoDelegatedAdministrator(string accountId) =>
        (await Organizations("RegisterDelegatedAdministrator", new { AccountId = accountId, ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();
}
