using System.Text.RegularExpressions;
using Emulator.Services.Organizations;
using Emulator.Services.TrustModel;

namespace Emulator.Services.Iam;

/// <summary>
/// CreateServiceLinkedRole, DeleteServiceLinkedRole, GetServiceLinkedRoleDeletionStatus. Deletion is a task that
/// finishes at once: SUCCEEDED (the role is gone) or, while the owning service still uses the role, FAILED with the
/// usage in its reason (the role stays).
/// </summary>
public static partial class ServiceLinkedRoleOperations
{
    [GeneratedRegex(@"^task/aws-service-role/[\w+=,.@-]+/[\w+=,.@-]+/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex TaskIdPattern();

    public static void Register(OperationTable table)
    {
        table.Write<CreateServiceLinkedRoleRequest, CreateServiceLinkedRoleResponse>("CreateServiceLinkedRole", Create);
        table.Write<RoleNameRequest, DeleteServiceLinkedRoleResponse>("DeleteServiceLinkedRole", Delete);
        table.Read<DeletionTaskIdRequest, GetServiceLinkedRoleDeletionStatusResponse>("GetServiceLinkedRoleDeletionStatus", Status);
    }

    /// <summary>
    /// Creates the service's linked role from the catalog (SSO and Organizations keep the trust model's own specs). A custom
    /// suffix, where the service accepts one, names the role "&lt;RoleName&gt;_&lt;suffix&gt;".
    /// </summary>
    public static CreateServiceLinkedRoleResponse Create(OperationContext context, CreateServiceLinkedRoleRequest request)
    {
        var entry = ServiceLinkedRoleCatalog.Find(request.AWSServiceName) ?? throw IamErrors.UnknownLinkedService(request.AWSServiceName);
        if (request.CustomSuffix is not null && !entry.CustomSuffix) throw IamErrors.CustomSuffixNotAllowed(request.AWSServiceName);
        var spec = ServicePrincipals.LinkedRoles.GetValueOrDefault(entry.ServicePrincipal)
            ?? new ServiceLinkedRoleSpec(entry.ServicePrincipal, entry.RoleName, entry.ManagedPolicyName, Description: null);
        if (request.CustomSuffix is { } suffix) spec = spec with { RoleName = $"{entry.RoleName}_{suffix}" };
        var accountId = context.Caller.AccountId;
        if (context.Tx.Roles.FindById(RoleDoc.Key(accountId, spec.RoleName)) is not null) throw IamErrors.ServiceRoleNameTaken(spec.RoleName);

        var role = TrustedAccessRules.EnsureLinkedRole(context.Tx, accountId, spec, context.Now, why: null);
        if (request.Description is not null)
        {
            role.Description = request.Description;
            context.Tx.Roles.Update(role);
        }
        return new(Role.From(role));
    }

    public static DeleteServiceLinkedRoleResponse Delete(OperationContext context, RoleNameRequest request)
    {
        var tx = context.Tx;
        var role = RoleOperations.Find(context, request.RoleName);
        if (role.LinkedService is not { } service) throw IamErrors.NotServiceLinked(role.RoleName);

        var task = new DeletionTaskDoc
        {
            Id = $"task/aws-service-role/{service}/{role.RoleName}/{Guid.NewGuid()}",
            AccountId = role.AccountId,
            RoleName = role.RoleName,
        };
        if (ProtectedRoles.IsInUse(tx, role))
        {
            task.Status = "FAILED";
            task.Reason = IamErrors.RoleInUse(role.RoleName, service);
            task.UsageRegion = context.Options.Region;
            task.UsedByResources = OrganizationAccess.OrganizationOf(tx, role.AccountId) is { } organization ? [organization.Arn] : [];
        }
        else
        {
            task.Status = "SUCCEEDED";
            tx.Roles.Delete(role.Id);
        }
        tx.DeletionTasks.Insert(task);
        return new(task.Id);
    }

    /// <summary>Tasks are visible to the account that started them.</summary>
    public static GetServiceLinkedRoleDeletionStatusResponse Status(OperationContext context, DeletionTaskIdRequest request)
    {
        if (!TaskIdPattern().IsMatch(request.DeletionTaskId)) throw IamErrors.MalformedDeletionTaskId(request.DeletionTaskId);
        var task = context.Tx.DeletionTasks.FindById(request.DeletionTaskId);
        if (task is null || task.AccountId != context.Caller.AccountId) throw IamErrors.NoSuchDeletionTask(request.DeletionTaskId);
        var reason = task.Status == "FAILED"
            ? new DeletionTaskFailureReasonType(task.Reason, [new RoleUsageType(task.UsageRegion, task.UsedByResources)])
            : null;
        return new(task.Status, reason);
    }
}
