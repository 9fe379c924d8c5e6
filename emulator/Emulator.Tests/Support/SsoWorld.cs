using Emulator.Core;
using Emulator.Services.Iam;
using Emulator.Services.Sso;
using Emulator.State;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests.Support;

/// <summary>
/// An organization with IAM Identity Center set up: a management and a member account, an organization instance, a
/// directory user with a password, and permission sets assigned to the user. The organization and trusted access go
/// through the Organizations API; the Identity Center parts are written straight into the store until the sso-admin /
/// identitystore APIs exist (then only <see cref="CreateAsync"/> and <see cref="Assign"/> change).
/// </summary>
public sealed class SsoWorld
{
    public const string UserName = "alice";
    public const string Password = "Correct-Horse-42";

    private readonly StateStore _store;

    private SsoWorld(StateStore store, AwsClient management, Uri endpoint) { _store = store; Management = management; Endpoint = endpoint; }

    public AwsClient Management { get; }
    public Uri Endpoint { get; }
    public string ManagementAccountId { get; private set; } = "";
    public string MemberAccountId { get; private set; } = "";
    public string OrganizationId { get; private set; } = "";
    public SsoInstanceDoc Instance { get; private set; } = null!;
    public string UserId { get; private set; } = "";
    public string IdentityStoreId => Instance.IdentityStoreId;
    public string StartUrl => new Uri(Endpoint, $"start/{IdentityStoreId}").ToString();

    /// <param name="services">The emulator's services (EmulatorServer.Services or factory.Services).</param>
    /// <param name="http">An HttpClient whose BaseAddress is the emulator.</param>
    public static async Task<SsoWorld> CreateAsync(IServiceProvider services, HttpClient http, string managementAccountId = "111111111111")
    {
        var management = new AwsClient(http, managementAccountId);
        var world = new SsoWorld(services.GetRequiredService<StateStore>(), management, http.BaseAddress!) { ManagementAccountId = managementAccountId };
        var organization = (await management.Organizations("CreateOrganization", new { FeatureSet = "ALL" })).EnsureSuccess().Json;
        world.OrganizationId = (string)organization["Organization"]!["Id"]!;
        await world.EnableTrustedAccess();

        world.MemberAccountId = await world.AddMemberAccount("Sandbox");
        world._store.Write(tx =>
        {
            var now = DateTimeOffset.UtcNow;
            world.Instance = new SsoInstanceDoc
            {
                Id = "ssoins-" + Ids.LowerHex(16),
                IdentityStoreId = "d-" + Ids.LowerAlphanumeric(10),
                OwnerAccountId = managementAccountId,
                OrganizationId = world.OrganizationId,
                CreatedDate = now,
                Status = "ACTIVE",
            };
            tx.SsoInstances.Insert(world.Instance);
            return 0;
        });
        world.UserId = world.AddUser(UserName, Password);
        return world;
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

    public string AddUser(string userName, string password)
    {
        var user = new SsoUserDoc
        {
            UserId = Guid.NewGuid().ToString(), IdentityStoreId = IdentityStoreId, UserName = userName,
            DisplayName = userName, Email = $"{userName}@example.com",
        };
        SsoDirectory.SetPassword(user, password);
        _store.Write(tx => tx.SsoUsers.Insert(user));
        return user.UserId;
    }

    /// <summary>Assigns the permission set (created on first use) to the user in the account and provisions its AWSReservedSSO_* role.</summary>
    /// <returns>The role's name, AWSReservedSSO_&lt;ps&gt;_&lt;16 hex&gt;.</returns>
    public string Assign(string accountId, string permissionSetName, string? userId = null, string sessionDuration = "PT2H") =>
        _store.Write(tx =>
        {
            var now = DateTimeOffset.UtcNow;
            var permissionSet = tx.PermissionSets.FindOne(p => p.InstanceArn == Instance.InstanceArn && p.Name == permissionSetName);
            if (permissionSet is null)
            {
                permissionSet = new PermissionSetDoc
                {
                    PermissionSetArn = $"arn:aws:sso:::permissionSet/{Instance.Id}/ps-{Ids.LowerHex(16)}",
                    InstanceArn = Instance.InstanceArn, Name = permissionSetName, SessionDuration = sessionDuration, CreatedDate = now,
                };
                tx.PermissionSets.Insert(permissionSet);
            }
            var principal = userId ?? UserId;
            tx.AccountAssignments.Upsert(new AccountAssignmentDoc
            {
                Id = AccountAssignmentDoc.Key(Instance.InstanceArn, accountId, permissionSet.PermissionSetArn, "USER", principal),
                InstanceArn = Instance.InstanceArn, AccountId = accountId, PermissionSetArn = permissionSet.PermissionSetArn,
                PrincipalType = "USER", PrincipalId = principal, CreatedDate = now,
            });
            var provisionedId = ProvisionedPermissionSetDoc.Key(accountId, permissionSet.PermissionSetArn);
            if (tx.ProvisionedPermissionSets.FindById(provisionedId) is { } existing) return existing.RoleName;
            var roleName = $"AWSReservedSSO_{permissionSetName}_{Ids.LowerHex(16)}";
            var role = RoleFactory.New(accountId, roleName, "/aws-reserved/sso.amazonaws.com/",
                RoleFactory.TrustPolicy("Federated", $"arn:aws:iam::{accountId}:saml-provider/AWSSSO_{Ids.LowerHex(16)}_DO_NOT_DELETE",
                    "sts:AssumeRoleWithSAML"), now);
            role.ReservedBy = "sso.amazonaws.com";
            tx.Roles.Insert(role);
            tx.ProvisionedPermissionSets.Insert(new ProvisionedPermissionSetDoc
            {
                Id = provisionedId, InstanceArn = Instance.InstanceArn, AccountId = accountId,
                PermissionSetArn = permissionSet.PermissionSetArn, RoleName = roleName, ProvisionedDate = now,
            });
            return roleName;
        });

    public async Task EnableTrustedAccess() =>
        (await Management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();

    public async Task DisableTrustedAccess() =>
        (await Management.Organizations("DisableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();

    public async Task RemoveAccount(string accountId) =>
        (await Management.Organizations("RemoveAccountFromOrganization", new { AccountId = accountId })).EnsureSuccess();

    public T Read<T>(Func<Tx, T> read) => _store.Read(read);
}
