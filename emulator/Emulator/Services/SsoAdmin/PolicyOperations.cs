using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.Services.SsoAdmin;

/// <summary>A permission set's AWS managed policies and its inline policy.</summary>
public static class PolicyOperations
{
    private const int MaxManagedPolicies = 20;

    public static void Register(OperationTable table)
    {
        table.Write<ManagedPolicyRequest, NoOutput>("AttachManagedPolicyToPermissionSet", Attach);
        table.Write<ManagedPolicyRequest, NoOutput>("DetachManagedPolicyFromPermissionSet", Detach);
        table.Read<PermissionSetPageRequest, ListManagedPoliciesResponse>("ListManagedPoliciesInPermissionSet", ListManaged);
        table.Write<PutInlinePolicyRequest, NoOutput>("PutInlinePolicyToPermissionSet", PutInline);
        table.Read<PermissionSetRequest, InlinePolicyResponse>("GetInlinePolicyForPermissionSet", GetInline);
        table.Write<PermissionSetRequest, NoOutput>("DeleteInlinePolicyFromPermissionSet", DeleteInline);
    }

    public static NoOutput Attach(OperationContext context, ManagedPolicyRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "AttachManagedPolicyToPermissionSet");
        if (permissionSet.ManagedPolicyArns.Contains(request.ManagedPolicyArn))
            throw SsoAdminErrors.ManagedPolicyAttached(permissionSet.PermissionSetArn[(permissionSet.PermissionSetArn.LastIndexOf('/') + 1)..], request.ManagedPolicyArn);
        if (permissionSet.ManagedPolicyArns.Count >= MaxManagedPolicies) throw SsoAdminErrors.ManagedPolicyQuota();
        if (request.ManagedPolicyArn.StartsWith(Authorization.AwsManagedPolicies.ArnPrefix, StringComparison.Ordinal) && Authorization.AwsManagedPolicies.Find(request.ManagedPolicyArn) is null)
            throw SsoAdminErrors.ManagedPolicyNotFound(request.ManagedPolicyArn);
        permissionSet.ManagedPolicyArns.Add(request.ManagedPolicyArn);
        context.Tx.PermissionSets.Update(permissionSet);
        return new NoOutput();
    }

    public static NoOutput Detach(OperationContext context, ManagedPolicyRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "DetachManagedPolicyFromPermissionSet");
        if (!permissionSet.ManagedPolicyArns.Remove(request.ManagedPolicyArn)) throw SsoAdminErrors.ManagedPolicyNotAttached(request.ManagedPolicyArn);
        context.Tx.PermissionSets.Update(permissionSet);
        return new NoOutput();
    }

    public static ListManagedPoliciesResponse ListManaged(OperationContext context, PermissionSetPageRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "ListManagedPoliciesInPermissionSet");
        var page = SsoAdminAccess.Slice(permissionSet.ManagedPolicyArns, a => a, request.MaxResults, request.NextToken);
        return new(page.Items.Select(arn => new AttachedManagedPolicy(arn, arn[(arn.LastIndexOf('/') + 1)..])).ToList(), page.NextToken);
    }

    public static NoOutput PutInline(OperationContext context, PutInlinePolicyRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "PutInlinePolicyToPermissionSet");
        if (!IsPolicyDocument(request.InlinePolicy)) throw SsoAdminErrors.MalformedPolicy();
        permissionSet.InlinePolicy = request.InlinePolicy;
        context.Tx.PermissionSets.Update(permissionSet);
        return new NoOutput();
    }

    /// <summary>An empty string when the permission set has no inline policy.</summary>
    public static InlinePolicyResponse GetInline(OperationContext context, PermissionSetRequest request) =>
        new(SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "GetInlinePolicyForPermissionSet").PermissionSet.InlinePolicy ?? "");

    /// <summary>Deleting an absent inline policy is a no-op.</summary>
    public static NoOutput DeleteInline(OperationContext context, PermissionSetRequest request)
    {
        var (_, permissionSet) = SsoAdminAccess.PermissionSet(context, request.InstanceArn, request.PermissionSetArn, "DeleteInlinePolicyFromPermissionSet");
        permissionSet.InlinePolicy = null;
        context.Tx.PermissionSets.Update(permissionSet);
        return new NoOutput();
    }

    private static bool IsPolicyDocument(string text)
    {
        try { return JsonNode.Parse(text) is JsonObject policy && policy["Statement"] is not null; }
        catch (JsonException) { return false; }
    }
}
