using Emulator.Services.Sso;
using Emulator.Services.TrustModel;

namespace Emulator.Services.SsoAdmin;

/// <summary>ProvisionPermissionSet (asynchronous on AWS, finished in the call here) and the provisioning queries.</summary>
public static class ProvisioningOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<ProvisionPermissionSetRequest, ProvisioningStatusResponse>("ProvisionPermissionSet", Provision);
        table.Read<DescribeProvisioningStatusRequest, ProvisioningStatusResponse>("DescribePermissionSetProvisioningStatus", Describe);
        table.Read<StatusListRequest, ListProvisioningStatusResponse>("ListPermissionSetProvisioningStatus", List);
        table.Read<ListAccountsForProvisionedPermissionSetRequest, ListAccountsForProvisionedPermissionSetResponse>(
            "ListAccountsForProvisionedPermissionSet", ListAccounts);
        table.Read<ListPermissionSetsProvisionedToAccountRequest, PermissionSetArnsResponse>(
            "ListPermissionSetsProvisionedToAccount", ListPermissionSets);
    }

    /// <summary>Brings the account's role (AWS_ACCOUNT) or every provisioned account's role in line with the permission set.</summary>
    public static ProvisioningStatusResponse Provision(OperationContext context, ProvisionPermissionSetRequest request)
    {
        var (instance, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "ProvisionPermissionSet");
        var tx = context.Tx;
        var doc = new SsoRequestDoc
        {
            RequestId = Guid.NewGuid().ToString(),
            Kind = SsoRequestDoc.Provision,
            InstanceArn = instance.InstanceArn,
            PermissionSetArn = permissionSet.PermissionSetArn,
            TargetType = request.TargetType,
            CreatedDate = context.Now,
        };
        if (request.TargetType == "AWS_ACCOUNT")
        {
            var accountId = request.TargetId ?? throw SsoAdminErrors.TargetIdRequired();
            SsoAdminAccess.EnsureMayManageAccount(context, instance, accountId, "ProvisionPermissionSet", permissionSet.PermissionSetArn);
            doc.TargetId = accountId;
            doc.FailureReason = SsoRules.AccountIsServed(tx, instance, accountId)
                ? SsoProvisioning.Provision(tx, instance, permissionSet, accountId, context.Options.Region, context.Now)
                : SsoAdminErrors.AccountNotServed(accountId);
        }
        else
        {
            // Every account is brought in line that can be; the first failure is the request's.
            foreach (var provisioned in tx.ProvisionedPermissionSets.Find(p => p.PermissionSetArn == permissionSet.PermissionSetArn).ToList())
                if (SsoRules.AccountIsServed(tx, instance, provisioned.AccountId))
                    doc.FailureReason ??= SsoProvisioning.Provision(tx, instance, permissionSet, provisioned.AccountId, context.Options.Region, context.Now);
        }
        if (doc.FailureReason is not null) doc.Status = "FAILED";
        tx.SsoRequests.Insert(doc);
        return new(PermissionSetProvisioningStatus.From(doc, "IN_PROGRESS"));
    }

    public static ProvisioningStatusResponse Describe(OperationContext context, DescribeProvisioningStatusRequest request) =>
        new(PermissionSetProvisioningStatus.From(AssignmentOperations.FindRequest(context, request.InstanceArn,
            request.ProvisionPermissionSetRequestId, SsoRequestDoc.Provision, "DescribePermissionSetProvisioningStatus")));

    public static ListProvisioningStatusResponse List(OperationContext context, StatusListRequest request)
    {
        var page = AssignmentOperations.ListRequests(context, request, SsoRequestDoc.Provision, "ListPermissionSetProvisioningStatus");
        return new(page.Items, page.NextToken);
    }

    public static ListAccountsForProvisionedPermissionSetResponse ListAccounts(OperationContext context, ListAccountsForProvisionedPermissionSetRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "ListAccountsForProvisionedPermissionSet");
        var tx = context.Tx;
        var accounts = tx.ProvisionedPermissionSets.Find(p => p.PermissionSetArn == permissionSet.PermissionSetArn).ToList()
            .Where(p => Matches(request.ProvisioningStatus, SsoProvisioning.IsCurrent(tx, p, permissionSet)))
            .Select(p => p.AccountId);
        var page = SsoAdminAccess.Slice(accounts, a => a, request.MaxResults, request.NextToken);
        return new(page.Items, page.NextToken);
    }

    public static PermissionSetArnsResponse ListPermissionSets(OperationContext context, ListPermissionSetsProvisionedToAccountRequest request)
    {
        var instance = SsoAdminAccess.Instance(context, request.InstanceArn, "ListPermissionSetsProvisionedToAccount");
        var tx = context.Tx;
        var arns = tx.ProvisionedPermissionSets.Find(p => p.InstanceArn == instance.InstanceArn && p.AccountId == request.AccountId).ToList()
            .Where(p => tx.PermissionSets.FindById(p.PermissionSetArn) is { } permissionSet &&
                        Matches(request.ProvisioningStatus, SsoProvisioning.IsCurrent(tx, p, permissionSet)))
            .Select(p => p.PermissionSetArn);
        var page = SsoAdminAccess.Slice(arns, a => a, request.MaxResults, request.NextToken);
        return new(page.Items, page.NextToken);
    }

    private static bool Matches(string? filter, bool current) => filter switch
    {
        "LATEST_PERMISSION_SET_PROVISIONED" => current,
        "LATEST_PERMISSION_SET_NOT_PROVISIONED" => !current,
        _ => true,
    };
}
