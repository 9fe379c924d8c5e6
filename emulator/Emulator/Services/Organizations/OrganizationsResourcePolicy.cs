using System.Text.Json.Nodes;
using Emulator.Services.Authorization;

namespace Emulator.Services.Organizations;

/// <summary>
/// Whether the organization's resource policy (PutResourcePolicy) lets a member account make an Organizations call
/// as a delegated administrator: its statements are evaluated by the authorization evaluator (Principal/NotPrincipal,
/// Action/NotAction, Condition over the caller's context keys; an explicit Deny wins). The handler does not know the
/// request's resource ARNs, so the statements' Resource elements are not evaluated (see README, fidelity notes).
/// </summary>
public static class OrganizationsResourcePolicy
{
    /// <param name="action">The IAM action, e.g. "organizations:CreatePolicy".</param>
    public static bool Allows(OperationContext context, string action, OrganizationDoc organization)
    {
        var tx = context.Tx;
        var caller = context.Caller;
        if (tx.OrganizationResourcePolicies.FindById(organization.Id) is not { } document) return false;
        if (tx.Accounts.FindById(caller.AccountId)?.OrganizationId != organization.Id) return false;
        if (PolicyCache.Get(document.Content, "organizations resource policy") is not { } policy) return false;
        var binding = ActionTable.For("organizations", action["organizations:".Length..]) ?? new ActionBinding(action, ResourceArns.Star);
        var request = ContextKeys.Build(tx, Principal.Of(tx, caller), binding, "*", new JsonRequestMembers([]), Connection.Local, context.Now, context.Options.Region);
        var matched = policy.Statements.Select(s => s with { Resources = null, NotResources = null })
            .Where(s => StatementMatcher.Applies(s, request)).ToList();
        return matched.Any(s => s.Effect == Effect.Allow) && !matched.Any(s => s.Effect == Effect.Deny);
    }
}
