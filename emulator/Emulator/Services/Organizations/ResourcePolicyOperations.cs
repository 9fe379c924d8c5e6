using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core;

namespace Emulator.Services.Organizations;

/// <summary>
/// PutResourcePolicy, DescribeResourcePolicy, DeleteResourcePolicy: the organization's one resource policy, which
/// delegates Organizations actions (policy management, Describe*/List*) to member accounts. Who it allows is decided by
/// <see cref="OrganizationsResourcePolicy"/>.
/// </summary>
public static class ResourcePolicyOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<PutResourcePolicyRequest, ResourcePolicyResponse>("PutResourcePolicy", Put);
        table.Read<Empty, ResourcePolicyResponse>("DescribeResourcePolicy", Describe);
        table.Write<Empty, NoOutput>("DeleteResourcePolicy", Delete);
    }

    /// <summary>Replacing the policy keeps its id. Every statement needs a Principal and only organizations:* actions.</summary>
    public static ResourcePolicyResponse Put(OperationContext context, PutResourcePolicyRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagement(context);
        CheckContent(request.Content);
        var tags = Tagging.Checked(request.Tags);
        var policy = tx.OrganizationResourcePolicies.FindById(organization.Id)
                     ?? new ResourcePolicyDoc { Id = organization.Id, PolicyId = "rp-" + Ids.LowerAlphanumeric(8) };
        policy.Content = request.Content;
        tx.OrganizationResourcePolicies.Upsert(policy);
        Tagging.Put(tx, organization.Id, policy.PolicyId, tags);
        return new(ToResourcePolicy(organization, policy));
    }

    public static ResourcePolicyResponse Describe(OperationContext context, Empty request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "DescribeResourcePolicy");
        var policy = context.Tx.OrganizationResourcePolicies.FindById(organization.Id) ?? throw OrganizationsErrors.ResourcePolicyNotFound();
        return new(ToResourcePolicy(organization, policy));
    }

    public static NoOutput Delete(OperationContext context, Empty request)
    {
        var organization = OrganizationAccess.RequireManagement(context);
        var policy = context.Tx.OrganizationResourcePolicies.FindById(organization.Id) ?? throw OrganizationsErrors.ResourcePolicyNotFound();
        context.Tx.OrganizationResourcePolicies.Delete(organization.Id);
        Tagging.Forget(context.Tx, policy.PolicyId);
        return new NoOutput();
    }

    private static ResourcePolicy ToResourcePolicy(OrganizationDoc organization, ResourcePolicyDoc policy) => new(
        new ResourcePolicySummary(policy.PolicyId,
            $"arn:aws:organizations::{organization.ManagementAccountId}:resourcepolicy/{organization.Id}/{policy.PolicyId}"),
        policy.Content);

    private static void CheckContent(string content)
    {
        JsonNode? document;
        try { document = JsonNode.Parse(content); }
        catch (JsonException) { throw OrganizationsErrors.InvalidResourcePolicyJson(); }
        var statements = document?["Statement"] switch
        {
            JsonObject single => [single],
            JsonArray { Count: > 0 } many when many.All(s => s is JsonObject) => many.Cast<JsonObject>().ToList(),
            _ => throw OrganizationsErrors.InvalidResourcePolicyJson(),
        };
        foreach (var statement in statements)
        {
            if (statement["Principal"] is null) throw OrganizationsErrors.InvalidPrincipal();
            var actions = statement["Action"] switch
            {
                JsonArray array => array.Select(a => a?.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : ""),
                JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
                _ => [""],
            };
            if (actions.Any(a => !a.StartsWith("organizations:", StringComparison.OrdinalIgnoreCase)))
                throw OrganizationsErrors.UnsupportedActionInResourcePolicy();
        }
    }
}
