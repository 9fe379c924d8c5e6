using Emulator.Core;
using Emulator.Services.Sso;
using Emulator.Services.TrustModel;

namespace Emulator.Services.SsoAdmin;

/// <summary>CreatePermissionSet, DescribePermissionSet, UpdatePermissionSet, DeletePermissionSet, ListPermissionSets.</summary>
public static class PermissionSetOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<CreatePermissionSetRequest, PermissionSetResponse>("CreatePermissionSet", Create);
        table.Read<PermissionSetRequest, PermissionSetResponse>("DescribePermissionSet", Describe);
        table.Write<UpdatePermissionSetRequest, NoOutput>("UpdatePermissionSet", Update);
        table.Write<PermissionSetRequest, NoOutput>("DeletePermissionSet", Delete);
        table.Read<InstancePageRequest, PermissionSetArnsResponse>("ListPermissionSets", List);
    }

    public static PermissionSetResponse Create(OperationContext context, CreatePermissionSetRequest request)
    {
        var instance = SsoAdminAccess.Instance(context, request.InstanceArn, "CreatePermissionSet");
        var tx = context.Tx;
        if (tx.PermissionSets.Exists(p => p.InstanceArn == instance.InstanceArn && p.Name == request.Name))
            throw SsoAdminErrors.PermissionSetExists(request.Name);
        var duration = request.SessionDuration ?? "PT1H";
        if (SsoProvisioning.SessionSeconds(duration) is null) throw SsoAdminErrors.InvalidSessionDuration(duration);
        var permissionSet = new PermissionSetDoc
        {
            PermissionSetArn = $"arn:aws:sso:::permissionSet/{instance.Id}/ps-{Ids.LowerHex(16)}",
            InstanceArn = instance.InstanceArn,
            Name = request.Name,
            Description = request.Description,
            SessionDuration = duration,
            RelayState = request.RelayState,
            CreatedDate = context.Now,
            Tags = (request.Tags ?? []).ToDictionary(t => t.Key, t => t.Value),
        };
        tx.PermissionSets.Insert(permissionSet);
        return new(Shape(permissionSet));
    }

    public static PermissionSetResponse Describe(OperationContext context, PermissionSetRequest request) =>
        new(Shape(SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "DescribePermissionSet").PermissionSet));

    /// <summary>Changes the permission set only; accounts see them after ProvisionPermissionSet.</summary>
    public static NoOutput Update(OperationContext context, UpdatePermissionSetRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "UpdatePermissionSet");
        if (request.SessionDuration is { } duration)
        {
            if (SsoProvisioning.SessionSeconds(duration) is null) throw SsoAdminErrors.InvalidSessionDuration(duration);
            permissionSet.SessionDuration = duration;
        }
        if (request.Description is not null) permissionSet.Description = request.Description;
        if (request.RelayState is not null) permissionSet.RelayState = request.RelayState;
        context.Tx.PermissionSets.Update(permissionSet);
        return new NoOutput();
    }

    /// <summary>
    /// Refused (ConflictException) while accounts are assigned the permission set; roles left by a ProvisionPermissionSet
    /// without assignments go with it.
    /// </summary>
    public static NoOutput Delete(OperationContext context, PermissionSetRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "DeletePermissionSet");
        var tx = context.Tx;
        if (tx.AccountAssignments.Exists(a => a.PermissionSetArn == permissionSet.PermissionSetArn))
            throw SsoAdminErrors.PermissionSetInUse(permissionSet.PermissionSetArn);
        foreach (var provisioned in tx.ProvisionedPermissionSets.Find(p => p.PermissionSetArn == permissionSet.PermissionSetArn).ToList())
            SsoProvisioning.Deprovision(tx, provisioned.AccountId, provisioned.PermissionSetArn);
        tx.PermissionSets.Delete(permissionSet.PermissionSetArn);
        return new NoOutput();
    }

    public static PermissionSetArnsResponse List(OperationContext context, InstancePageRequest request)
    {
        var instance = SsoAdminAccess.Instance(context, request.InstanceArn, "ListPermissionSets");
        var arns = context.Tx.PermissionSets.Find(p => p.InstanceArn == instance.InstanceArn).Select(p => p.PermissionSetArn).ToList();
        var page = SsoAdminAccess.Slice(arns, a => a, request.MaxResults, request.NextToken);
        return new(page.Items, page.NextToken);
    }

    public static PermissionSet Shape(PermissionSetDoc p) =>
        new(p.Name, p.PermissionSetArn, p.Description, p.CreatedDate, p.SessionDuration, p.RelayState);
}
