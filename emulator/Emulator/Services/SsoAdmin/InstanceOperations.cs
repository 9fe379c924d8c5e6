using Emulator.Core;
using Emulator.Services.Sso;
using Emulator.Services.TrustModel;

namespace Emulator.Services.SsoAdmin;

/// <summary>ListInstances, DescribeInstance, CreateInstance (account instances), UpdateInstance.</summary>
public static class InstanceOperations
{
    public static void Register(OperationTable table)
    {
        table.Read<PageRequest, ListInstancesResponse>("ListInstances", List);
        table.Read<InstanceRequest, DescribeInstanceResponse>("DescribeInstance", Describe);
        table.Write<CreateInstanceRequest, CreateInstanceResponse>("CreateInstance", Create);
        table.Write<UpdateInstanceRequest, NoOutput>("UpdateInstance", Update);
        table.Write<InstanceRequest, NoOutput>("DeleteInstance", Delete);
    }

    /// <summary>
    /// The instances the caller administers: the organization instance for the management account and the sso delegated
    /// administrator (listed even while trusted access is off), an account instance for its owner. Others see none.
    /// </summary>
    public static ListInstancesResponse List(OperationContext context, PageRequest request)
    {
        var visible = context.Tx.SsoInstances.FindAll().ToList()
            .Where(i => SsoRules.IsAdministrator(context.Tx, i, context.Caller.AccountId));
        var page = SsoAdminAccess.Slice(visible, i => i.Id, request.MaxResults, request.NextToken);
        return new(page.Items.Select(i => new InstanceMetadata(i.InstanceArn, i.IdentityStoreId, i.OwnerAccountId, i.Name, i.CreatedDate, i.Status)).ToList(),
            page.NextToken);
    }

    public static DescribeInstanceResponse Describe(OperationContext context, InstanceRequest request)
    {
        var i = SsoAdminAccess.Instance(context, request.InstanceArn, "DescribeInstance");
        return new(i.InstanceArn, i.IdentityStoreId, i.OwnerAccountId, i.Name, i.CreatedDate, i.Status);
    }

    /// <summary>Account instances only: refused in a management account; one per account.</summary>
    public static CreateInstanceResponse Create(OperationContext context, CreateInstanceRequest request)
    {
        var tx = context.Tx;
        var accountId = context.Caller.AccountId;
        if (tx.Organizations.Exists(o => o.ManagementAccountId == accountId)) throw SsoAdminErrors.ManagementAccountNotAllowed();
        if (tx.SsoInstances.Exists(i => i.OwnerAccountId == accountId)) throw SsoAdminErrors.InstanceExists();
        var instance = NewInstance(accountId, organizationId: null, request.Name, context.Now);
        tx.SsoInstances.Insert(instance);
        if (request.Tags is { Count: > 0 } tags)
            tx.SsoInstanceTags.Insert(new SsoInstanceTagsDoc { InstanceArn = instance.InstanceArn, Tags = tags.ToDictionary(t => t.Key, t => t.Value) });
        return new(instance.InstanceArn);
    }

    public static NoOutput Update(OperationContext context, UpdateInstanceRequest request)
    {
        var instance = SsoAdminAccess.Instance(context, request.InstanceArn, "UpdateInstance");
        if (request.Name is not null)
        {
            instance.Name = request.Name;
            context.Tx.SsoInstances.Update(instance);
        }
        return new NoOutput();
    }

    /// <summary>
    /// Only the owning account deletes an instance (not the delegated administrator). Everything in it goes: permission
    /// sets, assignments and their AWSReservedSSO_* roles, the directory and the request history. Trusted access stays.
    /// </summary>
    public static NoOutput Delete(OperationContext context, InstanceRequest request)
    {
        var instance = SsoAdminAccess.Instance(context, request.InstanceArn, "DeleteInstance");
        if (instance.OwnerAccountId != context.Caller.AccountId)
            throw SsoAdminErrors.AccessDenied("DeleteInstance", context.Caller.Arn, instance.InstanceArn);
        var tx = context.Tx;
        foreach (var assignment in tx.AccountAssignments.Find(a => a.InstanceArn == instance.InstanceArn).ToList())
            SsoProvisioning.RemoveAssignment(tx, assignment);
        foreach (var provisioned in tx.ProvisionedPermissionSets.Find(p => p.InstanceArn == instance.InstanceArn).ToList())
            SsoProvisioning.Deprovision(tx, provisioned.AccountId, provisioned.PermissionSetArn);
        tx.PermissionSets.DeleteMany(p => p.InstanceArn == instance.InstanceArn);
        tx.SsoRequests.DeleteMany(r => r.InstanceArn == instance.InstanceArn);
        tx.SsoGroupMemberships.DeleteMany(m => m.IdentityStoreId == instance.IdentityStoreId);
        tx.SsoGroups.DeleteMany(g => g.IdentityStoreId == instance.IdentityStoreId);
        tx.SsoUsers.DeleteMany(u => u.IdentityStoreId == instance.IdentityStoreId);
        tx.SsoInstanceTags.Delete(instance.InstanceArn);
        tx.SsoInstances.Delete(instance.Id);
        return new NoOutput();
    }

    /// <summary>A new instance (ssoins-&lt;16 hex&gt;) with its identity store (d-&lt;10 hex&gt;).</summary>
    public static SsoInstanceDoc NewInstance(string ownerAccountId, string? organizationId, string? name, DateTimeOffset now) => new()
    {
        Id = "ssoins-" + Ids.LowerHex(16),
        IdentityStoreId = "d-" + Ids.LowerHex(10),
        OwnerAccountId = ownerAccountId,
        OrganizationId = organizationId,
        Name = name,
        CreatedDate = now,
        Status = "ACTIVE",
    };
}
