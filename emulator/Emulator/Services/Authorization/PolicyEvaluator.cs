namespace Emulator.Services.Authorization;

public enum Decision { Allowed, ExplicitDeny, ImplicitDeny }

/// <summary>The kinds of policy AWS's evaluation logic combines; the denial message names the one that decided.</summary>
public enum PolicyKind { ServiceControl, ResourceControl, ResourceBased, IdentityBased, PermissionsBoundary, Session }

public sealed record MatchedStatement(PolicyKind Kind, Policy Policy, Statement Statement)
{
    public string Source => Policy.Source;
}

/// <param name="DecidedBy">The kind of policy whose explicit deny, or missing allow, denied the request; null when allowed.</param>
/// <param name="AllowedByOrganizations">Whether SCPs and RCPs allow, with no explicit deny among them (true when none apply).</param>
/// <param name="AllowedByBoundary">Whether the permissions boundary allows (true when there is none).</param>
public sealed record Evaluation(
    Decision Decision,
    PolicyKind? DecidedBy,
    IReadOnlyList<MatchedStatement> Matched,
    bool AllowedByOrganizations,
    bool AllowedByBoundary)
{
    public bool IsAllowed => Decision == Decision.Allowed;
}

/// <summary>
/// Every policy that applies to one request. <see cref="ServiceControlLevels"/> / <see cref="ResourceControlLevels"/>
/// hold one list per level (root, each OU, the account) and are empty when no SCP/RCP applies (no organization, the
/// management account, a service-linked role). <see cref="Boundary"/> and <see cref="SessionPolicies"/> are null when
/// the principal has none. <see cref="ResourcePolicyRequired"/>: the resource-based policy must allow too (cross-account
/// access, and a role's trust policy for sts:AssumeRole).
/// </summary>
public sealed record PolicySet
{
    public bool IsRoot { get; init; }
    public IReadOnlyList<Policy> Identity { get; init; } = [];
    public Policy? Boundary { get; init; }
    public IReadOnlyList<Policy>? SessionPolicies { get; init; }
    public IReadOnlyList<IReadOnlyList<Policy>> ServiceControlLevels { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<Policy>> ResourceControlLevels { get; init; } = [];
    public Policy? ResourcePolicy { get; init; }
    public bool ResourceInCallerAccount { get; init; } = true;
    public bool ResourcePolicyRequired { get; init; }

    /// <summary>
    /// Whether the evaluation allows every request, whatever it names: a root caller that no SCP, RCP or resource-based
    /// policy governs (no statement can match, so nothing can deny).
    /// </summary>
    public bool AllowsEveryRequest =>
        IsRoot && ServiceControlLevels.Count == 0 && ResourceControlLevels.Count == 0 && ResourcePolicy is null && !ResourcePolicyRequired;

    /// <summary>The action every statement here is known to match (<see cref="ForAction"/>); null when not narrowed.</summary>
    public string? MatchedAction { get; init; }

    /// <summary>
    /// The same policies with only the statements whose Action/NotAction matches <paramref name="action"/> (the
    /// evaluator looks at no other statement for that action), each policy kept, even when none of its statements remain.
    /// </summary>
    public PolicySet ForAction(string action)
    {
        Policy Narrow(Policy policy) => ActionStatements.Of(policy, action);
        IReadOnlyList<Policy> NarrowAll(IReadOnlyList<Policy> list) => [.. list.Select(Narrow)];
        return this with
        {
            Identity = NarrowAll(Identity),
            Boundary = Boundary is null ? null : Narrow(Boundary),
            SessionPolicies = SessionPolicies is null ? null : NarrowAll(SessionPolicies),
            ServiceControlLevels = [.. ServiceControlLevels.Select(NarrowAll)],
            ResourceControlLevels = [.. ResourceControlLevels.Select(NarrowAll)],
            ResourcePolicy = ResourcePolicy is null ? null : Narrow(ResourcePolicy),
            MatchedAction = action,
        };
    }
}

/// <summary>
/// AWS's policy evaluation logic (IAM User Guide, "Policy evaluation logic"), in its documented order:
/// an explicit Deny anywhere wins; every SCP level, then every RCP level, must allow; a same-account resource-based
/// policy naming the caller allows on its own; otherwise an identity-based policy must allow (and, across accounts
/// or for a role's trust policy, the resource-based policy too); then the permissions boundary and the session
/// policies, when present, must allow. The root user needs no identity-based policy in its own account.
/// </summary>
public static class PolicyEvaluator
{
    public static Evaluation Evaluate(PolicySet policies, RequestContext request)
    {
        var actionMatched = policies.MatchedAction == request.Action;
        bool Applies(Statement statement) =>
            actionMatched ? StatementMatcher.AppliesBeyondAction(statement, request) : StatementMatcher.Applies(statement, request);

        var matched = new List<MatchedStatement>();
        void Collect(PolicyKind kind, Policy policy)
        {
            foreach (var statement in policy.Statements)
                if (Applies(statement)) matched.Add(new(kind, policy, statement));
        }
        foreach (var level in policies.ServiceControlLevels) foreach (var policy in level) Collect(PolicyKind.ServiceControl, policy);
        foreach (var level in policies.ResourceControlLevels) foreach (var policy in level) Collect(PolicyKind.ResourceControl, policy);
        if (policies.ResourcePolicy is { } resourcePolicy) Collect(PolicyKind.ResourceBased, resourcePolicy);
        if (!policies.IsRoot)
        {
            foreach (var policy in policies.Identity) Collect(PolicyKind.IdentityBased, policy);
            if (policies.Boundary is { } boundary) Collect(PolicyKind.PermissionsBoundary, boundary);
            if (policies.SessionPolicies is { } session) foreach (var policy in session) Collect(PolicyKind.Session, policy);
        }

        bool Allows(PolicyKind kind)
        {
            foreach (var m in matched) if (m.Kind == kind && m.Statement.Effect == Effect.Allow) return true;
            return false;
        }
        bool LevelAllows(IReadOnlyList<Policy> level)
        {
            foreach (var policy in level)
                foreach (var statement in policy.Statements)
                    if (statement.Effect == Effect.Allow && Applies(statement)) return true;
            return false;
        }
        bool LevelsAllow(IReadOnlyList<IReadOnlyList<Policy>> levels)
        {
            foreach (var level in levels) if (!LevelAllows(level)) return false;
            return true;
        }
        MatchedStatement? FirstDeny(Func<MatchedStatement, bool> among)
        {
            foreach (var m in matched) if (m.Statement.Effect == Effect.Deny && among(m)) return m;
            return null;
        }

        var organizationsAllow = LevelsAllow(policies.ServiceControlLevels) && LevelsAllow(policies.ResourceControlLevels) &&
            FirstDeny(static m => m.Kind is PolicyKind.ServiceControl or PolicyKind.ResourceControl) is null;
        var boundaryAllows = policies.IsRoot || policies.Boundary is null || Allows(PolicyKind.PermissionsBoundary);
        Evaluation Deny(Decision decision, PolicyKind kind) => new(decision, kind, matched, organizationsAllow, boundaryAllows);

        if (FirstDeny(static _ => true) is { } deny) return Deny(Decision.ExplicitDeny, deny.Kind);
        if (!LevelsAllow(policies.ServiceControlLevels)) return Deny(Decision.ImplicitDeny, PolicyKind.ServiceControl);
        if (!LevelsAllow(policies.ResourceControlLevels)) return Deny(Decision.ImplicitDeny, PolicyKind.ResourceControl);

        var resourceAllows = Allows(PolicyKind.ResourceBased);
        var allowed = new Evaluation(Decision.Allowed, null, matched, organizationsAllow, boundaryAllows);
        if (policies.ResourcePolicyRequired && !resourceAllows) return Deny(Decision.ImplicitDeny, PolicyKind.ResourceBased);
        if (policies.IsRoot) return allowed;
        if (policies.ResourceInCallerAccount && GrantedDirectly(matched, request)) return allowed;
        if (!Allows(PolicyKind.IdentityBased)) return Deny(Decision.ImplicitDeny, PolicyKind.IdentityBased);
        if (!policies.ResourceInCallerAccount && !resourceAllows) return Deny(Decision.ImplicitDeny, PolicyKind.ResourceBased);
        if (!boundaryAllows) return Deny(Decision.ImplicitDeny, PolicyKind.PermissionsBoundary);
        if (policies.SessionPolicies is not null && !Allows(PolicyKind.Session)) return Deny(Decision.ImplicitDeny, PolicyKind.Session);
        return allowed;
    }

    /// <summary>A same-account resource-based policy that allows and names the caller itself needs no identity-based policy.</summary>
    private static bool GrantedDirectly(List<MatchedStatement> matched, RequestContext request)
    {
        foreach (var m in matched)
            if (m.Kind == PolicyKind.ResourceBased && m.Statement.Effect == Effect.Allow && StatementMatcher.NamesCallerDirectly(m.Statement, request)) return true;
        return false;
    }
}
