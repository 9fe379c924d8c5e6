using Emulator.Services.Sso;
using Emulator.Services.TrustModel;

namespace Emulator.Services.SsoAdmin;

/// <summary>
/// Account assignments. Create and delete are asynchronous on AWS: their answer says IN_PROGRESS with a request id;
/// the emulator finishes the work inside the call, so Describe/List of the request show the final status.
/// </summary>
public static class AssignmentOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<AssignmentRequest, CreationStatusResponse>("CreateAccountAssignment", Create);
        table.Write<AssignmentRequest, DeletionStatusResponse>("DeleteAccountAssignment", Delete);
        table.Read<DescribeCreationStatusRequest, CreationStatusResponse>("DescribeAccountAssignmentCreationStatus", DescribeCreation);
        table.Read<DescribeDeletionStatusRequest, DeletionStatusResponse>("DescribeAccountAssignmentDeletionStatus", DescribeDeletion);
        table.Read<StatusListRequest, ListCreationStatusResponse>("ListAccountAssignmentCreationStatus", ListCreation);
        table.Read<StatusListRequest, ListDeletionStatusResponse>("ListAccountAssignmentDeletionStatus", ListDeletion);
        table.Read<ListAccountAssignmentsRequest, ListAccountAssignmentsResponse>("ListAccountAssignments", List);
        table.Read<ListAccountAssignmentsForPrincipalRequest, ListAccountAssignmentsResponse>("ListAccountAssignmentsForPrincipal", ListForPrincipal);
    }

    /// <summary>
    /// Provisions the permission set into the account (if it is not there yet) and records the assignment. An account the
    /// instance does not serve, or a customer managed policy the account lacks, makes the request FAILED; an unknown
    /// principal is ResourceNotFoundException at once.
    /// </summary>
    public static CreationStatusResponse Create(OperationContext context, AssignmentRequest request)
    {
        var (instance, permissionSet) = Prepare(context, request, "CreateAccountAssignment");
        var tx = context.Tx;
        var doc = NewRequest(context, request, SsoRequestDoc.CreateAssignment);
        if (!SsoRules.AccountIsServed(tx, instance, request.TargetId))
        {
            doc.Status = "FAILED";
            doc.FailureReason = SsoAdminErrors.AccountNotServed(request.TargetId);
        }
        else if (tx.ProvisionedPermissionSets.FindById(ProvisionedPermissionSetDoc.Key(request.TargetId, permissionSet.PermissionSetArn)) is null &&
                 SsoProvisioning.Provision(tx, instance, permissionSet, request.TargetId, context.Options.Region, context.Now) is { } failure)
        {
            doc.Status = "FAILED";
            doc.FailureReason = failure;
        }
        else
        {
            var key = AccountAssignmentDoc.Key(instance.InstanceArn, request.TargetId, permissionSet.PermissionSetArn, request.PrincipalType, request.PrincipalId);
            if (tx.AccountAssignments.FindById(key) is null)
                tx.AccountAssignments.Insert(new AccountAssignmentDoc
                {
                    Id = key, InstanceArn = instance.InstanceArn, AccountId = request.TargetId, PermissionSetArn = permissionSet.PermissionSetArn,
                    PrincipalType = request.PrincipalType, PrincipalId = request.PrincipalId, CreatedDate = context.Now,
                });
        }
        tx.SsoRequests.Insert(doc);
        return new(AccountAssignmentOperationStatus.From(doc, "IN_PROGRESS"));
    }

    /// <summary>Removes the assignment; the last assignment of the permission set in the account takes its role along.</summary>
    public static DeletionStatusResponse Delete(OperationContext context, AssignmentRequest request)
    {
        var (instance, permissionSet) = Prepare(context, request, "DeleteAccountAssignment");
        var tx = context.Tx;
        var key = AccountAssignmentDoc.Key(instance.InstanceArn, request.TargetId, permissionSet.PermissionSetArn, request.PrincipalType, request.PrincipalId);
        var assignment = tx.AccountAssignments.FindById(key) ?? throw SsoAdminErrors.AssignmentNotFound();
        SsoProvisioning.RemoveAssignment(tx, assignment);
        var doc = NewRequest(context, request, SsoRequestDoc.DeleteAssignment);
        tx.SsoRequests.Insert(doc);
        return new(AccountAssignmentOperationStatus.From(doc, "IN_PROGRESS"));
    }

    public static CreationStatusResponse DescribeCreation(OperationContext context, DescribeCreationStatusRequest request) =>
        new(AccountAssignmentOperationStatus.From(FindRequest(context, request.InstanceArn, request.AccountAssignmentCreationRequestId,
            SsoRequestDoc.CreateAssignment, "DescribeAccountAssignmentCreationStatus")));

    public static DeletionStatusResponse DescribeDeletion(OperationContext context, DescribeDeletionStatusRequest request) =>
        new(AccountAssignmentOperationStatus.From(FindRequest(context, request.InstanceArn, request.AccountAssignmentDeletionRequestId,
            SsoRequestDoc.DeleteAssignment, "DescribeAccountAssignmentDeletionStatus")));

    public static ListCreationStatusResponse ListCreation(OperationContext context, StatusListRequest request)
    {
        var page = ListRequests(context, request, SsoRequestDoc.CreateAssignment, "ListAccountAssignmentCreationStatus");
        return new(page.Items, page.NextToken);
    }

    public static ListDeletionStatusResponse ListDeletion(OperationContext context, StatusListRequest request)
    {
        var page = ListRequests(context, request, SsoRequestDoc.DeleteAssignment, "ListAccountAssignmentDeletionStatus");
        return new(page.Items, page.NextToken);
    }

    public static ListAccountAssignmentsResponse List(OperationContext context, ListAccountAssignmentsRequest request)
    {
        var (instance, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "ListAccountAssignments");
        var assignments = context.Tx.AccountAssignments
            .Find(a => a.InstanceArn == instance.InstanceArn && a.AccountId == request.AccountId && a.PermissionSetArn == permissionSet.PermissionSetArn)
            .ToList();
        var page = SsoAdminAccess.Slice(assignments, a => a.Id, request.MaxResults, request.NextToken);
        return new(page.Items.Select(Shape).ToList(), page.NextToken);
    }

    public static ListAccountAssignmentsResponse ListForPrincipal(OperationContext context, ListAccountAssignmentsForPrincipalRequest request)
    {
        var instance = SsoAdminAccess.Instance(context, request.InstanceArn, "ListAccountAssignmentsForPrincipal");
        var accountId = request.Filter?.AccountId;
        var assignments = context.Tx.AccountAssignments
            .Find(a => a.InstanceArn == instance.InstanceArn && a.PrincipalType == request.PrincipalType && a.PrincipalId == request.PrincipalId)
            .Where(a => accountId is null || a.AccountId == accountId).ToList();
        var page = SsoAdminAccess.Slice(assignments, a => a.Id, request.MaxResults, request.NextToken);
        return new(page.Items.Select(Shape).ToList(), page.NextToken);
    }

    private static AccountAssignment Shape(AccountAssignmentDoc a) => new(a.AccountId, a.PermissionSetArn, a.PrincipalType, a.PrincipalId);

    private static (SsoInstanceDoc, PermissionSetDoc) Prepare(OperationContext context, AssignmentRequest request, string action)
    {
        var (instance, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, action);
        SsoAdminAccess.EnsureMayManageAccount(context, instance, request.TargetId, action, permissionSet.PermissionSetArn);
        var tx = context.Tx;
        var exists = request.PrincipalType == "GROUP"
            ? tx.SsoGroups.FindById(request.PrincipalId)?.IdentityStoreId == instance.IdentityStoreId
            : tx.SsoUsers.FindById(request.PrincipalId)?.IdentityStoreId == instance.IdentityStoreId;
        if (!exists) throw SsoAdminErrors.PrincipalNotFound(request.PrincipalType, request.PrincipalId);
        return (instance, permissionSet);
    }

    private static SsoRequestDoc NewRequest(OperationContext context, AssignmentRequest request, string kind) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Kind = kind,
        InstanceArn = request.InstanceArn,
        Status = "SUCCEEDED",
        PermissionSetArn = request.PermissionSetArn,
        TargetId = request.TargetId,
        TargetType = request.TargetType,
        PrincipalType = request.PrincipalType,
        PrincipalId = request.PrincipalId,
        CreatedDate = context.Now,
    };

    public static SsoRequestDoc FindRequest(OperationContext context, string instanceArn, string requestId, string kind, string action)
    {
        var instance = SsoAdminAccess.Instance(context, instanceArn, action);
        return context.Tx.SsoRequests.FindById(requestId) is { } doc && doc.Kind == kind && doc.InstanceArn == instance.InstanceArn
            ? doc
            : throw SsoAdminErrors.RequestNotFound(requestId);
    }

    public static Page<OperationStatusMetadata> ListRequests(OperationContext context, StatusListRequest request, string kind, string action)
    {
        var instance = SsoAdminAccess.Instance(context, request.InstanceArn, action);
        var status = request.Filter?.Status;
        var docs = context.Tx.SsoRequests.Find(r => r.InstanceArn == instance.InstanceArn && r.Kind == kind)
            .Where(r => status is null || r.Status == status).ToList();
        var page = SsoAdminAccess.Slice(docs, r => r.RequestId, request.MaxResults, request.NextToken);
        return new(page.Items.Select(r => new OperationStatusMetadata(r.Status, r.RequestId, r.CreatedDate)).ToList(), page.NextToken);
    }
}
