using System.Globalization;
using Emulator.Core;
using Emulator.Services.Authorization;

namespace Emulator.Services.Iam;

/// <summary>
/// IAM's policy simulator over the emulator's own evaluator: SimulatePrincipalPolicy (a user's, group's or role's
/// policies, a user's groups' too, the account's SCPs), SimulateCustomPolicy (the given policies only), and the
/// GetContextKeysFor*Policy pair. Works whether or not enforcement is on.
/// </summary>
public static class PolicySimulatorOperations
{
    public static void Register(OperationTable table)
    {
        table.Read<SimulatePrincipalPolicyRequest, SimulatePolicyResponse>("SimulatePrincipalPolicy", SimulatePrincipal);
        table.Read<SimulateCustomPolicyRequest, SimulatePolicyResponse>("SimulateCustomPolicy", SimulateCustom);
        table.Read<GetContextKeysForPrincipalPolicyRequest, GetContextKeysForPolicyResponse>("GetContextKeysForPrincipalPolicy", ContextKeysForPrincipal);
        table.Read<GetContextKeysForCustomPolicyRequest, GetContextKeysForPolicyResponse>("GetContextKeysForCustomPolicy", ContextKeysForCustom);
    }

    /// <summary>The simulated principal: its policies, boundary, the SCPs of its account, and the ARN a resource policy sees.</summary>
    private sealed record Source(IReadOnlyList<Policy> Identity, Policy? Boundary, string AccountId, string Arn, bool IsServiceLinkedRole);

    public static SimulatePolicyResponse SimulatePrincipal(OperationContext context, SimulatePrincipalPolicyRequest request)
    {
        var source = FindSource(context, request.PolicySourceArn);
        var identity = source.Identity.Concat(Parse(request.PolicyInputList, "PolicyInputList")).ToList();
        var boundary = Parse(request.PermissionsBoundaryPolicyInputList, "PermissionsBoundaryPolicyInputList").FirstOrDefault() ?? source.Boundary;
        var scps = Principal.OrganizationLevels(context.Tx, source.AccountId, "SERVICE_CONTROL_POLICY", source.IsServiceLinkedRole);
        return Simulate(identity, boundary, scps, source.AccountId, request.CallerArn ?? source.Arn, request.ActionNames, request.ResourceArns,
            request.ResourcePolicy, request.ResourceOwner, request.ContextEntries, request.Marker, request.MaxItems);
    }

    public static SimulatePolicyResponse SimulateCustom(OperationContext context, SimulateCustomPolicyRequest request)
    {
        var identity = Parse(request.PolicyInputList, "PolicyInputList");
        var boundary = Parse(request.PermissionsBoundaryPolicyInputList, "PermissionsBoundaryPolicyInputList").FirstOrDefault();
        return Simulate(identity, boundary, [], context.Caller.AccountId, request.CallerArn, request.ActionNames, request.ResourceArns,
            request.ResourcePolicy, request.ResourceOwner, request.ContextEntries, request.Marker, request.MaxItems);
    }

    public static GetContextKeysForPolicyResponse ContextKeysForPrincipal(OperationContext context, GetContextKeysForPrincipalPolicyRequest request) =>
        new(PolicySimulator.ContextKeys(FindSource(context, request.PolicySourceArn).Identity.Concat(Parse(request.PolicyInputList, "PolicyInputList"))));

    public static GetContextKeysForPolicyResponse ContextKeysForCustom(OperationContext context, GetContextKeysForCustomPolicyRequest request) =>
        new(PolicySimulator.ContextKeys(Parse(request.PolicyInputList, "PolicyInputList")));

    private static SimulatePolicyResponse Simulate(
        IReadOnlyList<Policy> identity, Policy? boundary, IReadOnlyList<IReadOnlyList<Policy>> scps, string callerAccount, string? callerArn,
        IReadOnlyList<string> actions, IReadOnlyList<string>? resourceArns, string? resourcePolicy, string? resourceOwner,
        IReadOnlyList<ContextEntry>? contextEntries, string? marker, int? maxItems)
    {
        var resourcePolicyParsed = resourcePolicy is null ? null : ParseOne(resourcePolicy, PolicySources.ResourcePolicy);
        var owner = resourceOwner is null ? callerAccount : AccountOf(resourceOwner);
        var policies = new PolicySet
        {
            Identity = identity,
            Boundary = boundary,
            ServiceControlLevels = scps,
            ResourcePolicy = resourcePolicyParsed,
            ResourceInCallerAccount = owner == (callerArn is null ? callerAccount : AccountOf(callerArn)),
        };
        var names = CallerNames(callerArn ?? $"arn:aws:iam::{callerAccount}:root");
        var context = Context(contextEntries);
        var explicitResources = resourceArns is { Count: > 0 };
        var resources = explicitResources ? resourceArns! : ["*"];
        var simulations = actions.SelectMany(action => resources.Select(resource => PolicySimulator.Simulate(policies, names, context, action, resource)))
            .Select((simulation, index) => (Simulation: simulation, Key: index.ToString("D6", CultureInfo.InvariantCulture)));
        var (items, truncated, next) = IamInput.Page(simulations, s => s.Key, marker, maxItems);
        return new(items.Select(s => Result(s.Simulation, explicitResources)).ToList(), truncated, next);
    }

    /// <summary>With ResourceArns, the per-resource detail (matched statements, missing keys) is under ResourceSpecificResults, as IAM reports it.</summary>
    private static EvaluationResult Result(Simulation simulation, bool explicitResource)
    {
        var decision = Decision(simulation.Evaluation.Decision);
        var matched = simulation.Determining.Select(Reference).ToList();
        var boundary = simulation.BoundaryApplies ? new PermissionsBoundaryDecisionDetail(simulation.Evaluation.AllowedByBoundary) : null;
        var organizations = simulation.OrganizationsApply ? new OrganizationsDecisionDetail(simulation.Evaluation.AllowedByOrganizations) : null;
        if (!explicitResource)
            return new(simulation.Action, simulation.Resource, decision, matched, simulation.MissingContextValues, organizations, boundary, null);
        var specific = new ResourceSpecificResult(simulation.Resource, decision, matched, simulation.MissingContextValues, boundary);
        return new(simulation.Action, simulation.Resource, decision, matched, [], organizations, boundary, [specific]);
    }

    private static string Decision(Authorization.Decision decision) => decision switch
    {
        Authorization.Decision.Allowed => "allowed",
        Authorization.Decision.ExplicitDeny => "explicitDeny",
        _ => "implicitDeny",
    };

    private static StatementReference Reference(MatchedStatement matched)
    {
        var (type, id) = PolicySources.Describe(matched.Source);
        var positions = StatementPositions.Of(matched.Policy.Text);
        var (start, end) = matched.Statement.Index < positions.Count ? positions[matched.Statement.Index] : (null, null);
        return new StatementReference(id, type, start, end);
    }

    private static Source FindSource(OperationContext context, string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts is not [_, _, "iam", _, var account, var resource] || !resource.Contains('/')) throw IamErrors.InvalidArn(arn);
        var name = resource[(resource.LastIndexOf('/') + 1)..];
        var type = resource[..resource.IndexOf('/')];
        var tx = context.Tx;
        if (account != context.Caller.AccountId) account = ""; // only the caller's own principals can be simulated: not found
        switch (type)
        {
            case "user":
                var user = tx.Users.FindById(UserDoc.Key(account, name)) ?? throw IamErrors.NoSuchUser(name);
                var asUser = Principal.OfUser(tx, new Caller(account, PrincipalKind.User, user.Arn, user.UserId), user);
                return new(asUser.Identity, asUser.Boundary, account, user.Arn, false);
            case "role":
                var role = tx.Roles.FindById(RoleDoc.Key(account, name)) ?? throw IamErrors.NoSuchRole(name);
                var asRole = Principal.OfRole(tx, new Caller(account, PrincipalKind.AssumedRole, role.Arn, role.RoleId), role);
                return new(asRole.Identity, asRole.Boundary, account, role.Arn, asRole.IsServiceLinkedRole);
            case "group":
                var group = tx.Groups.FindById(GroupDoc.Key(account, name)) ?? throw IamErrors.NoSuchGroup(name);
                return new(Principal.GroupPolicies(tx, group).ToList(), null, account, group.Arn, false);
            default:
                throw IamErrors.InvalidArn(arn);
        }
    }

    private static IReadOnlyList<Policy> Parse(IReadOnlyList<string>? documents, string member) =>
        documents?.Select((document, index) => ParseOne(document, PolicySources.Input(member, index + 1))).ToList() ?? [];

    private static Policy ParseOne(string document, string source) =>
        PolicyParser.TryParse(document, source, out var policy, out var error) ? policy : throw IamErrors.InvalidInput($"{source}: {error}");

    private static string AccountOf(string ownerOrArn) =>
        ownerOrArn.Split(':') is [_, _, _, _, var account, ..] ? account : ownerOrArn;

    private static HashSet<string> CallerNames(string callerArn)
    {
        var account = AccountOf(callerArn);
        return new(StringComparer.Ordinal) { callerArn, account, $"arn:aws:iam::{account}:root" };
    }

    private static Dictionary<string, IReadOnlyList<string>> Context(IReadOnlyList<ContextEntry>? entries) =>
        (entries ?? []).Where(e => e.ContextKeyName is not null)
            .GroupBy(e => e.ContextKeyName!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.SelectMany(e => e.ContextKeyValues ?? []).ToList(), StringComparer.OrdinalIgnoreCase);
}
