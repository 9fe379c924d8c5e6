using System.Text.Json;
using System.Text.RegularExpressions;
using Emulator.Core;
using Emulator.Services.Iam;

namespace Emulator.Services.Sts;

public sealed record AssumeRoleRequest(
    string RoleArn, string RoleSessionName, int? DurationSeconds, string? Policy, string? ExternalId, string? SourceIdentity);

public sealed record AssumedRoleUser(string AssumedRoleId, string Arn);

public sealed record AssumeRoleResponse(Credentials Credentials, AssumedRoleUser AssumedRoleUser, string? SourceIdentity);

public sealed record GetSessionTokenRequest(int? DurationSeconds);

public sealed record GetSessionTokenResponse(Credentials Credentials);

/// <summary>AssumeRole and GetSessionToken: temporary credentials that later requests use to act as a principal.</summary>
public static partial class SessionOperations
{
    private const int DefaultRoleSeconds = 3600;
    private const int DefaultSessionTokenSeconds = 43200;
    private const int RootSessionTokenSeconds = 3600;
    private const int ChainedRoleSeconds = 3600;

    [GeneratedRegex(@"^arn:aws:iam::(?<account>\d{12}):role(?<path>/(?:[\x21-\x7E]*/)?)(?<name>[\w+=,.@-]+)$")]
    private static partial Regex RoleArnPattern();

    public static void Register(OperationTable table)
    {
        table.Write<AssumeRoleRequest, AssumeRoleResponse>("AssumeRole", AssumeRole);
        table.Write<GetSessionTokenRequest, GetSessionTokenResponse>("GetSessionToken", GetSessionToken);
    }

    /// <summary>
    /// The role must exist (at the path the ARN names) and its trust policy must name the caller. Root callers may
    /// assume roles (an emulator simplification: AWS has refused root credentials here). Role chaining caps the session at one hour.
    /// </summary>
    public static AssumeRoleResponse AssumeRole(OperationContext context, AssumeRoleRequest request)
    {
        var tx = context.Tx;
        var caller = context.Caller;
        var match = RoleArnPattern().Match(request.RoleArn);
        var role = match.Success ? tx.Roles.FindById(RoleDoc.Key(match.Groups["account"].Value, match.Groups["name"].Value)) : null;
        if (role is null || role.Path != match.Groups["path"].Value || !TrustPolicies.Allows(role.AssumeRolePolicyDocument, PrincipalsOf(context)))
            throw StsErrors.NotAuthorizedToAssume(caller.Arn, request.RoleArn);

        var seconds = request.DurationSeconds ?? DefaultRoleSeconds;
        if (seconds > role.MaxSessionDuration) throw StsErrors.DurationExceedsRoleMaximum();
        if (caller.Kind == PrincipalKind.AssumedRole && seconds > ChainedRoleSeconds) throw StsErrors.DurationExceedsChainingLimit();
        if (request.Policy is not null) EnsureJson(request.Policy);

        var assumedRoleId = $"{role.RoleId}:{request.RoleSessionName}";
        var arn = $"arn:aws:sts::{role.AccountId}:assumed-role/{role.RoleName}/{request.RoleSessionName}";
        var credentials = TemporaryCredentials.Issue(tx, role.AccountId, PrincipalKind.AssumedRole, arn, assumedRoleId, context.Now.AddSeconds(seconds));
        return new(credentials, new AssumedRoleUser(assumedRoleId, arn), request.SourceIdentity);
    }

    /// <summary>Same principal as the caller; not callable with session credentials; root sessions last at most an hour.</summary>
    public static GetSessionTokenResponse GetSessionToken(OperationContext context, GetSessionTokenRequest request)
    {
        var caller = context.Caller;
        if (caller.Kind is PrincipalKind.AssumedRole or PrincipalKind.FederatedUser) throw StsErrors.SessionTokenFromSession();
        var seconds = request.DurationSeconds ?? DefaultSessionTokenSeconds;
        if (caller.Kind == PrincipalKind.Root) seconds = Math.Min(seconds, RootSessionTokenSeconds);
        var credentials = TemporaryCredentials.Issue(context.Tx, caller.AccountId, caller.Kind, caller.Arn, caller.UserId, context.Now.AddSeconds(seconds));
        return new(credentials);
    }

    /// <summary>The principal strings a trust policy may use to name the caller.</summary>
    private static IReadOnlyCollection<string> PrincipalsOf(OperationContext context)
    {
        var caller = context.Caller;
        var names = new HashSet<string>(StringComparer.Ordinal) { caller.AccountId, $"arn:aws:iam::{caller.AccountId}:root", caller.Arn };
        if (caller.Kind == PrincipalKind.AssumedRole)
        {
            var roleId = caller.UserId.Split(':')[0];
            if (context.Tx.Roles.FindOne(r => r.AccountId == caller.AccountId && r.RoleId == roleId) is { } role) names.Add(role.Arn);
        }
        return names;
    }

    public static void EnsureJson(string policy)
    {
        bool isObject;
        try
        {
            using var document = JsonDocument.Parse(policy);
            isObject = document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException) { isObject = false; }
        if (!isObject) throw StsErrors.MalformedPolicyDocument();
    }
}
