namespace Emulator.Services.Iam;

/// <summary>A role's managed policies, inline policies, permissions boundary and tags.</summary>
public static class RolePolicyOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<RolePolicyArnRequest, NoOutput>("AttachRolePolicy", Attach);
        table.Write<RolePolicyArnRequest, NoOutput>("DetachRolePolicy", Detach);
        table.Read<ListAttachedRolePoliciesRequest, ListAttachedRolePoliciesResponse>("ListAttachedRolePolicies", ListAttached);
        table.Write<PutRolePolicyRequest, NoOutput>("PutRolePolicy", PutInline);
        table.Read<RolePolicyNameRequest, GetRolePolicyResponse>("GetRolePolicy", GetInline);
        table.Write<RolePolicyNameRequest, NoOutput>("DeleteRolePolicy", DeleteInline);
        table.Read<ListByRoleRequest, ListRolePoliciesResponse>("ListRolePolicies", ListInline);
        table.Write<PutRolePermissionsBoundaryRequest, NoOutput>("PutRolePermissionsBoundary", PutBoundary);
        table.Write<RoleNameRequest, NoOutput>("DeleteRolePermissionsBoundary", DeleteBoundary);
        table.Write<TagRoleRequest, NoOutput>("TagRole", Tag);
        table.Write<UntagRoleRequest, NoOutput>("UntagRole", Untag);
        table.Read<ListByRoleRequest, ListRoleTagsResponse>("ListRoleTags", ListTags);
    }

    public static NoOutput Attach(OperationContext context, RolePolicyArnRequest request)
    {
        var role = RoleOperations.Find(context, request.RoleName);
        ManagedPolicyAttachments.Attach(context.Tx, role.AccountId, role.AttachedPolicies, request.PolicyArn, isLinkedRole: role.LinkedService is not null);
        context.Tx.Roles.Update(role);
        return new NoOutput();
    }

    public static NoOutput Detach(OperationContext context, RolePolicyArnRequest request)
    {
        var role = RoleOperations.Find(context, request.RoleName);
        ManagedPolicyAttachments.Detach(role.AttachedPolicies, request.PolicyArn);
        context.Tx.Roles.Update(role);
        return new NoOutput();
    }

    public static ListAttachedRolePoliciesResponse ListAttached(OperationContext context, ListAttachedRolePoliciesRequest request) =>
        ManagedPolicyAttachments.List(RoleOperations.Find(context, request.RoleName).AttachedPolicies, request.PathPrefix, request.Marker, request.MaxItems);

    /// <summary>Inline policy names are unique per role, case-insensitively; putting an existing name replaces it.</summary>
    public static NoOutput PutInline(OperationContext context, PutRolePolicyRequest request)
    {
        var role = RoleOperations.Find(context, request.RoleName);
        InlinePolicies.Put(role.InlinePolicies, request.PolicyName, request.PolicyDocument, InlinePolicies.MaxPerRole, "role", role.RoleName);
        context.Tx.Roles.Update(role);
        return new NoOutput();
    }

    public static GetRolePolicyResponse GetInline(OperationContext context, RolePolicyNameRequest request)
    {
        var role = RoleOperations.Find(context, request.RoleName);
        var name = InlinePolicies.Find(role.InlinePolicies, request.PolicyName, () => IamErrors.NoSuchRolePolicy(role.RoleName, request.PolicyName));
        return new(role.RoleName, name, PolicyDocuments.Encode(role.InlinePolicies[name]));
    }

    public static NoOutput DeleteInline(OperationContext context, RolePolicyNameRequest request)
    {
        var role = RoleOperations.Find(context, request.RoleName);
        role.InlinePolicies.Remove(InlinePolicies.Find(role.InlinePolicies, request.PolicyName, () => IamErrors.NoSuchRolePolicy(role.RoleName, request.PolicyName)));
        context.Tx.Roles.Update(role);
        return new NoOutput();
    }

    public static ListRolePoliciesResponse ListInline(OperationContext context, ListByRoleRequest request) =>
        InlinePolicies.List(RoleOperations.Find(context, request.RoleName).InlinePolicies.Keys, request.Marker, request.MaxItems);

    public static NoOutput PutBoundary(OperationContext context, PutRolePermissionsBoundaryRequest request)
    {
        var role = RoleOperations.Find(context, request.RoleName);
        IamInput.EnsurePolicyArn(request.PermissionsBoundary);
        role.PermissionsBoundaryArn = request.PermissionsBoundary;
        context.Tx.Roles.Update(role);
        return new NoOutput();
    }

    /// <summary>Deleting a boundary the role does not have succeeds, as in IAM.</summary>
    public static NoOutput DeleteBoundary(OperationContext context, RoleNameRequest request)
    {
        var role = RoleOperations.Find(context, request.RoleName);
        role.PermissionsBoundaryArn = null;
        context.Tx.Roles.Update(role);
        return new NoOutput();
    }

    /// <summary>Tags are not part of the lock: IAM models no UnmodifiableEntity for TagRole/UntagRole.</summary>
    public static NoOutput Tag(OperationContext context, TagRoleRequest request)
    {
        var role = RoleOperations.Find(context, request.RoleName);
        IamTags.Merge(role.Tags, request.Tags);
        context.Tx.Roles.Update(role);
        return new NoOutput();
    }

    public static NoOutput Untag(OperationContext context, UntagRoleRequest request)
    {
        var role = RoleOperations.Find(context, request.RoleName);
        IamTags.Remove(role.Tags, request.TagKeys);
        context.Tx.Roles.Update(role);
        return new NoOutput();
    }

    public static ListRoleTagsResponse ListTags(OperationContext context, ListByRoleRequest request)
    {
        return IamTags.List(RoleOperations.Find(context, request.RoleName).Tags, request.Marker, request.MaxItems);
    }

}
