namespace Emulator.Services.Authorization;

/// <summary>One simulated (action, resource): the evaluator's answer, the statements that decided it, and the condition keys it lacked.</summary>
public sealed record Simulation(
    string Action, string Resource, Evaluation Evaluation, IReadOnlyList<MatchedStatement> Determining, IReadOnlyList<string> MissingContextValues,
    bool OrganizationsApply, bool BoundaryApplies);

/// <summary>
/// The policy simulator (IAM SimulatePrincipalPolicy / SimulateCustomPolicy): the same <see cref="PolicyEvaluator"/> as
/// enforcement, over the policies and context the caller supplies. Context keys come only from ContextEntries (the
/// simulator fills in none), so a condition on a key that was not given does not match and the key is reported missing.
/// </summary>
public static class PolicySimulator
{
    public static Simulation Simulate(PolicySet policies, IReadOnlySet<string> callerNames,
        IReadOnlyDictionary<string, IReadOnlyList<string>> context, string action, string resource)
    {
        var request = new RequestContext(action, resource) { AwsPrincipals = callerNames };
        foreach (var (key, values) in context) request.With(key, values);
        var evaluation = PolicyEvaluator.Evaluate(policies, request);
        return new Simulation(action, resource, evaluation, Determining(evaluation), Missing(policies, request),
            policies.ServiceControlLevels.Count > 0, policies.Boundary is not null);
    }

    /// <summary>
    /// An explicit deny is reported by its deny statements only; an allow by the identity-based, resource-based and
    /// session statements that allow; an implicit deny by none. SCP statements are not reported (OrganizationsDecisionDetail is).
    /// </summary>
    private static IReadOnlyList<MatchedStatement> Determining(Evaluation evaluation)
    {
        var reportable = evaluation.Matched.Where(m => m.Kind is not (PolicyKind.ServiceControl or PolicyKind.ResourceControl));
        return evaluation.Decision switch
        {
            Decision.ExplicitDeny => reportable.Where(m => m.Statement.Effect == Effect.Deny).ToList(),
            Decision.Allowed => reportable.Where(m => m.Statement.Effect == Effect.Allow && m.Kind != PolicyKind.PermissionsBoundary).ToList(),
            _ => [],
        };
    }

    /// <summary>Condition keys of statements that apply to the action, resource and caller but were not given.</summary>
    private static IReadOnlyList<string> Missing(PolicySet policies, RequestContext request)
    {
        IEnumerable<Policy> all = policies.Identity;
        if (policies.Boundary is { } boundary) all = all.Append(boundary);
        if (policies.ResourcePolicy is { } resourcePolicy) all = all.Append(resourcePolicy);
        if (policies.SessionPolicies is { } session) all = all.Concat(session);
        return all.SelectMany(p => p.Statements)
            .Where(s => StatementMatcher.MatchesAction(s, request.Action) && StatementMatcher.MatchesResource(s, request) && StatementMatcher.MatchesPrincipal(s, request))
            .SelectMany(s => s.Conditions.Select(c => c.Key))
            .Where(key => request.Values(key) is null)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Every condition key the policies use (GetContextKeysFor*Policy), in order of first use.</summary>
    public static IReadOnlyList<string> ContextKeys(IEnumerable<Policy> policies) =>
        policies.SelectMany(p => p.Statements).SelectMany(s => s.Conditions.Select(c => c.Key)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
