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
        PrincipalKind.User => CallingUser(tx, caller) is { } user ? OfUser(tx, caller, user) : Bare(caller, caller.Arn, "User"),
        PrincipalKind.AssumedRole => SessionRole(tx, caller) is { } role ? OfRole(tx, caller, role) : Bare(caller, caller.Arn, "AssumedRole"),
        PrincipalKind.FederatedUser => OfFederatedUser(tx, caller),
        _ => Bare(caller, $"arn:aws:iam::{caller.AccountId}:root", "Account"),
    };

    /// <summary>The caller's IAM user: named by the end of its ARN (names are unique in an account), if it is still the same user (its id).</summary>
    private static UserDoc? CallingUser(Tx tx, Caller caller) =>
        tx.Users.FindById(UserDoc.Key(caller.AccountId, caller.Arn[(caller.Arn.LastIndexOf('/') + 1)..])) is { } user && user.UserId == caller.UserId ? user : null;

    /// <summary>The role of a session (arn:aws:sts::&lt;account&gt;:assumed-role/&lt;role&gt;/&lt;session&gt;), if it is still the same role (its id).</summary>
    private static RoleDoc? SessionRole(Tx tx, Caller caller)
    {
        const string marker = ":assumed-role/";
        var at = caller.Arn.IndexOf(marker, StringComparison.Ordinal);
        var end = at < 0 ? -1 : caller.Arn.IndexOf('/', at + marker.Length);
        if (end < 0) return null;
        var role = tx.Roles.FindById(RoleDoc.Key(caller.AccountId, caller.Arn[(at + marker.Length)..end]));
        return role is not null && role.RoleId == caller.UserId.Split(':')[0] ? role : null;
    }

    private static Principal Bare(Caller caller, string principalArn, string type) => new(caller, principalArn, type, [], null, null,
        Names(caller, principalArn), [], null, false);

    private static HashSet<string> Names(Caller caller, string principalArn) =>
        new(StringComparer.Ordinal) { caller.AccountId, $"arn:aws:iam::{caller.AccountId}:root", caller.Arn, principalArn };

    /// <summary>An IAM user: its inline and attached policies and its groups' (the simulator passes a caller of its own).</summary>
    public static Principal OfUser(Tx tx, Caller caller, UserDoc user)
    {
        var groups = tx.Groups.Find(g => g.AccountId == user.AccountId).Where(g => g.UserNames.Contains(user.UserName)).ToList();
        var identity = Managed(tx, user.AttachedPolicies)
            .Concat(tx.UserInlinePolicies.Find(p => p.AccountId == user.AccountId && p.UserName == user.UserName)
                .Select(p => PolicyCache.Get(p.Document, PolicySources.Inline("user", user.UserName, p.PolicyName))))
            .OfType<Policy>()
            .Concat(groups.SelectMany(g => GroupPolicies(tx, g)))
            .ToList();
        return new(caller, user.Arn, "User", identity, BoundaryPolicy(tx, user.PermissionsBoundaryArn), Session(tx, caller),
            Names(caller, user.Arn), user.Tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)).ToList(), user.UserName, false);
    }

    /// <summary>A role (a session of it, or the simulator's stand-in).</summary>
    public static Principal OfRole(Tx tx, Caller caller, RoleDoc role)
    {
        var identity = Managed(tx, role.AttachedPolicies)
            .Concat(role.InlinePolicies.Select(p => PolicyCache.Get(p.Value, PolicySources.Inline("role", role.RoleName, p.Key))))
            .OfType<Policy>().ToList();
        return new(caller, role.Arn, "AssumedRole", identity, BoundaryPolicy(tx, role.PermissionsBoundaryArn), Session(tx, caller),
            Names(caller, role.Arn), role.Tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)).ToList(), null, role.LinkedService is not null);
    }

    /// <summary>A group's attached and inline policies.</summary>
    public static IEnumerable<Policy> GroupPolicies(Tx tx, GroupDoc group) =>
        Managed(tx, group.AttachedPolicies)
            .Concat(group.InlinePolicies.Select(p => PolicyCache.Get(p.Value, PolicySources.Inline("group", group.GroupName, p.Key))))
            .OfType<Policy>();

    /// <summary>
    /// A GetFederationToken session: the issuing IAM user's identity-based policies (and boundary), capped by the session
    /// policies passed — none passed, nothing allowed (IAM User Guide, "Permissions for GetFederationToken"). A session
    /// issued by the root user is capped by its session policies only.
    /// </summary>
    private static Principal OfFederatedUser(Tx tx, Caller caller)
    {
        if (caller.AccessKeyId is null || tx.SessionPolicies.FindById(caller.AccessKeyId) is not { FederatedBy: { } broker }) return Bare(caller, caller.Arn, "FederatedUser");
        var session = Session(tx, caller) ?? [];
        if (broker == caller.AccountId)
            return new(caller, caller.Arn, "FederatedUser", [RootEquivalent], null, session, Names(caller, caller.Arn), [], null, false);
        if (tx.Users.FindOne(u => u.AccountId == caller.AccountId && u.UserId == broker) is not { } user) return Bare(caller, caller.Arn, "FederatedUser");
        var issuer = OfUser(tx, caller, user);
        return issuer with { PrincipalArn = caller.Arn, PrincipalType = "FederatedUser", SessionPolicies = session, AwsNames = Names(caller, caller.Arn), Tags = [], UserName = null };
    }

    private static readonly Policy RootEquivalent = PolicyParser.Parse("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""", "root");

    private static IEnumerable<Policy?> Managed(Tx tx, IEnumerable<AttachedPolicyDoc> attached) =>
        attached.Select(p => ManagedPolicyDocuments.Parsed(tx, p.PolicyArn));

    /// <summary>A boundary that names a missing policy allows nothing (an empty policy).</summary>
    private static Policy? BoundaryPolicy(Tx tx, string? arn) =>
        arn is null ? null : ManagedPolicyDocuments.Parsed(tx, arn) ?? new Policy(null, [], arn);

    private static IReadOnlyList<Policy>? Session(Tx tx, Caller caller)
    {
        if (caller.AccessKeyId is null || tx.SessionPolicies.FindById(caller.AccessKeyId) is not { } session) return null;
        if (session.Policy is null && session.PolicyArns.Count == 0) return [];
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
