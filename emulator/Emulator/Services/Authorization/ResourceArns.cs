using Emulator.Core;
using Emulator.Services.Iam;
using Emulator.Services.Organizations;
using Emulator.State;

namespace Emulator.Services.Authorization;

/// <summary>What a resource builder may read: the store, the caller, the request's members and the Region.</summary>
public sealed record ResourceScope(Tx Tx, Caller Caller, IRequestMembers Input, string Region)
{
    public string Member(string name) => Input.Text(name) ?? "";
}

/// <summary>
/// The resource ARNs of the Service Authorization Reference's resource types, built from a request's members
/// (e.g. <c>iam:DeleteRole</c> on <c>arn:aws:iam::&lt;account&gt;:role/&lt;path&gt;&lt;name&gt;</c>).
/// </summary>
public static class ResourceArns
{
    /// <summary>Actions without a resource type are authorized on "*".</summary>
    public static readonly Func<ResourceScope, IEnumerable<string>> Star = _ => ["*"];

    // IAM: the caller's account; the stored path when the entity exists, the requested one (or "/") otherwise.
    public static Func<ResourceScope, IEnumerable<string>> Role(string member) => scope =>
    [
        scope.Tx.Roles.FindById(RoleDoc.Key(scope.Caller.AccountId, scope.Member(member)))?.Arn
            ?? $"arn:aws:iam::{scope.Caller.AccountId}:role{scope.Input.Text("Path") ?? "/"}{scope.Member(member)}",
    ];

    /// <summary>A service-linked role's name comes from its service (CreateServiceLinkedRole) or its deletion task id.</summary>
    public static IEnumerable<string> LinkedRole(ResourceScope scope)
    {
        var service = scope.Member("AWSServiceName");
        var name = Emulator.Services.TrustModel.ServicePrincipals.LinkedRoles.GetValueOrDefault(service)?.RoleName ?? "*";
        return [$"arn:aws:iam::{scope.Caller.AccountId}:role/aws-service-role/{service}/{name}"];
    }

    public static IEnumerable<string> DeletionTaskRole(ResourceScope scope)
    {
        var parts = scope.Member("DeletionTaskId").Split('/');
        return parts.Length >= 4 ? [$"arn:aws:iam::{scope.Caller.AccountId}:role/aws-service-role/{parts[2]}/{parts[3]}"] : ["*"];
    }

    /// <summary>A user operation without UserName acts on the calling user.</summary>
    public static Func<ResourceScope, IEnumerable<string>> User(string member) => scope =>
    {
        var name = scope.Input.Text(member);
        if (name is null) return [scope.Caller.Kind == PrincipalKind.User ? scope.Caller.Arn : $"arn:aws:iam::{scope.Caller.AccountId}:root"];
        return [scope.Tx.Users.FindById(UserDoc.Key(scope.Caller.AccountId, name))?.Arn
            ?? $"arn:aws:iam::{scope.Caller.AccountId}:user{scope.Input.Text("Path") ?? "/"}{name}"];
    };

    public static Func<ResourceScope, IEnumerable<string>> Group(string member) => scope =>
    [
        scope.Tx.Groups.FindById(GroupDoc.Key(scope.Caller.AccountId, scope.Member(member)))?.Arn
            ?? $"arn:aws:iam::{scope.Caller.AccountId}:group{scope.Input.Text("Path") ?? "/"}{scope.Member(member)}",
    ];

    public static Func<ResourceScope, IEnumerable<string>> Policy(string member) => scope => [scope.Member(member)];

    /// <summary>Another IAM resource type by name, e.g. instance-profile (with its path) or saml-provider/.</summary>
    public static Func<ResourceScope, IEnumerable<string>> Named(string type, string member, bool withPath = false) => scope =>
        [$"arn:aws:iam::{scope.Caller.AccountId}:{type}{(withPath ? scope.Input.Text("Path") ?? "/" : "")}{scope.Member(member)}"];

    public static IEnumerable<string> NewPolicy(ResourceScope scope) =>
        [$"arn:aws:iam::{scope.Caller.AccountId}:policy{scope.Input.Text("Path") ?? "/"}{scope.Member("PolicyName")}"];

    // STS
    public static IEnumerable<string> RoleArn(ResourceScope scope) => [scope.Member("RoleArn")];

    public static IEnumerable<string> FederatedUser(ResourceScope scope) =>
        [$"arn:aws:sts::{scope.Caller.AccountId}:federated-user/{scope.Member("Name")}"];

    // Organizations: ARNs under the management account and the organization id; "*" before there is an organization.
    private static OrganizationDoc? Org(ResourceScope scope) => Principal.OrganizationOf(scope.Tx, scope.Caller.AccountId);

    /// <summary>An account, OU or root by its id: 12 digits, "ou-…", "r-…".</summary>
    public static Func<ResourceScope, IEnumerable<string>> OrgNode(string member) => scope =>
    {
        var id = scope.Member(member);
        if (Org(scope) is not { } org || id.Length == 0) return ["*"];
        return [id.StartsWith("ou-", StringComparison.Ordinal) ? OrganizationTree.OuArn(org, id)
            : id.StartsWith("r-", StringComparison.Ordinal) ? OrganizationTree.RootArn(org)
            : OrganizationTree.AccountArn(org, id)];
    };

    /// <summary>An Organizations policy by its id (the catalog's ARN: customer-managed or AWS-managed).</summary>
    public static Func<ResourceScope, IEnumerable<string>> OrgPolicy(string member) => scope =>
        Org(scope) is { } org && PolicyCatalog.Find(scope.Tx, org, scope.Member(member)) is { } policy ? [policy.Arn] : ["*"];

    /// <summary>AttachPolicy/DetachPolicy: the policy and the target.</summary>
    public static IEnumerable<string> AttachmentTarget(ResourceScope scope) => OrgPolicy("PolicyId")(scope).Concat(OrgNode("TargetId")(scope));

    /// <summary>Tags: an account, OU, root or policy by its id.</summary>
    public static IEnumerable<string> OrgResource(ResourceScope scope) =>
        scope.Member("ResourceId").StartsWith("p-", StringComparison.Ordinal) ? OrgPolicy("ResourceId")(scope) : OrgNode("ResourceId")(scope);

    /// <summary>MoveAccount needs the account, its source and its destination.</summary>
    public static IEnumerable<string> Move(ResourceScope scope) =>
        OrgNode("AccountId")(scope).Concat(OrgNode("SourceParentId")(scope)).Concat(OrgNode("DestinationParentId")(scope));

    public static IEnumerable<string> Handshake(ResourceScope scope)
    {
        var id = scope.Member("HandshakeId");
        if (scope.Tx.Handshakes.FindById(id) is not { } handshake) return ["*"];
        return [$"arn:aws:organizations::{handshake.ManagementAccountId}:handshake/{handshake.OrganizationId}/{handshake.Action.ToLowerInvariant()}/{id}"];
    }

    // IAM Identity Center (sso-admin): the ARNs are the request's own members.
    public static Func<ResourceScope, IEnumerable<string>> Sso(params string[] members) => scope =>
        members.Select(m => scope.Input.Text(m)).OfType<string>().Select(value =>
            value.StartsWith("arn:", StringComparison.Ordinal) ? value : $"arn:aws:sso:::account/{value}");

    // Directory Service: arn:aws:ds:<region>:<account>:directory/<directoryId>
    public static IEnumerable<string> DsDirectory(ResourceScope scope) =>
        [$"arn:aws:ds:{scope.Region}:{scope.Caller.AccountId}:directory/{scope.Member("DirectoryId")}"];

    // identitystore
    private static string Store(ResourceScope scope)
    {
        var id = scope.Member("IdentityStoreId");
        var owner = scope.Tx.SsoInstances.FindOne(i => i.IdentityStoreId == id)?.OwnerAccountId ?? scope.Caller.AccountId;
        return $"arn:aws:identitystore::{owner}:identitystore/{id}";
    }

    public static Func<ResourceScope, IEnumerable<string>> StoreResources(params string[] parts) => scope =>
        new[] { Store(scope) }.Concat(parts.SelectMany(part => part switch
        {
            "AllUsers" => ["arn:aws:identitystore:::user/*"],
            "AllGroups" => ["arn:aws:identitystore:::group/*"],
            "AllMemberships" => ["arn:aws:identitystore:::membership/*"],
            "UserId" => [$"arn:aws:identitystore:::user/{scope.Member("UserId")}"],
            "MemberId" => [$"arn:aws:identitystore:::user/{scope.Input.Nested("MemberId", "UserId")}"],
            "GroupId" => [$"arn:aws:identitystore:::group/{scope.Member("GroupId")}"],
            "GroupIds" => scope.Input.List("GroupIds").Select(g => $"arn:aws:identitystore:::group/{g}"),
            "MembershipId" => [$"arn:aws:identitystore:::membership/{scope.Member("MembershipId")}"],
            _ => Array.Empty<string>(),
        }));
}
