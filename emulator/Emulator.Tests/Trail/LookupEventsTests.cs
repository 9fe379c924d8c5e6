using System.Net;
using Emulator.State;
using Microsoft.Extensions.Configuration;
using Emulator.Services.Trail;
using Emulator.Tests.Support;

namespace Emulator.Tests.Trail;

/// <summary>Issue 11: CloudTrail LookupEvents — per-account history, newest first, lookup attributes, time range, paging, errors.</summary>
public sealed class LookupEventsTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public LookupEventsTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private async Task<string> SomeHistory()
    {
        await _management.CreateOrganization();
        var dev = await _management.CreateAccount("Dev");
        (await _management.Iam("CreateUser", ("UserName", "dave"))).EnsureSuccess();
        (await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso })).EnsureSuccess();
        return dev;
    }

    [Fact]
    public async Task Events_come_newest_first_in_pages_that_NextToken_walks_without_gaps_or_repeats()
    {
        await SomeHistory();
        // Writes only: reads (the lookups themselves among them) are recorded a moment later and would shift the pages.
        var all = await _management.Events("ReadOnly", "false");
        var sequence = all.Select(e => (string)e["EventId"]!).ToList();
        sequence.Should().OnlyHaveUniqueItems();
        all.Select(e => e["EventTime"]!.GetValue<double>()).Should().BeInDescendingOrder();
        ((string)all[0]["EventName"]!).Should().Be("EnableAWSServiceAccess");

        var paged = new List<string>();
        string? token = null;
        do
        {
            var page = (await _management.LookupEvents(new
            {
                LookupAttributes = new[] { new { AttributeKey = "ReadOnly", AttributeValue = "false" } }, MaxResults = 2, NextToken = token,
            })).EnsureSuccess();
            page.Json["Events"]!.AsArray().Count.Should().BeLessThanOrEqualTo(2);
            paged.AddRange(page.Json["Events"]!.AsArray().Select(e => (string)e!["EventId"]!));
            token = (string?)page.Json["NextToken"];
        }
        while (token is not null);
        paged.Should().Equal(sequence);
    }

    [Theory]
    [InlineData("EventName", "CreateUser")]
    [InlineData("EventSource", "iam.amazonaws.com")]
    [InlineData("ResourceType", "AWS::IAM::User")]
    [InlineData("ResourceName", "dave")]
    [InlineData("Username", "root")]
    [InlineData("AccessKeyId", Management)]
    [InlineData("ReadOnly", "false")]
    public async Task Each_lookup_attribute_selects_the_matching_events(string key, string value)
    {
        await SomeHistory();
        var matching = await _management.Events(key, value);
        matching.Should().NotBeEmpty();
        var all = await _management.Events();
        all.Count.Should().BeGreaterThan(matching.Count, $"{key}={value} filters");
        bool Matches(System.Text.Json.Nodes.JsonObject e) => key is "ResourceType" or "ResourceName"
            ? e["Resources"]!.AsArray().Any(r => (string)r![key]! == value)
            : (string)e[key]! == value;
        matching.Where(Matches).Should().HaveCount(matching.Count);
    }

    [Fact]
    public async Task EventId_finds_one_event_and_the_time_range_bounds_the_history()
    {
        await SomeHistory();
        var all = await _management.Events();
        var chosen = all[^1];
        (await _management.Events("EventId", (string)chosen["EventId"]!)).Should().ContainSingle();

        var future = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var none = (await _management.LookupEvents(new { StartTime = future })).EnsureSuccess();
        none.Json["Events"]!.AsArray().Should().BeEmpty();
        var past = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
        var some = (await _management.LookupEvents(new { StartTime = past, EndTime = future })).EnsureSuccess();
        some.Json["Events"]!.AsArray().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Each_account_sees_only_its_own_history()
    {
        var dev = await SomeHistory();
        var devEvents = await _management.As(dev).Events();
        devEvents.Should().NotBeEmpty();
        devEvents.Select(TrailSteps.Record).Should().OnlyContain(r => r.Text("recipientAccountId") == dev);
        var managementIds = (await _management.Events()).Select(e => (string)e["EventId"]!).ToHashSet();
        devEvents.Should().OnlyContain(e => !managementIds.Contains((string)e["EventId"]!));
    }

    [Fact]
    public async Task Bad_requests_get_CloudTrails_own_errors()
    {
        var two = await _management.LookupEvents(new
        {
            LookupAttributes = new[] { new { AttributeKey = "EventName", AttributeValue = "A" }, new { AttributeKey = "Username", AttributeValue = "B" } },
        });
        two.ErrorCode.Should().Be("InvalidLookupAttributesException");
        (await _management.LookupEvents(new { MaxResults = 51 })).ErrorCode.Should().Be("InvalidMaxResultsException");
        (await _management.LookupEvents(new { NextToken = "not-a-token" })).ErrorCode.Should().Be("InvalidNextTokenException");
        (await _management.LookupEvents(new { StartTime = 2_000_000_000, EndTime = 1_000_000_000 })).ErrorCode.Should().Be("InvalidTimeRangeException");
        var readOnly = await _management.LookupEvents(new { LookupAttributes = new[] { new { AttributeKey = "ReadOnly", AttributeValue = "maybe" } } });
        readOnly.ErrorCode.Should().Be("InvalidLookupAttributesException");
        var notATime = await _management.LookupEvents(new { EndTime = "yesterday-ish" });
        notATime.ErrorCode.Should().Be("SerializationException");
        (await _management.LookupEvents(new { StartTime = "2020-01-01T00:00:00Z" })).EnsureSuccess();
    }

    [Fact]
    public async Task Other_CloudTrail_operations_answer_501_by_name()
    {
        var answer = await _management.Json(TrailSteps.Target, "DescribeTrails", new { }, "cloudtrail");
        answer.Status.Should().Be(HttpStatusCode.NotImplemented);
        answer.Body.Should().Contain("DescribeTrails");
    }
}

/// <summary>Issue 11: retention (count and age, oldest first) and atomicity of the trail with the writes it records.</summary>
public sealed class TrailRetentionTests
{
    [Fact]
    public async Task At_most_the_configured_number_of_events_is_kept_oldest_dropped_first()
    {
        using var factory = new EmulatorFactory(new Dictionary<string, string> { ["Emulator:TrailMaxEvents"] = "5" });
        var management = factory.Client("111111111111");
        await management.CreateOrganization();
        for (var i = 0; i < 8; i++) (await management.Iam("CreateUser", ("UserName", $"user{i}"))).EnsureSuccess();

        var events = (await management.LookupEvents(new { MaxResults = 50 })).EnsureSuccess().Json["Events"]!.AsArray();
        events.Count.Should().BeLessThanOrEqualTo(5);
        var names = events.Select(e => e!["Resources"]!.AsArray().Select(r => (string)r!["ResourceName"]!).FirstOrDefault()).ToList();
        names.Should().Contain("user7").And.NotContain("user0");
    }

    [Fact]
    public async Task Events_older_than_the_retention_period_are_dropped()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var factory = new EmulatorFactory(new Dictionary<string, string> { ["Emulator:TrailRetentionDays"] = "90" }, clock);
        var management = factory.Client("111111111111");
        await management.CreateOrganization();
        clock.Advance(TimeSpan.FromDays(91));
        (await management.Iam("CreateUser", ("UserName", "late"))).EnsureSuccess();

        var names = (await management.Events()).Select(e => (string)e["EventName"]!).ToList();
        names.Should().Contain("CreateUser").And.NotContain("CreateOrganization");
    }

    [Fact]
    public void A_write_that_fails_leaves_neither_its_changes_nor_its_events()
    {
        using var store = new StateStore(null);
        var attempt = () => store.Write<int>(tx =>
        {
            tx.Trail.ServiceEvent("222222222222", "sso.amazonaws.com", "CreateServiceLinkedRole", "AWSServiceRoleForSSO", "test");
            tx.Roles.Insert(new Services.Iam.RoleDoc { Id = Services.Iam.RoleDoc.Key("222222222222", "R"), AccountId = "222222222222", RoleName = "R" });
            throw new InvalidOperationException("the handler failed");
        });
        attempt.Should().Throw<InvalidOperationException>();
        store.Trail.Window.Count.Should().Be(0);
        store.Current.Count("roles").Should().Be(0);

        store.Write(tx =>
        {
            tx.Trail.ServiceEvent("222222222222", "sso.amazonaws.com", "CreateServiceLinkedRole", "AWSServiceRoleForSSO", "test");
            return 0;
        });
        store.Trail.Window.NewestFirst().Select(e => e.EventName).Should().Equal("CreateServiceLinkedRole");
    }

    [Fact]
    public void Trail_options_are_validated()
    {
        var bad = () => Hosting.EmulatorOptions.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Emulator:TrailMaxEvents"] = "0" }).Build());
        bad.Should().Throw<ArgumentException>().WithMessage("*--trail-max-events*");
        var fromSwitch = Hosting.EmulatorOptions.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddCommandLine(["--trail-retention-days", "7"], Hosting.EmulatorOptions.SwitchMappings.ToDictionary()).Build());
        fromSwitch.TrailRetentionDays.Should().Be(7);
    }
}
