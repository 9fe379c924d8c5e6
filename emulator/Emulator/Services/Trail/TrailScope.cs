using Emulator.State;

namespace Emulator.Services.Trail;

/// <summary>Where a call came from and when: what every event of the call shares.</summary>
/// <param name="EventId">The call's own eventID, generated before the handler runs so that its service events can name it (sharedEventID).</param>
public sealed record TrailCall(
    DateTimeOffset Now, string Region, string RequestId, string SourceIp, string UserAgent, string EventId, TrailLimits Limits,
    string? AccessKeyId = null, bool FromConsole = false)
{
    /// <summary>For changes made outside an AWS call (the control plane, direct store access in tests).</summary>
    public static TrailCall Background(DateTimeOffset now, string region = "us-east-1", TrailLimits? limits = null) =>
        new(now, region, Guid.NewGuid().ToString(), "127.0.0.1", "emulator", Guid.NewGuid().ToString(), limits ?? TrailLimits.Default);
}

/// <summary>Retention: at most <see cref="MaxEvents"/> events, none older than <see cref="RetentionDays"/> days; the oldest go first.</summary>
public sealed record TrailLimits(int MaxEvents, int RetentionDays)
{
    public static readonly TrailLimits Default = new(100_000, 90);

    public static TrailLimits Of(Hosting.EmulatorOptions options) => new(options.TrailMaxEvents, options.TrailRetentionDays);
}

/// <summary>
/// The trail as one transaction sees it. Service events of a write land in the same transaction as the call, so they
/// commit with it or not at all; refusals (a locked role the caller tried to change) are kept aside, because the
/// refused call's transaction is thrown away and the refusal must still be on record.
/// </summary>
public sealed class TrailScope(Tx tx)
{
    private readonly List<TrailEventDoc> _refusals = [];

    /// <summary>The call this transaction runs for; null outside AWS calls.</summary>
    public TrailCall? Call { get; set; }

    /// <summary>Service events recorded for a refused change; the endpoint records them after the call fails.</summary>
    public IReadOnlyList<TrailEventDoc> Refusals => _refusals;

    /// <summary>
    /// A service's own action (<c>userIdentity.type</c> AWSService, <c>eventType</c> AwsServiceEvent) in the history of
    /// <paramref name="accountId"/>: e.g. sso.amazonaws.com creating AWSServiceRoleForSSO there.
    /// </summary>
    /// <param name="invokedBy">The acting service principal, e.g. "sso.amazonaws.com".</param>
    /// <param name="eventName">The IAM action the service performed, e.g. "CreateServiceLinkedRole", "DeleteRole".</param>
    /// <param name="why">A sentence answering "why did this happen?", kept in <c>serviceEventDetails.reason</c>.</param>
    public void ServiceEvent(string accountId, string invokedBy, string eventName, string roleName, string why)
    {
        var call = Call ?? TrailCall.Background(DateTimeOffset.UtcNow);
        TrailLedger.Append(tx, TrailRecords.ServiceEvent(call, accountId, invokedBy, eventName, roleName, why, errorCode: null), call.Limits);
    }

    /// <summary>A change to a locked role, refused by the service that owns it: recorded even though the call fails.</summary>
    public void RefusedChange(string accountId, string invokedBy, string eventName, string roleName, string why, string errorCode)
    {
        var call = Call ?? TrailCall.Background(DateTimeOffset.UtcNow);
        _refusals.Add(TrailRecords.ServiceEvent(call, accountId, invokedBy, eventName, roleName, why, errorCode));
    }
}
