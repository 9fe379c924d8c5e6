using JsonSerializer = System.Text.Json.JsonSerializer;
using Emulator.Core;
using Emulator.Services.Trail;
using LiteDB;

namespace Emulator.Tests.Trail;

/// <summary>
/// The trail's saved pages (<see cref="TrailPageCodec"/>): every member of an event comes back as it was recorded, so a
/// restart answers LookupEvents as before; pages saved as JSON by earlier emulators are still read.
/// </summary>
public sealed class TrailPageCodecTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 30, 9, 15, 42, TimeSpan.FromHours(2)).AddTicks(1234567);

    /// <summary>An event with every member set, none to its default: a member the codec forgot would not come back.</summary>
    private static TrailEntry Full(string eventId, string requestId) => new()
    {
        Sequence = 41,
        EventId = eventId,
        EventTime = At,
        EventType = TrailEventTypes.ApiCall,
        AccountId = "222222222222",
        EventSource = "iam.amazonaws.com",
        EventName = "UpdateRole",
        ReadOnly = true,
        Caller = new Caller("222222222222", PrincipalKind.AssumedRole, "arn:aws:sts::222222222222:assumed-role/admin/alice",
            "AROAEXAMPLE:alice", "ASIAEXAMPLE"),
        SignedWith = "AKIAEXAMPLE",
        IssuerArn = "arn:aws:iam::222222222222:role/team/admin",
        InvokedBy = "sso.amazonaws.com",
        Region = "eu-west-1",
        RequestId = requestId,
        SourceIp = "10.0.0.7",
        UserAgent = "aws-cli/2.9.19",
        FromConsole = true,
        Service = "iam",
        Request = """{"RoleName":"admin","Description":"é ☃"}""",
        Response = """{"Role":{}}""",
        ErrorCode = "UnmodifiableEntity",
        ErrorMessage = "Cannot perform the operation on the protected role 'admin'",
        SharedEventId = "shared-1",
        Reason = "why",
        Resources = [new TrailResource("AWS::IAM::Role", "admin"), new TrailResource("AWS::IAM::Policy", "arn:aws:iam::aws:policy/x")],
    };

    [Fact]
    public void The_full_event_sets_every_member_so_the_round_trip_covers_them_all()
    {
        var full = Full(Ids.Uuid(), Ids.Uuid());
        var unset = typeof(TrailEntry).GetProperties().Where(p => p.CanWrite)
            .Where(p => p.GetValue(full) is null or false or 0 or 0L or IReadOnlyList<TrailResource> { Count: 0 })
            .Select(p => p.Name);
        unset.Should().BeEmpty("a member added to TrailEntry must be written by TrailPageCodec and set here");
    }

    [Theory]
    [InlineData("0b7c7d1e-6f0a-4c3e-9d2b-5a1f3e8c9b10", "5f0e3d2c-1b4a-4978-8a6b-0c1d2e3f4a5b")] // GUIDs, as the emulator makes them
    [InlineData("event-1", "0B7C7D1E-6F0A-4C3E-9D2B-5A1F3E8C9B10")] // any other text, upper-case GUIDs included, is kept as it is
    public void Every_member_of_an_event_comes_back_from_a_page(string eventId, string requestId)
    {
        var events = new[] { Full(eventId, requestId), ServiceEvent(42) };

        var read = TrailPageCodec.Read(TrailPageCodec.Write(events));

        read.Should().BeEquivalentTo(events, o => o.WithStrictOrdering().ComparingByMembers<Caller>());
        read[0].EventId.Should().Be(eventId);
        read[0].RequestId.Should().Be(requestId);
        read[0].EventTime.Offset.Should().Be(TimeSpan.FromHours(2));
        read[0].EventTime.Ticks.Should().Be(At.Ticks);
        TrailRecords.Render(read[0]).Should().Be(TrailRecords.Render(events[0]));
        TrailRecords.Render(read[1]).Should().Be(TrailRecords.Render(events[1]));
    }

    [Fact]
    public void A_page_numbers_its_events_from_the_first_ones_sequence()
    {
        var events = Enumerable.Range(7, 3).Select(i => ServiceEvent(i)).ToList();

        TrailPageCodec.Read(TrailPageCodec.Write(events)).Select(e => e.Sequence).Should().Equal(7, 8, 9);
    }

    [Fact]
    public void A_burst_of_the_same_read_stores_its_repeated_strings_once()
    {
        var events = Enumerable.Range(1, 1000).Select(i => new TrailEntry
        {
            Sequence = i, EventId = Ids.Uuid(), EventTime = At, EventType = TrailEventTypes.ApiCall, AccountId = "000000000000",
            EventSource = "iam.amazonaws.com", EventName = "GetRole", ReadOnly = true, Caller = Caller.Root("000000000000"),
            Region = "us-east-1", RequestId = Ids.Uuid(), SourceIp = "127.0.0.1", UserAgent = "unknown", Service = "iam",
            Request = """{"RoleName":"bench-role"}""", Resources = [new TrailResource("AWS::IAM::Role", "bench-role")],
        }).ToList();
        var json = JsonSerializer.SerializeToUtf8Bytes<IReadOnlyList<TrailEntry>>(events, TrailPageJson.Default.IReadOnlyListTrailEntry);

        var packed = TrailPageCodec.Write(events);

        packed.Length.Should().BeLessThan(json.Length / 5, "two ids, a time and indexes per event; the shared strings once");
        TrailPageCodec.Read(packed).Should().BeEquivalentTo(events, o => o.WithStrictOrdering().ComparingByMembers<Caller>());
    }

    [Fact]
    public void A_page_saved_as_JSON_by_an_earlier_emulator_is_still_read()
    {
        var events = new[] { Full(Ids.Uuid(), "request-1"), ServiceEvent(42) };
        var saved = new BsonDocument
        {
            ["_id"] = TrailPages.Key(41),
            ["count"] = 2,
            ["events"] = JsonSerializer.SerializeToUtf8Bytes<IReadOnlyList<TrailEntry>>(events, TrailPageJson.Default.IReadOnlyListTrailEntry),
        };

        TrailPages.Entries(saved).Should().BeEquivalentTo(events, o => o.WithStrictOrdering().ComparingByMembers<Caller>());
        TrailPages.Page(events).Keys.Should().BeEquivalentTo("_id", "count", "packed");
        TrailPages.Entries(TrailPages.Page(events)).Should().BeEquivalentTo(events, o => o.WithStrictOrdering().ComparingByMembers<Caller>());
    }

    [Fact]
    public void A_page_of_an_unknown_version_is_refused_rather_than_misread()
    {
        var packed = TrailPageCodec.Write([ServiceEvent(1)]);
        packed[0] = 2;

        var read = () => TrailPageCodec.Read(packed);

        read.Should().Throw<InvalidDataException>();
    }

    private static TrailEntry ServiceEvent(long sequence)
    {
        var entry = TrailRecords.ServiceEvent(TrailCall.Background(At), "333333333333", "sso.amazonaws.com", "CreateServiceLinkedRole",
            "AWSServiceRoleForSSO", "trusted access was enabled", errorCode: null);
        entry.Sequence = sequence;
        return entry;
    }
}
