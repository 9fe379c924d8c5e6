namespace Emulator.Services.Authorization;

/// <summary>Whether a statement applies to a request: action, resource, principal and every condition.</summary>
public static class StatementMatcher
{
    public static bool Applies(Statement statement, RequestContext request) =>
        MatchesAction(statement, request.Action) && AppliesBeyondAction(statement, request);

    /// <summary>Whether a statement already known to match the request's action applies: resource, principal and every condition.</summary>
    public static bool AppliesBeyondAction(Statement statement, RequestContext request)
    {
        if (!MatchesResource(statement, request) || !MatchesPrincipal(statement, request)) return false;
        foreach (var test in statement.Conditions)
            if (!ConditionOperators.Evaluate(test, request)) return false;
        return true;
    }

    /// <summary>Actions compare case-insensitively ("IAM:getrole" is iam:GetRole).</summary>
    public static bool MatchesAction(Statement statement, string action) => statement.Actions is { } actions
        ? actions.Any(pattern => Wildcards.Match(pattern, action, ignoreCase: true))
        : !statement.NotActions!.Any(pattern => Wildcards.Match(pattern, action, ignoreCase: true));

    /// <summary>Resources compare case-sensitively, after policy variables; a statement without either element (a trust policy's) applies to its own resource.</summary>
    public static bool MatchesResource(Statement statement, RequestContext request)
    {
        if (statement.Resources is { } resources) return AnyResource(resources, request);
        if (statement.NotResources is { } notResources) return !AnyResource(notResources, request);
        return true;
    }

    private static bool AnyResource(IReadOnlyList<string> patterns, RequestContext request)
    {
        foreach (var pattern in patterns)
            if (PolicyVariables.Substitute(pattern, request) is { } resolved && Wildcards.Match(resolved, request.Resource, ignoreCase: false)) return true;
        return false;
    }

    /// <summary>Principal names the caller; NotPrincipal must not; neither element (identity policies) means the policy's owner.</summary>
    public static bool MatchesPrincipal(Statement statement, RequestContext request)
    {
        if (statement.Principals is { } principals) return Names(principals, request);
        if (statement.NotPrincipals is { } notPrincipals) return !Names(notPrincipals, request);
        return true;
    }

    /// <summary>Whether the Principal element names the caller itself, not merely its account (a same-account grant that needs no identity policy).</summary>
    public static bool NamesCallerDirectly(Statement statement, RequestContext request) =>
        statement.Principals is { } principals &&
        (principals.ContainsKey("*") ||
         principals.GetValueOrDefault("AWS")?.Any(p => p == "*" || request.AwsPrincipals.Contains(p) && !IsAccount(p)) == true);

    private static bool Names(IReadOnlyDictionary<string, IReadOnlyList<string>> principals, RequestContext request) =>
        principals.Any(entry => entry.Key switch
        {
            "*" => true,
            "AWS" => entry.Value.Any(p => p == "*" || request.AwsPrincipals.Contains(p)),
            "Service" => entry.Value.Any(request.ServicePrincipals.Contains),
            _ => false,
        });

    private static bool IsAccount(string principal) =>
        principal.Length == 12 && principal.All(char.IsAsciiDigit) || principal.EndsWith(":root", StringComparison.Ordinal);
}
