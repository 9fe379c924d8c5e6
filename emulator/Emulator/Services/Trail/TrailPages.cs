using Emulator.Core;
using LiteDB;

namespace Emulator.Services.Trail;

/// <summary>
/// The trail's durable form: LiteDB documents ("pages") of up to <see cref="PageSize"/> events each, keyed by the first
/// event's sequence (19 digits, so ids sort in recording order). One commit saves its events as one page (or a few),
/// so a burst of reads costs one document, not one per event. Field names are CloudTrail's where CloudTrail has one.
/// </summary>
public static class TrailPages
{
    public const string Collection = "trail";
    public const int PageSize = 1000;

    public static string Key(long sequence) => sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static BsonDocument Page(IReadOnlyList<TrailEntry> events) => new()
    {
        ["_id"] = Key(events[0].Sequence),
        ["events"] = new BsonArray(events.Select(ToBson)),
    };

    public static List<TrailEntry> Entries(BsonDocument page) =>
        page["events"] is { IsArray: true } events ? [.. events.AsArray.Select(e => FromBson(e.AsDocument))] : [];

    private static BsonDocument ToBson(TrailEntry e)
    {
        var doc = new BsonDocument
        {
            ["sequence"] = e.Sequence,
            ["eventID"] = e.EventId,
            ["eventTime"] = e.EventTime.ToUnixTimeMilliseconds(),
            ["eventType"] = e.EventType,
            ["recipientAccountId"] = e.AccountId,
            ["eventSource"] = e.EventSource,
            ["eventName"] = e.EventName,
            ["readOnly"] = e.ReadOnly,
            ["awsRegion"] = e.Region,
            ["requestID"] = e.RequestId,
            ["sourceIPAddress"] = e.SourceIp,
            ["userAgent"] = e.UserAgent,
        };
        if (e.Caller is { } caller)
        {
            var identity = new BsonDocument
            {
                ["kind"] = caller.Kind.ToString(), ["accountId"] = caller.AccountId, ["arn"] = caller.Arn, ["userId"] = caller.UserId,
            };
            Optional(identity, "accessKeyId", caller.AccessKeyId);
            doc["caller"] = identity;
        }
        Optional(doc, "signedWith", e.SignedWith);
        Optional(doc, "issuerArn", e.IssuerArn);
        Optional(doc, "invokedBy", e.InvokedBy);
        if (e.FromConsole) doc["fromConsole"] = true;
        Optional(doc, "service", e.Service);
        Optional(doc, "request", e.Request);
        Optional(doc, "response", e.Response);
        Optional(doc, "errorCode", e.ErrorCode);
        Optional(doc, "errorMessage", e.ErrorMessage);
        Optional(doc, "sharedEventID", e.SharedEventId);
        Optional(doc, "reason", e.Reason);
        if (e.Resources.Count > 0)
            doc["resources"] = new BsonArray(e.Resources.Select(r => new BsonDocument { ["type"] = r.ResourceType, ["name"] = r.ResourceName }));
        return doc;
    }

    private static TrailEntry FromBson(BsonDocument doc) => new()
    {
        Sequence = doc["sequence"].AsInt64,
        EventId = doc["eventID"].AsString,
        EventTime = DateTimeOffset.FromUnixTimeMilliseconds(doc["eventTime"].AsInt64),
        EventType = doc["eventType"].AsString,
        AccountId = doc["recipientAccountId"].AsString,
        EventSource = doc["eventSource"].AsString,
        EventName = doc["eventName"].AsString,
        ReadOnly = doc["readOnly"].AsBoolean,
        Region = doc["awsRegion"].AsString,
        RequestId = doc["requestID"].AsString,
        SourceIp = doc["sourceIPAddress"].AsString,
        UserAgent = doc["userAgent"].AsString,
        Caller = doc["caller"] is { IsDocument: true } caller
            ? new Caller(caller["accountId"].AsString, Enum.Parse<PrincipalKind>(caller["kind"].AsString), caller["arn"].AsString,
                caller["userId"].AsString, Text(caller.AsDocument, "accessKeyId"))
            : null,
        SignedWith = Text(doc, "signedWith"),
        IssuerArn = Text(doc, "issuerArn"),
        InvokedBy = Text(doc, "invokedBy"),
        FromConsole = doc["fromConsole"] is { IsBoolean: true } console && console.AsBoolean,
        Service = Text(doc, "service"),
        Request = Text(doc, "request"),
        Response = Text(doc, "response"),
        ErrorCode = Text(doc, "errorCode"),
        ErrorMessage = Text(doc, "errorMessage"),
        SharedEventId = Text(doc, "sharedEventID"),
        Reason = Text(doc, "reason"),
        Resources = doc["resources"] is { IsArray: true } resources
            ? [.. resources.AsArray.Select(r => new TrailResource(r["type"].AsString, r["name"].AsString))]
            : [],
    };

    private static void Optional(BsonDocument doc, string name, string? value)
    {
        if (value is not null) doc[name] = value;
    }

    private static string? Text(BsonDocument doc, string name) => doc[name] is { IsString: true } value ? value.AsString : null;
}
