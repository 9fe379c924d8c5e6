using Emulator.Core;

namespace Emulator.Services.Trail;

/// <summary>
/// One recorded event, compact: what the call was and who made it, with the request and response as the JSON text the
/// wire carried. The CloudTrail record (<see cref="TrailRecords.Render"/>) is built from it only when someone reads it,
/// so recording a call costs a few references and one string. Immutable, except for the sequence, which is assigned
/// once, when the event is published in recording order.
/// </summary>
public sealed class TrailEntry
{
    private static readonly IReadOnlyList<TrailResource> NoResources = [];

    /// <summary>Recording order, from 1; assigned when the event is published.</summary>
    [System.Text.Json.Serialization.JsonInclude]
    public long Sequence { get; internal set; }

    public required string EventId { get; init; }
    public required DateTimeOffset EventTime { get; init; }
    public required string EventType { get; init; }

    /// <summary>The account whose event history holds the event (recipientAccountId).</summary>
    public required string AccountId { get; init; }

    public required string EventSource { get; init; }
    public required string EventName { get; init; }
    public bool ReadOnly { get; init; }

    /// <summary>Who called (API calls); null for a service's own events.</summary>
    public Caller? Caller { get; init; }

    /// <summary>The access key id the request was signed with, when the caller has none of its own (a root caller's key).</summary>
    public string? SignedWith { get; init; }

    /// <summary>For an assumed-role caller: the ARN of the role behind the session (with its path), when the role existed.</summary>
    public string? IssuerArn { get; init; }

    /// <summary>The acting service principal of a service event, e.g. "sso.amazonaws.com".</summary>
    public string? InvokedBy { get; init; }

    public required string Region { get; init; }
    public required string RequestId { get; init; }
    public required string SourceIp { get; init; }
    public required string UserAgent { get; init; }
    public bool FromConsole { get; init; }

    /// <summary>
    /// The served model whose member names and sensitive marks <see cref="Request"/> and <see cref="Response"/> are
    /// rendered with; null when they are kept as CloudTrail shows them.
    /// </summary>
    public string? Service { get; init; }

    /// <summary>The request's members as JSON (null when it had none); values the model marks sensitive are already hidden.</summary>
    public string? Request { get; init; }

    /// <summary>A successful write's response as JSON (null for reads and refusals); credentials already hidden.</summary>
    public string? Response { get; init; }

    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    /// <summary>A service event's cause: the eventID of the call that made the service act (sharedEventID).</summary>
    public string? SharedEventId { get; init; }

    /// <summary>A service event's answer to "why did this happen?" (serviceEventDetails.reason).</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<TrailResource> Resources { get; init; } = NoResources;

    /// <summary>LookupEvents' Username: "root", the IAM user's name, the role session's name, the acting service.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Username => Caller is null ? InvokedBy : Caller.Kind switch
    {
        PrincipalKind.Root => "root",
        PrincipalKind.Anonymous => null,
        _ => Caller.Arn[(Caller.Arn.LastIndexOf('/') + 1)..],
    };

    /// <summary>LookupEvents' AccessKeyId.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? AccessKeyId => Caller is null || Caller.Kind == PrincipalKind.Anonymous ? null : Caller.AccessKeyId ?? SignedWith;

    /// <summary>The caller's ARN, "anonymous", or the acting service principal (the console's caller filter).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string CallerName => Caller is null ? InvokedBy ?? "" : Caller.Kind == PrincipalKind.Anonymous ? "anonymous" : Caller.Arn;
}

/// <summary>A resource an event names (LookupEvents' Resources), e.g. AWS::IAM::Role and the role's name.</summary>
public sealed record TrailResource(string ResourceType, string ResourceName);

public static class TrailEventTypes
{
    public const string ApiCall = "AwsApiCall";
    public const string ServiceEvent = "AwsServiceEvent";
    public const string ConsoleAction = "AwsConsoleAction";
}
