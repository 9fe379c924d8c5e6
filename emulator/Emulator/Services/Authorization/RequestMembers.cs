using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.Services.Authorization;

/// <summary>
/// The top-level members of a request, by the model's member names: all the authorizer reads of the input
/// (resource names and ids, tags, condition-key values). One small interface so the wire layer can supply it.
/// </summary>
public interface IRequestMembers
{
    /// <summary>A scalar member as text, or null when absent.</summary>
    string? Text(string member);

    /// <summary>A list member's scalar items, or of each item's <paramref name="field"/> (Tags[].Key); empty when absent.</summary>
    IReadOnlyList<string> List(string member, string? field = null);

    /// <summary>A list of Key/Value structures (Tags) as pairs.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Pairs(string member);

    /// <summary>A scalar field of a structure member (MemberId.UserId), or null.</summary>
    string? Nested(string member, string field);
}

/// <summary>The members as the protocols parse them: a JSON object of model member names, read in place.</summary>
public sealed class ElementRequestMembers(JsonElement input) : IRequestMembers
{
    public string? Text(string member) => Scalar(Member(input, member));

    public IReadOnlyList<string> List(string member, string? field = null) => Member(input, member) is { ValueKind: JsonValueKind.Array } items
        ? items.EnumerateArray().Select(item => Scalar(field is null ? item : Member(item, field))).OfType<string>().ToList()
        : [];

    public string? Nested(string member, string field) => Member(input, member) is { } structure ? Scalar(Member(structure, field)) : null;

    public IReadOnlyList<KeyValuePair<string, string>> Pairs(string member) => Member(input, member) is { ValueKind: JsonValueKind.Array } items
        ? items.EnumerateArray().Where(tag => tag.ValueKind == JsonValueKind.Object)
            .Select(tag => new KeyValuePair<string, string>(Scalar(Member(tag, "Key")) ?? "", Scalar(Member(tag, "Value")) ?? ""))
            .ToList()
        : [];

    private static JsonElement? Member(JsonElement structure, string name) =>
        structure.ValueKind == JsonValueKind.Object && structure.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A scalar as JsonValue.ToString() spells it (strings unquoted, numbers and booleans as JSON).</summary>
    private static string? Scalar(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.Value.GetRawText(),
        _ => null,
    };
}

/// <summary>Members already held as a JsonObject of model member names (STS checks a trust policy against its request).</summary>
public sealed class JsonRequestMembers(JsonObject input) : IRequestMembers
{
    public string? Text(string member) => input[member] is JsonValue value ? value.ToString() : null;

    public IReadOnlyList<string> List(string member, string? field = null) => input[member] is JsonArray items
        ? items.Select(item => field is null ? (item as JsonValue)?.ToString() : ((item as JsonObject)?[field] as JsonValue)?.ToString()).OfType<string>().ToList()
        : [];

    public string? Nested(string member, string field) => input[member] is JsonObject structure ? (structure[field] as JsonValue)?.ToString() : null;

    public IReadOnlyList<KeyValuePair<string, string>> Pairs(string member) => input[member] is JsonArray items
        ? items.OfType<JsonObject>()
            .Select(tag => new KeyValuePair<string, string>((tag["Key"] as JsonValue)?.ToString() ?? "", (tag["Value"] as JsonValue)?.ToString() ?? ""))
            .ToList()
        : [];
}
