using LiteDB;
using Emulator.Services.Trail;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        /// <summary>The event trail (CloudTrail records), keyed by their sequence so that ordinal id order is recording order.</summary>
        public ILiteCollection<TrailEventDoc> TrailEvents => Collection<TrailEventDoc>("trail_events");

        /// <summary>One document: the next sequence number and the oldest one still kept.</summary>
        public ILiteCollection<TrailCursorDoc> TrailCursor => Collection<TrailCursorDoc>("trail_cursor");

        private TrailScope? _trail;

        /// <summary>
        /// The trail of the call this transaction runs for: the endpoint sets <see cref="TrailScope.Call"/>; the trust
        /// model records the service's own actions with <see cref="TrailScope.ServiceEvent"/>.
        /// </summary>
        public TrailScope Trail => _trail ??= new TrailScope(this);
    }
}

namespace Emulator.Services.Trail
{
    /// <summary>One CloudTrail event: the full record as CloudTrail's JSON, plus the fields LookupEvents filters on.</summary>
    public sealed class TrailEventDoc
    {
        /// <summary>The sequence number, 19 digits, so that ids sort in recording order.</summary>
        [BsonId] public string Id { get; set; } = "";
        public long Sequence { get; set; }
        public string EventId { get; set; } = "";

        /// <summary>The account whose event history holds the event (recipientAccountId).</summary>
        public string AccountId { get; set; } = "";
        public DateTimeOffset EventTime { get; set; }
        public string EventName { get; set; } = "";
        public string EventSource { get; set; } = "";
        public bool ReadOnly { get; set; }
        public string? Username { get; set; }
        public string? AccessKeyId { get; set; }
        public string EventType { get; set; } = TrailEventTypes.ApiCall;
        public string? ErrorCode { get; set; }

        /// <summary>The caller's ARN, or the service principal for the service's own events (console filter).</summary>
        public string Caller { get; set; } = "";
        public List<TrailResourceDoc> Resources { get; set; } = [];

        /// <summary>The record exactly as CloudTrail's <c>CloudTrailEvent</c> string holds it.</summary>
        public string Record { get; set; } = "";

        public static string Key(long sequence) => sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed class TrailResourceDoc
    {
        public string ResourceType { get; set; } = "";
        public string ResourceName { get; set; } = "";
    }

    public sealed class TrailCursorDoc
    {
        public const string SingletonId = "trail";

        [BsonId] public string Id { get; set; } = SingletonId;
        public long Next { get; set; } = 1;
        public long Oldest { get; set; } = 1;

        /// <summary>The eventTime of the oldest event kept, so that an append checks the age limit without reading that event.</summary>
        public DateTimeOffset? OldestTime { get; set; }
    }

    public static class TrailEventTypes
    {
        public const string ApiCall = "AwsApiCall";
        public const string ServiceEvent = "AwsServiceEvent";
        public const string ConsoleAction = "AwsConsoleAction";
    }
}
