using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Emulator.Protocol;
using Emulator.Services;

namespace Emulator.Tests;

/// <summary>
/// Every request and response record is read and written by source-generated code: a record missing from its service's
/// context would silently fall back to reflection (slower, and resolved at run time), so this names it instead.
/// </summary>
public sealed class WireJsonContextTests
{
    private static readonly ServiceCatalog Catalog = new();

    [Fact]
    public void Every_registered_request_and_response_record_is_in_its_services_source_generated_context()
    {
        var missing = new List<string>();
        foreach (var service in Catalog.All)
        {
            if (service.Operations.Records is not { } records)
            {
                missing.Add($"{service.Model.Name}: no source-generated context; pass one: new OperationTable(records: <Service>Json.Default)");
                continue;
            }
            foreach (var (operation, handler) in service.Operations.Handlers)
                foreach (var type in Records(handler))
                    if (records.GetTypeInfo(type) is null)
                        missing.Add($"{service.Model.Name}:{operation}: add [JsonSerializable(typeof({type.Name}))] to {records.GetType().Name}");
        }
        missing.Should().BeEmpty();
    }

    [Fact]
    public void The_metadata_the_endpoint_binds_and_writes_with_comes_from_the_context_not_reflection()
    {
        foreach (var service in Catalog.All)
            foreach (var (operation, handler) in service.Operations.Handlers)
            {
                ReferenceEquals(handler.Request.OriginatingResolver, service.Operations.Records).Should().BeTrue($"{service.Model.Name}:{operation}'s request");
                if (handler.Response is { } response)
                    ReferenceEquals(response.OriginatingResolver, service.Operations.Records).Should().BeTrue($"{service.Model.Name}:{operation}'s response");
            }
    }

    [Fact]
    public void JSON_answers_are_written_by_generated_code_so_no_answer_holds_a_DateTimeOffset_it_would_write_as_text()
    {
        var wrong = new List<string>();
        foreach (var service in Catalog.All.Where(s => s.Protocol is AwsJsonProtocol or RestJsonProtocol))
            foreach (var (operation, handler) in service.Operations.Handlers)
            {
                if (handler.Response is not { } response) continue;
                if (response.Options.TypeInfoResolver is not JsonSerializerContext || response.Options.Converters.Count > 0)
                    wrong.Add($"{service.Model.Name}:{operation}: written by metadata, not by generated code");
                wrong.AddRange(DateTimeOffsetMembers(response, response.Type.Name, []).Select(member =>
                    $"{service.Model.Name}:{operation}: {member} is a DateTimeOffset; declare it EpochTimestamp"));
            }
        wrong.Should().BeEmpty();
    }

    [Fact]
    public void An_answer_timestamp_is_epoch_seconds_with_the_milliseconds_as_a_fraction_and_reads_either_encoding()
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_120);

        JsonSerializer.Serialize(new EpochTimestamp(time)).Should().Be("1700000000.12");
        JsonSerializer.Serialize(new EpochTimestamp(time.AddMilliseconds(-120))).Should().Be("1700000000");
        JsonSerializer.Deserialize<EpochTimestamp>("1700000000.12").Time.Should().Be(time);
        JsonSerializer.Deserialize<EpochTimestamp>("\"2023-11-14T22:13:20.12Z\"").Time.Should().Be(time);
    }

    [Fact]
    public void An_answer_timestamp_is_written_exactly_as_the_double_of_its_epoch_seconds_would_be()
    {
        var random = new Random(6);
        var samples = new long[] { 0, 1, 10, 100, 999, 1000, 1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_010, 1_700_000_000_500, 99_999_999_999_999, 100_000_000_000_000, -1_500 }
            .Concat(Enumerable.Range(0, 20_000).Select(_ => random.NextInt64(0, 4_102_444_800_000))); // to 2100
        foreach (var milliseconds in samples)
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            JsonSerializer.Serialize(new EpochTimestamp(time)).Should().Be(JsonSerializer.Serialize(milliseconds / 1000.0), $"{milliseconds} ms");
        }
    }

    [Fact]
    public void A_record_left_out_of_the_context_is_noticed()
    {
        var table = new OperationTable(records: UnrelatedJson.Default);
        table.Read<Unlisted, NoOutput>("Probe", (_, _) => new NoOutput());

        table.Records!.GetTypeInfo(typeof(Unlisted)).Should().BeNull();
        ReferenceEquals(table.Handlers["Probe"].Request.OriginatingResolver, table.Records).Should().BeFalse("it is resolved by reflection");
    }

    private static IEnumerable<string> DateTimeOffsetMembers(JsonTypeInfo type, string path, HashSet<Type> seen)
    {
        if (!seen.Add(type.Type)) yield break;
        if (type.ElementType is { } element)
            foreach (var found in DateTimeOffsetMembers(type.Options.GetTypeInfo(element), path + "[]", seen)) yield return found;
        foreach (var property in type.Properties)
        {
            if ((Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(DateTimeOffset))
                yield return $"{path}.{property.Name}";
            else
                foreach (var found in DateTimeOffsetMembers(type.Options.GetTypeInfo(property.PropertyType), $"{path}.{property.Name}", seen)) yield return found;
        }
    }

    private static IEnumerable<Type> Records(OperationHandler handler) =>
        new[] { handler.RequestType, handler.ResponseType }.Where(t => t != typeof(NoOutput));

    public sealed record Unlisted(string Name);

    public sealed record Listed(string Name);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(WireJsonContextTests.Listed))]
internal sealed partial class UnrelatedJson : JsonSerializerContext;
