using System.Text.Json.Nodes;
using Emulator.Core;
using Emulator.Protocol;
using Emulator.Services.Iam;
using Emulator.Services.Sts;
using Emulator.State;

namespace Emulator.Services.Authorization;

/// <summary>
/// The one place that decides every signed call before its handler runs (when <c>--enforce-iam</c> is on): the
/// operation's action and resources from <see cref="ActionTable"/>, the caller's policies from
/// <see cref="Principal"/>, SCPs/RCPs from Organizations, and AWS's evaluation logic in <see cref="PolicyEvaluator"/>.
/// </summary>
public static class Authorizer
{
    /// <summary>The endpoint's one call before every handler: nothing when <c>--no-enforce-iam</c>.</summary>
    public static void Check(OperationContext context, ServiceModel model, string operation, IRequestMembers input, HttpContext http)
    {
        if (!context.Options.EnforceIam) return;
        var connection = new Connection(http.Connection.RemoteIpAddress?.ToString() ?? Connection.Local.SourceIp, http.Request.IsHttps);
        Authorize(context, model, operation, input, connection);
    }

    /// <summary>Throws the service's access-denied error unless the caller may perform the operation on every resource it names.</summary>
    public static void Authorize(OperationContext context, ServiceModel model, string operation, IRequestMembers input, Connection connection)
    {
        var caller = context.Caller;
        if (caller.Kind == PrincipalKind.Anonymous || ActionTable.For(model.Name, operation) is not { } binding || binding.NoPermissionRequired) return;
        var isAssumeRole = binding.Action == "sts:AssumeRole";
        if (isAssumeRole && caller.Kind == PrincipalKind.Root) return; // the handler refuses root callers, enforcement or not
        // STS refuses GetFederationToken from session credentials itself ("Cannot call GetFederationToken with session
        // credentials"), before any policy is looked at.
        if (binding.Action == "sts:GetFederationToken" && caller.Kind is PrincipalKind.AssumedRole or PrincipalKind.FederatedUser) return;
        var tx = context.Tx;
        var authorization = CallerAuthorization.Of(tx, caller);
        var callerPolicies = authorization.PoliciesFor(binding.Action);
        if (!isAssumeRole && callerPolicies.AllowsEveryRequest) return; // nothing to evaluate: no resource or context key can change the answer
        var scope = new ResourceScope(tx, caller, input, context.Options.Region);
        foreach (var resource in Distinct(binding.Resources(scope)))
        {
            var request = ContextKeys.Build(tx, authorization, binding, resource, input, connection, context.Now, context.Options.Region);
            var policies = isAssumeRole ? WithAssumedRole(tx, callerPolicies, caller.AccountId, RoleOf(tx, resource)) : callerPolicies;
            var evaluation = PolicyEvaluator.Evaluate(policies, request);
            if (evaluation.IsAllowed) continue;
            if (isAssumeRole && evaluation.DecidedBy is PolicyKind.ResourceBased) throw StsErrors.NotAuthorizedToAssume(caller.Arn, resource);
            throw AuthorizationErrors.Denied(model.Protocol, caller.Arn, binding.Action, resource, evaluation);
        }
    }

    /// <summary>The resources, each once (most operations name one).</summary>
    private static IEnumerable<string> Distinct(IEnumerable<string> resources) => resources is IReadOnlyList<string> { Count: <= 1 } ? resources : resources.Distinct();

    /// <summary>
    /// The policies that apply to the principal's request; for sts:AssumeRole the role's trust policy is the
    /// resource-based policy (always required) and the role's account's RCPs apply.
    /// </summary>
    public static PolicySet PoliciesFor(Tx tx, Principal principal, RoleDoc? assumedRole) =>
        WithAssumedRole(tx, new PolicySet
        {
            IsRoot = principal.IsRoot,
            Identity = principal.Identity,
            Boundary = principal.Boundary,
            SessionPolicies = principal.SessionPolicies,
            ServiceControlLevels = Principal.OrganizationLevels(tx, principal.Caller.AccountId, "SERVICE_CONTROL_POLICY", principal.IsServiceLinkedRole),
        }, principal.Caller.AccountId, assumedRole);

    /// <summary>The caller's policies plus, for sts:AssumeRole of an existing role, its trust policy and its account's RCPs (narrowed as the caller's are).</summary>
    private static PolicySet WithAssumedRole(Tx tx, PolicySet callerPolicies, string callerAccount, RoleDoc? assumedRole)
    {
        if (assumedRole is null) return callerPolicies;
        var roleSide = new PolicySet
        {
            ResourcePolicy = PolicyCache.Get(assumedRole.AssumeRolePolicyDocument, $"role {assumedRole.RoleName} trust policy") ?? new Policy(null, []),
            ResourceControlLevels = Principal.OrganizationLevels(tx, assumedRole.AccountId, "RESOURCE_CONTROL_POLICY"),
        };
        if (callerPolicies.MatchedAction is { } action) roleSide = roleSide.ForAction(action);
        return callerPolicies with
        {
            ResourcePolicy = roleSide.ResourcePolicy,
            ResourcePolicyRequired = true,
            ResourceInCallerAccount = assumedRole.AccountId == callerAccount,
            ResourceControlLevels = roleSide.ResourceControlLevels,
        };
    }

    /// <summary>The role an sts:AssumeRole resource ARN names (at its path), or null.</summary>
    public static RoleDoc? RoleOf(Tx tx, string roleArn)
    {
        var parts = roleArn.Split(':', 6);
        if (parts is not [_, _, "iam", _, var account, var rest] || !rest.StartsWith("role/", StringComparison.Ordinal)) return null;
        var role = tx.Roles.FindById(RoleDoc.Key(account, rest[(rest.LastIndexOf('/') + 1)..]));
        return role?.Arn == roleArn ? role : null;
    }

    /// <summary>Whether the role's trust policy lets the caller assume it (its Principal, NotPrincipal and Conditions).</summary>
    public static bool TrustAllows(OperationContext context, RoleDoc role, JsonObject input)
    {
        var principal = Principal.Of(context.Tx, context.Caller);
        var binding = ActionTable.For("sts", "AssumeRole")!;
        var request = ContextKeys.Build(context.Tx, principal, binding, role.Arn, new JsonRequestMembers(input), Connection.Local, context.Now, context.Options.Region);
        var trust = PolicyCache.Get(role.AssumeRolePolicyDocument, $"role {role.RoleName} trust policy");
        var matched = trust?.Statements.Where(s => StatementMatcher.Applies(s, request)).ToList() ?? [];
        return matched.Any(s => s.Effect == Effect.Allow) && !matched.Any(s => s.Effect == Effect.Deny);
    }
}
