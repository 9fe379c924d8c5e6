using System.Collections.Frozen;
using System.Globalization;
using Emulator.Core;
using Emulator.Services.Iam;
using Emulator.Services.Organizations;
using Emulator.State;

namespace Emulator.Services.Authorization;

/// <summary>Where the request came from: what aws:SourceIp and aws:SecureTransport report.</summary>
public sealed record Connection(string? SourceIp, bool Secure)
{
    public static readonly Connection Local = new("127.0.0.1", false);
}

/// <summary>
/// The global condition keys a call in this emulator carries (aws:Principal*, aws:userid, aws:username, time,
/// transport, tags, resource account and organization) plus the action's service keys from <see cref="ActionTable"/>.
/// The principal's keys are the same for each of its requests in one snapshot (<see cref="OfPrincipal"/>); the rest
/// are the request's own.
/// </summary>
public static class ContextKeys
{
    private static readonly IReadOnlyList<string> True = ["true"];
    private static readonly IReadOnlyList<string> False = ["false"];

    /// <summary>The keys that describe the principal: aws:PrincipalArn/Account/Type, aws:userid, aws:username, tags, organization.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> OfPrincipal(Tx tx, Principal principal)
    {
        var caller = principal.Caller;
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["aws:PrincipalArn"] = [principal.PrincipalArn],
            ["aws:PrincipalAccount"] = [caller.AccountId],
            ["aws:PrincipalType"] = [principal.PrincipalType],
            ["aws:userid"] = [caller.Kind == PrincipalKind.Root ? caller.AccountId : caller.UserId],
        };
        if (principal.UserName is { } userName) keys["aws:username"] = [userName];
        if (caller.Kind == PrincipalKind.AssumedRole) keys["aws:MultiFactorAuthPresent"] = False;
        foreach (var (key, value) in principal.Tags) keys[$"aws:PrincipalTag/{key}"] = [value];
        if (Principal.OrganizationOf(tx, caller.AccountId) is { } org)
        {
            keys["aws:PrincipalOrgID"] = [org.Id];
            var parent = tx.Accounts.FindById(caller.AccountId)?.ParentId ?? org.RootId;
            keys["aws:PrincipalOrgPaths"] = [OrganizationTree.PathOf(tx, org, parent)];
        }
        return keys.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The context of one request of a principal whose keys are not cached (the trust policy and Organizations resource policy checks).</summary>
    public static RequestContext Build(Tx tx, Principal principal, ActionBinding binding, string resource, IRequestMembers input,
        Connection connection, DateTimeOffset now, string region) =>
        Build(tx, principal, OfPrincipal(tx, principal), binding, resource, input, connection, now, region);

    public static RequestContext Build(Tx tx, CallerAuthorization caller, ActionBinding binding, string resource, IRequestMembers input,
        Connection connection, DateTimeOffset now, string region) =>
        Build(tx, caller.Principal, caller.PrincipalKeys, binding, resource, input, connection, now, region);

    private static RequestContext Build(Tx tx, Principal principal, IReadOnlyDictionary<string, IReadOnlyList<string>> principalKeys,
        ActionBinding binding, string resource, IRequestMembers input, Connection connection, DateTimeOffset now, string region) =>
        new(binding.Action, resource, principalKeys, request => AddRequestKeys(request, tx, principal.Caller, binding, resource, input, connection, now, region))
        {
            AwsPrincipals = principal.AwsNames,
        };

    /// <summary>The keys of the request itself: Region, time, transport, source address, request and resource tags, resource account and the action's own keys.</summary>
    private static void AddRequestKeys(RequestContext request, Tx tx, Caller caller, ActionBinding binding, string resource, IRequestMembers input,
        Connection connection, DateTimeOffset now, string region)
    {
        request.With("aws:RequestedRegion", region)
            .With("aws:CurrentTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .With("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .With("aws:SecureTransport", connection.Secure ? True : False)
            .With("aws:ViaAWSService", False);
        if (connection.SourceIp is { } ip) request.With("aws:SourceIp", ip);

        var tags = input.Pairs("Tags");
        foreach (var (key, value) in tags) request.With($"aws:RequestTag/{key}", value);
        var tagKeys = input.List("TagKeys");
        if (tags.Count > 0 || tagKeys.Count > 0) request.With("aws:TagKeys", [.. tags.Select(t => t.Key), .. tagKeys]);

        var arn = resource.Split(':', 6);
        var resourceAccount = ResourceAccount(arn) ?? caller.AccountId;
        request.With("aws:ResourceAccount", resourceAccount);
        if (Principal.OrganizationOf(tx, resourceAccount) is { } resourceOrg) request.With("aws:ResourceOrgID", resourceOrg.Id);
        foreach (var tag in ResourceTags(tx, arn)) request.With($"aws:ResourceTag/{tag.Key}", tag.Value);

        if (binding.ConditionKeys is { } conditionKeys)
            foreach (var (key, member) in conditionKeys)
                if (input.Text(member) is { } value) request.With(key, value);
    }

    /// <summary>The account field of an ARN (IAM, STS, identitystore); null for account-less ARNs and "*".</summary>
    private static string? ResourceAccount(string[] arn) =>
        arn is [_, _, "iam" or "sts" or "identitystore", _, var account, ..] && account.Length == 12 ? account : null;

    /// <summary>Tags of IAM roles and users named by the resource ARN.</summary>
    private static IReadOnlyList<TagDoc> ResourceTags(Tx tx, string[] arn)
    {
        if (arn is not [_, _, "iam", _, var account, var rest] || account.Length != 12) return [];
        var name = rest[(rest.LastIndexOf('/') + 1)..];
        return (rest.StartsWith("role/", StringComparison.Ordinal) ? tx.Roles.FindById(RoleDoc.Key(account, name))?.Tags
            : rest.StartsWith("user/", StringComparison.Ordinal) ? tx.Users.FindById(UserDoc.Key(account, name))?.Tags
            : null) ?? [];
    }
}
