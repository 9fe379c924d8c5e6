using Emulator.Core;
using Emulator.Services.Iam;

namespace Emulator.Services.Sts;

public sealed record PolicyDescriptorType(string? arn);

public sealed record GetFederationTokenRequest(
    string Name, int? DurationSeconds, string? Policy, IReadOnlyList<PolicyDescriptorType>? PolicyArns, IReadOnlyList<Tag>? Tags);

public sealed record FederatedUser(string FederatedUserId, string Arn);

public sealed record GetFederationTokenResponse(Credentials Credentials, FederatedUser FederatedUser, int? PackedPolicySize);

/// <summary>
/// GetFederationToken: credentials for a federated user "&lt;account&gt;:&lt;name&gt;" of the calling IAM user's (or root's)
/// account. Not callable with session credentials; root sessions last at most an hour.
/// </summary>
public static class FederationTokenOperations
{
    private const int DefaultSeconds = 43200;
    private const int RootMaxSeconds = 3600;

    /// <summary>The packed session policy budget the size percentage is measured against (characters).</summary>
    private const int PackedPolicyBudget = 2048;

    public static void Register(OperationTable table) =>
        table.Write<GetFederationTokenRequest, GetFederationTokenResponse>("GetFederationToken", Get);

    public static GetFederationTokenResponse Get(OperationContext context, GetFederationTokenRequest request)
    {
        var caller = context.Caller;
        if (caller.Kind is PrincipalKind.AssumedRole or PrincipalKind.FederatedUser) throw StsErrors.FederationTokenFromSession();
        if (request.Policy is not null) SessionOperations.EnsureJson(request.Policy);
        var seconds = request.DurationSeconds ?? DefaultSeconds;
        if (caller.Kind == PrincipalKind.Root) seconds = Math.Min(seconds, RootMaxSeconds);

        var federatedUserId = $"{caller.AccountId}:{request.Name}";
        var arn = $"arn:aws:sts::{caller.AccountId}:federated-user/{request.Name}";
        var credentials = TemporaryCredentials.Issue(context.Tx, caller.AccountId, PrincipalKind.FederatedUser, arn, federatedUserId, context.Now.AddSeconds(seconds));
        SessionPolicies.Remember(context.Tx, credentials.AccessKeyId, request.Policy,
            request.PolicyArns?.Select(p => p.arn).OfType<string>().ToList(), federatedBy: caller.UserId);
        return new(credentials, new FederatedUser(federatedUserId, arn), PackedPolicySize(request));
    }

    /// <summary>A percentage of the session-policy budget, reported when a session policy or tags were passed.</summary>
    private static int? PackedPolicySize(GetFederationTokenRequest request)
    {
        var used = (request.Policy?.Length ?? 0) +
                   (request.PolicyArns?.Sum(p => p.arn?.Length ?? 0) ?? 0) +
                   (request.Tags?.Sum(t => t.Key.Length + (t.Value?.Length ?? 0)) ?? 0);
        return used == 0 ? null : (int)Math.Ceiling(used * 100.0 / PackedPolicyBudget);
    }
}
