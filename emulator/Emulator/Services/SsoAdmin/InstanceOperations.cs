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
