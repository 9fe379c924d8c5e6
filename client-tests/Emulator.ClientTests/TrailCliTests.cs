using System.Text.Json;
using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>Issue 11: `aws cloudtrail lookup-events` (CLI v1 and v2) and boto3 against the event trail.</summary>
public sealed class TrailCliTests : EmulatorTest
{
    private static List<JsonElement> Events(JsonElement output) => [.. output.GetProperty("Events").EnumerateArray()];

    private static JsonElement Record(JsonElement lookedUp) => JsonDocument.Parse(lookedUp.GetProperty("CloudTrailEvent").GetString()!).RootElement;

    [Theory]
    [MemberData(nameof(AwsCli.Generations), MemberType = typeof(AwsCli))]
    public async Task Lookup_events_filters_pages_and_shows_each_account_its_own_history(CliGeneration generation)
    {
        UseCli(generation);
        await CreateOrganization();
        var member = await CreateAccount("trail", "trail@example.com");
        (await Aws(Management, "organizations", "enable-aws-service-access", "--service-principal", Sso)).ShouldSucceed();

        var enabled = Events((await Aws(Management, "cloudtrail", "lookup-events",
            "--lookup-attributes", "AttributeKey=EventName,AttributeValue=EnableAWSServiceAccess")).Json());
        enabled.Should().ContainSingle();
        Record(enabled[0]).GetProperty("requestParameters").GetProperty("servicePrincipal").GetString().Should().Be(Sso);

        var writes = Events((await Aws(Management, "cloudtrail", "lookup-events",
            "--lookup-attributes", "AttributeKey=ReadOnly,AttributeValue=false")).Json()).Select(e => e.GetProperty("EventId").GetString()).ToList();
        writes.Count.Should().BeGreaterThanOrEqualTo(4);
        var firstPage = (await Aws(Management, "cloudtrail", "lookup-events",
            "--lookup-attributes", "AttributeKey=ReadOnly,AttributeValue=false", "--max-items", "2")).Json();
        Events(firstPage).Select(e => e.GetProperty("EventId").GetString()).Should().Equal(writes.Take(2));
        var token = firstPage.GetProperty("NextToken").GetString()!;
        var rest = (await Aws(Management, "cloudtrail", "lookup-events",
            "--lookup-attributes", "AttributeKey=ReadOnly,AttributeValue=false", "--starting-token", token)).Json();
        Events(rest).Select(e => e.GetProperty("EventId").GetString()).Should().Equal(writes.Skip(2));

        var memberHistory = Events((await Aws(Credentials.Root(member), "cloudtrail", "lookup-events")).Json()).Select(Record).ToList();
        memberHistory.Should().OnlyContain(r => r.GetProperty("recipientAccountId").GetString() == member);
        memberHistory.Should().ContainSingle(r => r.GetProperty("eventName").GetString() == "CreateServiceLinkedRole"
            && r.GetProperty("userIdentity").GetProperty("invokedBy").GetString() == Sso);

        (await Aws(Management, "cloudtrail", "lookup-events", "--lookup-attributes",
                "AttributeKey=EventName,AttributeValue=A", "AttributeKey=Username,AttributeValue=B"))
            .ShouldFailWith("InvalidLookupAttributesException", "LookupEvents");
    }

    [Fact]
    public async Task Boto3_reads_the_trail_with_its_paginator_and_modelled_errors()
    {
        var result = await Boto3Script.Run(Emulator.Endpoint, "cloudtrail_lookup_boto3.py", Management);
        result.ExitCode.Should().Be(0, "the boto3 script should pass:\n{0}", result);
        result.Stdout.Should().Contain("PASS", "{0}", result);
    }
}
