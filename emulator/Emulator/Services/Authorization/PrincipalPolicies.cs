using Emulator.Core;
using Emulator.Services.Iam;
using Emulator.Services.Organizations;
using Emulator.State;

namespace Emulator.Services.Authorization;

/// <summary>
/// The calling principal as the evaluator sees it: its identity-based policies (inline and managed; a user's groups'
/// too), its permissions boundary, the session policies of its credentials, the names a Principal element may use
/// for it, and the aws:Principal* context keys.
/// </summary>
public sealed record Principal(
    Caller Caller,
    string PrincipalArn,
    string PrincipalType,
    IReadOnlyList<Policy> Identity,
    Policy? Boundary,
    IReadOnlyList<Policy>? SessionPolicies,
    IReadOnlySet<string> AwsNames,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    string? UserName,
    bool IsServiceLinkedRole)
{
    public bool IsRoot => Caller.Kind == PrincipalKind.Root;

    public static Principal Of(Tx tx, Caller caller) => caller.Kind switch
    {
        PrincipalKind.User => OfUser(tx, caller),
        PrincipalKind.AssumedRole => OfRole(tx, caller),
        _ => Bare(caller, $"arn:aws:iam::{caller.AccountId}:root", "Account"),
    };

    private static Principal Bare(Caller caller, string principalArn, string type) => new(caller, principalArn, type, [], null, null,
        Names(caller, principalArn), [], null, false);

    private static HashSet<string> Names(Caller caller, string principalArn) =>
        new(StringComparer.Ordinal) { caller.AccountId, $"arn:aws:iam::{caller.AccountId}:root", caller.Arn, principalArn };

    private static Principal OfUser(Tx tx, Caller caller)
    {
        var user = tx.Users.FindOne(u => u.AccountId == caller.AccountId && u.UserId == caller.UserId);
        if (user is null) return Bare(caller, caller.Arn, "User");
        var groups = tx.Groups.Find(g => g.AccountId == user.AccountId).Where(g => g.UserNames.Contains(user.UserName)).ToList();
        var identity = Managed(tx, user.AttachedPolicies)
            .Concat(tx.UserInlinePolicies.Find(p => p.AccountId == user.AccountId && p.UserName == user.UserName)
                .Select(p => PolicyCache.Get(p.Document, $"user {user.UserName} inline policy {p.PolicyName}")))
            .Concat(groups.SelectMany(g => Managed(tx, g.AttachedPolicies)
                .Concat(g.InlinePolicies.Select(p => PolicyCache.Get(p.Value, $"group {g.GroupName} inline policy {p.Key}")))))
            .OfType<Policy>().ToList();
        return new(caller, user.Arn, "User", identity, BoundaryPolicy(tx, user.PermissionsBoundaryArn), Session(tx, caller),
            Names(caller, user.Arn), user.Tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)).ToList(), user.UserName, false);
    }

    private static Principal OfRole(Tx tx, Caller caller)
    {
        var roleId = caller.UserId.Split(':')[0];
        var role = tx.Roles.FindOne(r => r.AccountId == caller.AccountId && r.RoleId == roleId);
        if (role is null) return Bare(caller, caller.Arn, "AssumedRole");
        var identity = Managed(tx, role.AttachedPolicies)
            .Concat(role.InlinePolicies.Select(p => PolicyCache.Get(p.Value, $"role {role.RoleName} inline policy {p.Key}")))
            .OfType<Policy>().ToList();
        return new(caller, role.Arn, "AssumedRole", identity, BoundaryPolicy(tx, role.PermissionsBoundaryArn), Session(tx, caller),
            Names(caller, role.Arn), role.Tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)).ToList(), null, role.LinkedService is not null);
    }

    private static IEnumerable<Policy?> Managed(Tx tx, IEnumerable<AttachedPolicyDoc> attached) =>
        attached.Select(p => ManagedPolicyDocuments.Parsed(tx, p.PolicyArn));

    /// <summary>A boundary that names a missing policy allows nothing (an empty policy).</summary>
    private static Policy? BoundaryPolicy(Tx tx, string? arn) =>
        arn is null ? null : ManagedPolicyDocuments.Parsed(tx, arn) ?? new Policy(null, [], arn);

    private static IReadOnlyList<Policy>? Session(Tx tx, Caller caller)
    {
        if (caller.AccessKeyId is null || tx.SessionPolicies.FindById(caller.AccessKeyId) is not { } session) return null;
        var inline = session.Policy is null ? [] : new[] { PolicyCache.Get(session.Policy, "session policy") ?? new Policy(null, [], "session policy") };
        return inline.Concat(session.PolicyArns.Select(arn => ManagedPolicyDocuments.Parsed(tx, arn) ?? new Policy(null, [], arn))).ToList();
    }

    /// <summary>The organization the account belongs to, if any.</summary>
    public static OrganizationDoc? OrganizationOf(Tx tx, string accountId) =>
        tx.Accounts.FindById(accountId) is { OrganizationId: { } orgId } ? tx.Organizations.FindById(orgId) : null;

    /// <summary>
    /// The SCP (or RCP) levels that apply to an account: none outside an organization, for the management account,
    /// or for a service-linked role; otherwise one list of parsed documents per level, as Organizations stores them.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Policy>> OrganizationLevels(Tx tx, string accountId, string policyType, bool serviceLinkedRole = false)
    {
        if (serviceLinkedRole || OrganizationOf(tx, accountId) is not { } org || org.ManagementAccountId == accountId) return [];
        return PolicyLevels.For(tx, accountId, policyType)
            .Select(level => (IReadOnlyList<Policy>)level.Select(json => PolicyCache.Get(json, policyType) ?? new Policy(null, [], policyType)).ToList())
            .ToList();
    }
}
