using Emulator.State;
using Emulator.Services.TrustModel;

namespace Emulator.Services.Iam;

/// <summary>Roles: create, read, update, delete, list. Customer changes to a role pass the trust model's lock first (ProtectedRoleOperations, applied by IamService's table).</summary>
public static class RoleOperations
{
    public static void Register(OperationTable table)
    {
        table.Read<RoleNameRequest, GetRoleResponse>("GetRole", Get);
        table.Read<ListRolesRequest, ListRolesResponse>("ListRoles", List);
        table.Write<CreateRoleRequest, RoleResponse>("CreateRole", Create);
        table.Write<RoleNameRequest, NoOutput>("DeleteRole", Delete);
        table.Write<UpdateRoleRequest, UpdateRoleResponse>("UpdateRole", Update);
        table.Write<UpdateRoleDescriptionRequest, RoleResponse>("UpdateRoleDescription", UpdateDescription);
        table.Write<UpdateAssumeRolePolicyRequest, NoOutput>("UpdateAssumeRolePolicy", UpdateAssumeRolePolicy);
    }

    public static RoleDoc Find(OperationContext context, string roleName) =>
        context.Tx.Roles.FindById(RoleDoc.Key(context.Caller.AccountId, roleName)) ?? throw IamErrors.NoSuchRole(roleName);

    private static readonly SnapshotMemo<RoleDoc, GetRoleResponse> GetRoleAnswers = new();

    /// <summary>A read builds a role's answer once per snapshot (the role cannot change within one).</summary>
    public static GetRoleResponse Get(OperationContext context, RoleNameRequest request) =>
        GetRoleAnswers.Get(context.Tx, Find(context, request.RoleName), static (_, role) => new(Role.From(role)));

    public static ListRolesResponse List(OperationContext context, ListRolesRequest request)
    {
        var prefix = request.PathPrefix ?? "/";
        var roles = context.Tx.Roles.FindBy(Indexes.RolesByAccount, context.Caller.AccountId)
            .Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(r => r.Id, StringComparer.Ordinal);
        var (items, truncated, marker) = IamInput.Page(roles, r => r.Id, request.Marker, request.MaxItems);
        return new(items.Select(r => Role.From(r, withDetails: false)).ToList(), truncated, marker);
    }

    public static RoleResponse Create(OperationContext context, CreateRoleRequest request)
    {
        var tx = context.Tx;
        var accountId = context.Caller.AccountId;
        if (tx.Roles.FindById(RoleDoc.Key(accountId, request.RoleName)) is not null) throw IamErrors.RoleExists(request.RoleName);
        IamInput.EnsurePolicyDocument(request.AssumeRolePolicyDocument);
        if (request.PermissionsBoundary is not null) IamInput.EnsurePolicyArn(request.PermissionsBoundary);

        var role = RoleFactory.New(accountId, request.RoleName, request.Path ?? "/", request.AssumeRolePolicyDocument, context.Now);
        role.Description = request.Description;
        role.MaxSessionDuration = request.MaxSessionDuration ?? 3600;
        role.PermissionsBoundaryArn = request.PermissionsBoundary;
        IamTags.Merge(role.Tags, request.Tags);
        tx.Roles.Insert(role);
        return new(Role.From(role));
    }

    public static NoOutput Delete(OperationContext context, RoleNameRequest request)
    {
        var role = Find(context, request.RoleName);
        if (role.AttachedPolicies.Count > 0) throw IamErrors.MustDetachPolicies();
        if (context.Tx.InstanceProfiles.Find(p => p.AccountId == role.AccountId).Any(p => p.RoleNames.Contains(role.RoleName))) throw IamErrors.MustRemoveFromInstanceProfiles();
        if (role.InlinePolicies.Count > 0) throw IamErrors.MustDeleteInlinePolicies();
        context.Tx.Roles.Delete(role.Id);
        return new NoOutput();
    }

    /// <summary>The description may always be edited (service-linked roles included); the session duration only when the role is not protected (ProtectedRoleOperations).</summary>
    public static UpdateRoleResponse Update(OperationContext context, UpdateRoleRequest request)
    {
        var role = Find(context, request.RoleName);
        if (request.Description is not null) role.Description = request.Description;
        if (request.MaxSessionDuration is { } duration) role.MaxSessionDuration = duration;
        context.Tx.Roles.Update(role);
        return new UpdateRoleResponse();
    }

    public static RoleResponse UpdateDescription(OperationContext context, UpdateRoleDescriptionRequest request)
    {
        var role = Find(context, request.RoleName);
        role.Description = request.Description;
        context.Tx.Roles.Update(role);
        return new(Role.From(role));
    }

    public static NoOutput UpdateAssumeRolePolicy(OperationContext context, UpdateAssumeRolePolicyRequest request)
    {
        var role = Find(context, request.RoleName);
        IamInput.EnsurePolicyDocument(request.PolicyDocument);
        role.AssumeRolePolicyDocument = request.PolicyDocument;
        context.Tx.Roles.Update(role);
        return new NoOutput();
    }
}
