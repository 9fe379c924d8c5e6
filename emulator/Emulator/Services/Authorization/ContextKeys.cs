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
/// </summary>
public static class ContextKeys
{
    public static RequestContext Build(Tx tx, Principal principal, ActionBinding binding, string resource, IRequestMembers input,
        Connection connection, DateTimeOffset now, string region)
    {
        var caller = principal.Caller;
        var request = new RequestContext(binding.Action, resource) { AwsPrincipals = principal.AwsNames };
        request.With("aws:PrincipalArn", principal.PrincipalArn)
            .With("aws:PrincipalAccount", caller.AccountId)
            .With("aws:PrincipalType", principal.PrincipalType)
            .With("aws:userid", caller.Kind == PrincipalKind.Root ? caller.AccountId : caller.UserId)
            .With("aws:RequestedRegion", region)
            .With("aws:CurrentTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .With("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .With("aws:SecureTransport", connection.Secure ? "true" : "false")
            .With("aws:ViaAWSService", "false");
        if (connection.SourceIp is { } ip) request.With("aws:SourceIp", ip);
        if (principal.UserName is { } userName) request.With("aws:username", userName);
        if (caller.Kind == PrincipalKind.AssumedRole) request.With("aws:MultiFactorAuthPresent", "false");
        foreach (var (key, value) in principal.Tags) request.With($"aws:PrincipalTag/{key}", value);
        if (Principal.OrganizationOf(tx, caller.AccountId) is { } org)
        {
            request.With("aws:PrincipalOrgID", org.Id);
            var parent = tx.Accounts.FindById(caller.AccountId)?.ParentId ?? org.RootId;
            request.With("aws:PrincipalOrgPaths", OrganizationTree.PathOf(tx, org, parent));
        }

        var tags = input.Pairs("Tags");
        foreach (var (key, value) in tags) request.With($"aws:RequestTag/{key}", value);
        var tagKeys = tags.Select(t => t.Key).Concat(input.List("TagKeys")).ToList();
        if (tagKeys.Count > 0) request.With("aws:TagKeys", tagKeys);

        var resourceAccount = ResourceAccount(resource) ?? caller.AccountId;
        request.With("aws:ResourceAccount", resourceAccount);
        if (Principal.OrganizationOf(tx, resourceAccount) is { } resourceOrg) request.With("aws:ResourceOrgID", resourceOrg.Id);
        foreach (var (key, value) in ResourceTags(tx, resource)) request.With($"aws:ResourceTag/{key}", value);

        foreach (var (key, member) in binding.ConditionKeys ?? new Dictionary<string, string>())
            if (input.Text(member) is { } value) request.With(key, value);
        return request;
    }

    /// <summary>The account field of an ARN (IAM, STS, identitystore); null for account-less ARNs and "*".</summary>
    private static string? ResourceAccount(string resource) =>
        resource.Split(':') is [_, _, "iam" or "sts" or "identitystore", _, var account, ..] && account.Length == 12 ? account : null;

    /// <summary>Tags of IAM roles and users named by the resource ARN.</summary>
    private static IEnumerable<KeyValuePair<string, string>> ResourceTags(Tx tx, string resource)
    {
        var parts = resource.Split(':', 6);
        if (parts is not [_, _, "iam", _, var account, var rest] || account.Length != 12) return [];
        var name = rest[(rest.LastIndexOf('/') + 1)..];
        List<TagDoc>? tags = rest.StartsWith("role/", StringComparison.Ordinal) ? tx.Roles.FindById(RoleDoc.Key(account, name))?.Tags
            : rest.StartsWith("user/", StringComparison.Ordinal) ? tx.Users.FindById(UserDoc.Key(account, name))?.Tags
            : null;
        return tags?.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)) ?? [];
    }
}
