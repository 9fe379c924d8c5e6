using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulator.Core;
using Emulator.Services.Authorization;
using Emulator.Services.Iam;

namespace Emulator.Services.Sts;

public sealed record AssumeRoleRequest(
    string RoleArn, string RoleSessionName, int? DurationSeconds, string? Policy, string? ExternalId, string? SourceIdentity,
    List<PolicyDescriptor>? PolicyArns = null);

/// <summary>STS's PolicyDescriptorType (the member is spelled "arn").</summary>
public sealed record PolicyDescriptor(string? arn);

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
    /// Root credentials may not assume roles. The role must exist (at the path the ARN names) and its trust policy
    /// must let the caller in (Principal, NotPrincipal, Condition such as sts:ExternalId). Session policies (Policy,
    /// PolicyArns) are remembered with the credentials. Role chaining caps the session at one hour.
    /// </summary>
    public static AssumeRoleResponse AssumeRole(OperationContext context, AssumeRoleRequest request)
    {
        var tx = context.Tx;
        var caller = context.Caller;
        if (caller.Kind == PrincipalKind.Root) throw StsErrors.RootCannotAssumeRoles();
        var match = RoleArnPattern().Match(request.RoleArn);
        var role = match.Success ? tx.Roles.FindById(RoleDoc.Key(match.Groups["account"].Value, match.Groups["name"].Value)) : null;
        var input = (JsonObject)JsonSerializer.SerializeToNode(request, StsJson.Default.AssumeRoleRequest)!;
        if (role is null || role.Path != match.Groups["path"].Value || !Authorizer.TrustAllows(context, role, input))
            throw StsErrors.NotAuthorizedToAssume(caller.Arn, request.RoleArn);

        var seconds = request.DurationSeconds ?? DefaultRoleSeconds;
        if (seconds > role.MaxSessionDuration) throw StsErrors.DurationExceedsRoleMaximum();
        if (caller.Kind == PrincipalKind.AssumedRole && seconds > ChainedRoleSeconds) throw StsErrors.DurationExceedsChainingLimit();
        if (request.Policy is not null) EnsureJson(request.Policy);

        var assumedRoleId = $"{role.RoleId}:{request.RoleSessionName}";
        var arn = $"arn:aws:sts::{role.AccountId}:assumed-role/{role.RoleName}/{request.RoleSessionName}";
        var credentials = TemporaryCredentials.Issue(tx, role.AccountId, PrincipalKind.AssumedRole, arn, assumedRoleId, context.Now.AddSeconds(seconds));
        SessionPolicies.Remember(tx, credentials.AccessKeyId, request.Policy, request.PolicyArns?.Select(p => p.arn ?? "").ToList());
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
