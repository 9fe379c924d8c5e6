using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core;
using Emulator.Protocol;
using Emulator.Services.Trail;
using Emulator.State;
using Emulator.Tests.Support;
using LiteDB;

namespace Emulator.Tests.Trail;

/// <summary>
/// The trail's storage: compact events in memory, saved in the state file as pages by the store's commits, with
/// retention dropping whole pages, and what is stored of a request (sensitive values already hidden).
/// </summary>
public sealed class TrailStorageTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-trail-").FullName;

    private string DataPath => Path.Combine(_folder, "state.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TrailEntry Event(string roleName, DateTimeOffset? at = null) =>
        TrailRecords.ServiceEvent(TrailCall.Background(at ?? Start), "222222222222", "sso.amazonaws.com", "CreateServiceLinkedRole", roleName, "test", errorCode: null);

    private static void WriteEvent(StateStore store, string roleName, DateTimeOffset? at = null) => store.Write(tx =>
    {
        tx.Trail.Add(Event(roleName, at));
        return 0;
    });

    private static List<(long Sequence, string Role)> Kept(StateStore store) =>
        [.. store.Trail.Window.NewestFirst().Reverse().Select(e => (e.Sequence, e.Resources[0].ResourceName))];

    [Fact]
    public void Events_of_writes_and_reads_survive_a_restart_in_recording_order()
    {
        using (var store = new StateStore(DataPath))
        {
            WriteEvent(store, "first-write");
            store.Trail.Record([Event("a-read")]);
            WriteEvent(store, "second-write"); // its commit saves the read's event first
            store.Trail.Record([Event("a-read-at-shutdown")]);
            Kept(store).Select(e => e.Role).Should().Equal("first-write", "a-read", "second-write");
        } // closing saves what was still unsaved

        using var reopened = new StateStore(DataPath);
        Kept(reopened).Should().Equal((1, "first-write"), (2, "a-read"), (3, "second-write"), (4, "a-read-at-shutdown"));
        reopened.Trail.Next.Should().Be(5);
        WriteEvent(reopened, "after-restart");
        Kept(reopened)[^1].Should().Be((5, "after-restart"));
    }

    [Fact]
    public async Task A_read_event_is_saved_by_the_next_commit_without_any_write()
    {
        using var store = new StateStore(DataPath);
        store.Trail.Record([Event("a-read")]);
        await Eventually.Until(() => store.Trail.Window.Count > 0, TimeSpan.FromSeconds(10));

        store.Trail.Window.Count.Should().Be(1, "the trail asks the store for a commit at most TrailLog.SaveDelay after a read");
        store.Commits.Should().BeGreaterThan(0, "an event is published only once it is saved");
    }

    [Fact]
    public void Retention_deletes_whole_pages_so_the_file_keeps_only_what_is_kept()
    {
        using (var store = new StateStore(DataPath, new TrailLimits(MaxEvents: 10, RetentionDays: 90)))
        {
            for (var i = 1; i <= 100; i++) WriteEvent(store, $"role-{i}");
            Kept(store).Should().Equal(Enumerable.Range(91, 10).Select(i => ((long)i, $"role-{i}")));
        }
        using (var db = new LiteDatabase(new ConnectionString { Filename = DataPath, Connection = ConnectionType.Direct }))
            db.GetCollection(TrailPages.Collection).Count().Should().Be(10, "one page per commit, and only the kept ones");

        using var reopened = new StateStore(DataPath, new TrailLimits(MaxEvents: 10, RetentionDays: 90));
        Kept(reopened).Should().Equal(Enumerable.Range(91, 10).Select(i => ((long)i, $"role-{i}")));
    }

    [Fact]
    public void Events_older_than_the_retention_period_go_when_a_newer_one_arrives()
    {
        using var store = new StateStore(DataPath, new TrailLimits(MaxEvents: 1000, RetentionDays: 90));
        WriteEvent(store, "old", Start);
        WriteEvent(store, "recent", Start.AddDays(60));
        WriteEvent(store, "new", Start.AddDays(91));
        Kept(store).Select(e => e.Role).Should().Equal("recent", "new");
    }

    [Fact]
    public void Many_events_in_one_write_are_saved_in_pages_of_at_most_a_thousand()
    {
        using (var store = new StateStore(DataPath))
            store.Write(tx =>
            {
                for (var i = 0; i < 2500; i++) tx.Trail.Add(Event($"role-{i}"));
                return 0;
            });
        using (var db = new LiteDatabase(new ConnectionString { Filename = DataPath, Connection = ConnectionType.Direct }))
            db.GetCollection(TrailPages.Collection).FindAll().Select(p => p["count"].AsInt32).Should().Equal(1000, 1000, 500);
        using var reopened = new StateStore(DataPath);
        reopened.Trail.Window.Count.Should().Be(2500);
    }

    [Fact]
    public void A_reset_empties_the_trail_in_memory_and_in_the_file()
    {
        using (var store = new StateStore(DataPath))
        {
            WriteEvent(store, "before");
            store.Reset();
            store.Trail.Window.Count.Should().Be(0);
            store.Trail.Next.Should().Be(1);
            WriteEvent(store, "after");
        }
        using var reopened = new StateStore(DataPath);
        Kept(reopened).Should().Equal((1, "after"));
    }

    [Fact]
    public void A_stored_request_keeps_no_secret_and_renders_as_CloudTrail_writes_it()
    {
        var iam = ServiceModel.Load("iam");
        using var members = JsonDocument.Parse("""{"UserName":"alice","Password":"Sup3r-secret!","PasswordResetRequired":true}""");
        var call = new TrailCall(Start, "us-east-1", "request-1", "127.0.0.1", "test", "event-1", "AKIAEXAMPLE");
        var entry = TrailRecords.ApiCall(call, Caller.Root("111111111111"), "111111111111", iam, iam.Operation("CreateLoginProfile")!,
            readOnly: false, members.RootElement, response: null, error: null, issuerArn: null);

        entry.Request.Should().NotContain("Sup3r-secret!").And.Contain("\"UserName\":\"alice\"");
        var record = JsonNode.Parse(TrailRecords.Render(entry))!;
        record["requestParameters"]!.ToJsonString().Should().Be(
            """{"userName":"alice","password":"HIDDEN_DUE_TO_SECURITY_REASONS","passwordResetRequired":true}""");
        entry.Resources.Should().Equal(new TrailResource("AWS::IAM::User", "alice"));
    }

    [Fact]
    public void Repeated_calls_share_what_is_stored_of_their_request_and_each_event_keeps_its_own_members()
    {
        var iam = ServiceModel.Load("iam");
        TrailEntry GetRole(string roleName)
        {
            using var members = JsonDocument.Parse($$"""{"RoleName":"{{roleName}}"}""");
            var call = new TrailCall(Start, "us-east-1", Ids.Uuid(), "127.0.0.1", "test", Ids.Uuid(), "test");
            return TrailRecords.ApiCall(call, Caller.Root("111111111111"), "111111111111", iam, iam.Operation("GetRole")!,
                readOnly: true, members.RootElement, response: null, error: null, issuerArn: null);
        }

        var first = GetRole("bench-role");
        var other = GetRole("other-role");
        var again = GetRole("bench-role");
        var thirdTime = GetRole("bench-role");

        first.Request.Should().Be("""{"RoleName":"bench-role"}""");
        other.Request.Should().Be("""{"RoleName":"other-role"}""");
        other.Resources.Should().Equal(new TrailResource("AWS::IAM::Role", "other-role"));
        again.Request.Should().Be(first.Request);
        again.Resources.Should().Equal(new TrailResource("AWS::IAM::Role", "bench-role"));
        thirdTime.Request.Should().BeSameAs(again.Request, "the same request again shares the stored text");
        thirdTime.Resources.Should().BeSameAs(again.Resources);
    }

    [Fact]
    public void A_request_holding_a_secret_is_never_shared_with_the_next_call()
    {
        var iam = ServiceModel.Load("iam");
        TrailEntry CreateLoginProfile(string password)
        {
            using var members = JsonDocument.Parse($$"""{"UserName":"alice","Password":"{{password}}"}""");
            var call = new TrailCall(Start, "us-east-1", Ids.Uuid(), "127.0.0.1", "test", Ids.Uuid(), "test");
            return TrailRecords.ApiCall(call, Caller.Root("111111111111"), "111111111111", iam, iam.Operation("CreateLoginProfile")!,
                readOnly: false, members.RootElement, response: null, error: null, issuerArn: null);
        }

        var first = CreateLoginProfile("Sup3r-secret!");
        var second = CreateLoginProfile("Sup3r-secret!");

        second.Request.Should().Be(first.Request).And.NotContain("Sup3r-secret!");
        second.Request.Should().NotBeSameAs(first.Request, "a request with a secret is rendered each time, its bytes never kept");
    }
}
