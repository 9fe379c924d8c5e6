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

/// <summary>The members as the protocols parse them today: a JsonObject of model member names.</summary>
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
