namespace Emulator.Services.SsoAdmin;

/// <summary>
/// A permission set's customer managed policy references and its permissions boundary. They name policies by name and
/// path; each account the permission set is provisioned to must have them (see SsoProvisioning).
/// </summary>
public static class CustomerPolicyOperations
{
    private const int MaxReferences = 20;

    public static void Register(OperationTable table)
    {
        table.Write<CustomerPolicyReferenceRequest, NoOutput>("AttachCustomerManagedPolicyReferenceToPermissionSet", Attach);
        table.Write<CustomerPolicyReferenceRequest, NoOutput>("DetachCustomerManagedPolicyReferenceFromPermissionSet", Detach);
        table.Read<PermissionSetPageRequest, ListCustomerPolicyReferencesResponse>("ListCustomerManagedPolicyReferencesInPermissionSet", List);
        table.Write<PutPermissionsBoundaryRequest, NoOutput>("PutPermissionsBoundaryToPermissionSet", PutBoundary);
        table.Read<PermissionSetRequest, PermissionsBoundaryResponse>("GetPermissionsBoundaryForPermissionSet", GetBoundary);
        table.Write<PermissionSetRequest, NoOutput>("DeletePermissionsBoundaryFromPermissionSet", DeleteBoundary);
    }

    public static NoOutput Attach(OperationContext context, CustomerPolicyReferenceRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "AttachCustomerManagedPolicyReferenceToPermissionSet");
        var reference = Doc(request.CustomerManagedPolicyReference);
        if (permissionSet.CustomerManagedPolicies.Any(r => Same(r, reference))) throw SsoAdminErrors.CustomerPolicyAttached(reference.Name, reference.Path);
        if (permissionSet.CustomerManagedPolicies.Count >= MaxReferences) throw SsoAdminErrors.CustomerPolicyQuota();
        permissionSet.CustomerManagedPolicies.Add(reference);
        context.Tx.PermissionSets.Update(permissionSet);
        return new NoOutput();
    }

    public static NoOutput Detach(OperationContext context, CustomerPolicyReferenceRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "DetachCustomerManagedPolicyReferenceFromPermissionSet");
        var reference = Doc(request.CustomerManagedPolicyReference);
        if (permissionSet.CustomerManagedPolicies.RemoveAll(r => Same(r, reference)) == 0)
            throw SsoAdminErrors.CustomerPolicyNotAttached(reference.Name, reference.Path);
        context.Tx.PermissionSets.Update(permissionSet);
        return new NoOutput();
    }

    public static ListCustomerPolicyReferencesResponse List(OperationContext context, PermissionSetPageRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "ListCustomerManagedPolicyReferencesInPermissionSet");
        var page = SsoAdminAccess.Slice(permissionSet.CustomerManagedPolicies, r => r.Path + r.Name, request.MaxResults, request.NextToken);
        return new(page.Items.Select(Wire).ToList(), page.NextToken);
    }

    /// <summary>Exactly one of a customer managed policy reference or an AWS managed policy ARN (which must exist).</summary>
    public static NoOutput PutBoundary(OperationContext context, PutPermissionsBoundaryRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "PutPermissionsBoundaryToPermissionSet");
        var boundary = request.PermissionsBoundary;
        if ((boundary.CustomerManagedPolicyReference is null) == (boundary.ManagedPolicyArn is null)) throw SsoAdminErrors.BoundaryNeedsOneKind();
        if (boundary.ManagedPolicyArn is { } arn && Authorization.AwsManagedPolicies.Find(arn) is null) throw SsoAdminErrors.ManagedPolicyNotFound(arn);
        permissionSet.BoundaryManagedPolicyArn = boundary.ManagedPolicyArn;
        permissionSet.BoundaryReference = boundary.CustomerManagedPolicyReference is { } reference ? Doc(reference) : null;
        context.Tx.PermissionSets.Update(permissionSet);
        return new NoOutput();
    }

    public static PermissionsBoundaryResponse GetBoundary(OperationContext context, PermissionSetRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "GetPermissionsBoundaryForPermissionSet");
        if (permissionSet.BoundaryManagedPolicyArn is null && permissionSet.BoundaryReference is null) throw SsoAdminErrors.NoPermissionsBoundary();
        return new(new PermissionsBoundary(permissionSet.BoundaryReference is { } reference ? Wire(reference) : null, permissionSet.BoundaryManagedPolicyArn));
    }

    /// <summary>Deleting a boundary the permission set does not have is a no-op.</summary>
    public static NoOutput DeleteBoundary(OperationContext context, PermissionSetRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "DeletePermissionsBoundaryFromPermissionSet");
        permissionSet.BoundaryManagedPolicyArn = null;
        permissionSet.BoundaryReference = null;
        context.Tx.PermissionSets.Update(permissionSet);
        return new NoOutput();
    }

    private static Sso.PolicyReferenceDoc Doc(CustomerManagedPolicyReference reference) => new() { Name = reference.Name, Path = reference.Path ?? "/" };

    private static CustomerManagedPolicyReference Wire(Sso.PolicyReferenceDoc reference) => new(reference.Name, reference.Path);

    private static bool Same(Sso.PolicyReferenceDoc a, Sso.PolicyReferenceDoc b) => a.Name == b.Name && a.Path == b.Path;
}
