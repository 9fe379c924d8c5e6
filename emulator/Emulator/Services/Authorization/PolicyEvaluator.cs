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
        var matched = new List<MatchedStatement>();
        void Collect(PolicyKind kind, IEnumerable<Policy> sources)
        {
            foreach (var policy in sources)
                foreach (var statement in policy.Statements)
                    if (StatementMatcher.Applies(statement, request)) matched.Add(new(kind, policy, statement));
        }
        Collect(PolicyKind.ServiceControl, policies.ServiceControlLevels.SelectMany(level => level));
        Collect(PolicyKind.ResourceControl, policies.ResourceControlLevels.SelectMany(level => level));
        if (policies.ResourcePolicy is { } resourcePolicy) Collect(PolicyKind.ResourceBased, [resourcePolicy]);
        if (!policies.IsRoot)
        {
            Collect(PolicyKind.IdentityBased, policies.Identity);
            if (policies.Boundary is { } boundary) Collect(PolicyKind.PermissionsBoundary, [boundary]);
            if (policies.SessionPolicies is { } session) Collect(PolicyKind.Session, session);
        }

        bool Allows(PolicyKind kind) => matched.Any(m => m.Kind == kind && m.Statement.Effect == Effect.Allow);
        bool LevelsAllow(IReadOnlyList<IReadOnlyList<Policy>> levels) => levels.All(level =>
            level.Any(policy => policy.Statements.Any(s => s.Effect == Effect.Allow && StatementMatcher.Applies(s, request))));

        var organizationsAllow = LevelsAllow(policies.ServiceControlLevels) && LevelsAllow(policies.ResourceControlLevels) &&
            !matched.Any(m => m.Kind is PolicyKind.ServiceControl or PolicyKind.ResourceControl && m.Statement.Effect == Effect.Deny);
        var boundaryAllows = policies.IsRoot || policies.Boundary is null || Allows(PolicyKind.PermissionsBoundary);
        Evaluation Deny(Decision decision, PolicyKind kind) => new(decision, kind, matched, organizationsAllow, boundaryAllows);

        if (matched.FirstOrDefault(m => m.Statement.Effect == Effect.Deny) is { } deny) return Deny(Decision.ExplicitDeny, deny.Kind);
        if (!LevelsAllow(policies.ServiceControlLevels)) return Deny(Decision.ImplicitDeny, PolicyKind.ServiceControl);
        if (!LevelsAllow(policies.ResourceControlLevels)) return Deny(Decision.ImplicitDeny, PolicyKind.ResourceControl);

        var resourceAllows = Allows(PolicyKind.ResourceBased);
        var allowed = new Evaluation(Decision.Allowed, null, matched, organizationsAllow, boundaryAllows);
        if (policies.ResourcePolicyRequired && !resourceAllows) return Deny(Decision.ImplicitDeny, PolicyKind.ResourceBased);
        if (policies.IsRoot) return allowed;
        var grantedDirectly = policies.ResourceInCallerAccount && matched.Any(m =>
            m.Kind == PolicyKind.ResourceBased && m.Statement.Effect == Effect.Allow && StatementMatcher.NamesCallerDirectly(m.Statement, request));
        if (grantedDirectly) return allowed;
        if (!Allows(PolicyKind.IdentityBased)) return Deny(Decision.ImplicitDeny, PolicyKind.IdentityBased);
        if (!policies.ResourceInCallerAccount && !resourceAllows) return Deny(Decision.ImplicitDeny, PolicyKind.ResourceBased);
        if (!boundaryAllows) return Deny(Decision.ImplicitDeny, PolicyKind.PermissionsBoundary);
        if (policies.SessionPolicies is not null && !Allows(PolicyKind.Session)) return Deny(Decision.ImplicitDeny, PolicyKind.Session);
        return allowed;
    }
}
