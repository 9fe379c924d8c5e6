using Emulator.Core;

namespace Emulator.Services.Trail;

/// <summary>Where a call came from and when: what every event of the call shares.</summary>
/// <param name="EventId">The call's own eventID, generated before the handler runs so that its service events can name it (sharedEventID).</param>
/// <param name="AccessKeyId">The access key id the request was signed with.</param>
public sealed record TrailCall(
    DateTimeOffset Now, string Region, string RequestId, string SourceIp, string UserAgent, string EventId,
    string? AccessKeyId = null, bool FromConsole = false)
{
    /// <summary>For changes made outside an AWS call (the control plane, direct store access in tests).</summary>
    public static TrailCall Background(DateTimeOffset now, string region = "us-east-1") =>
        new(now, region, Ids.Uuid(), "127.0.0.1", "emulator", Ids.Uuid());
}

/// <summary>
/// The trail as one transaction sees it. Service events of a write go with the write (<paramref name="written"/>), so
/// they are saved with it or not at all; refusals (a locked role the caller tried to change) are kept aside, because the
/// refused call's transaction is thrown away and the refusal must still be on record.
/// </summary>
/// <param name="written">The write's events (null in a read).</param>
public sealed class TrailScope(List<TrailEntry>? written)
{
    private readonly List<TrailEntry> _refusals = [];

    /// <summary>The call this transaction runs for; null outside AWS calls.</summary>
    public TrailCall? Call { get; set; }

    /// <summary>Service events recorded for a refused change; the endpoint records them after the call fails.</summary>
    public IReadOnlyList<TrailEntry> Refusals => _refusals;

    /// <summary>Adds an event to the write: it is published when the write is durable.</summary>
    public void Add(TrailEntry entry) =>
        (written ?? throw new InvalidOperationException("The trail was written inside a read-only operation; register the operation with table.Write."))
        .Add(entry);

    /// <summary>
    /// A service's own action (<c>userIdentity.type</c> AWSService, <c>eventType</c> AwsServiceEvent) in the history of
    /// <paramref name="accountId"/>: e.g. sso.amazonaws.com creating AWSServiceRoleForSSO there.
    /// </summary>
    /// <param name="invokedBy">The acting service principal, e.g. "sso.amazonaws.com".</param>
    /// <param name="eventName">The IAM action the service performed, e.g. "CreateServiceLinkedRole", "DeleteRole".</param>
    /// <param name="why">A sentence answering "why did this happen?", kept in <c>serviceEventDetails.reason</c>.</param>
    public void ServiceEvent(string accountId, string invokedBy, string eventName, string roleName, string why) =>
        Add(TrailRecords.ServiceEvent(Call ?? TrailCall.Background(DateTimeOffset.UtcNow), accountId, invokedBy, eventName, roleName, why, errorCode: null));

    /// <summary>A change to a locked role, refused by the service that owns it: recorded even though the call fails.</summary>
    public void RefusedChange(string accountId, string invokedBy, string eventName, string roleName, string why, string errorCode) =>
        _refusals.Add(TrailRecords.ServiceEvent(Call ?? TrailCall.Background(DateTimeOffset.UtcNow), accountId, invokedBy, eventName, roleName, why, errorCode));
}
