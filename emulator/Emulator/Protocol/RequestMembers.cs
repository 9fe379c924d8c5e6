using System.Text.Json.Nodes;

namespace Emulator.Protocol;

/// <summary>
/// A read-only view of a parsed request's top-level members by their model names (e.g. <c>RoleName</c>,
/// <c>PolicyArns</c>, <c>Tags</c>), the same for every protocol: what an authorizer needs to read resource names,
/// lists and tags before the handler runs, without knowing the operation's request record.
/// </summary>
public sealed class RequestMembers(JsonObject input)
{
    public bool Has(string member) => input[member] is not null;

    /// <summary>A string member, or null when absent or not a string.</summary>
    public string? String(string member) =>
        input[member] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A list of strings (e.g. <c>TagKeys</c>, <c>PolicyArns</c>); empty when absent.</summary>
    public IReadOnlyList<string> Strings(string member) =>
        input[member] is JsonArray list ? list.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList() : [];

    /// <summary>A tag list (<c>[{Key, Value}]</c>, identitystore/sso-admin and IAM alike) or a tag map, as pairs; empty when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags(string member = "Tags") => input[member] switch
    {
        JsonArray list => list.OfType<JsonObject>()
            .Select(tag => KeyValuePair.Create((string?)tag["Key"] ?? "", (string?)tag["Value"] ?? "")).ToList(),
        JsonObject map => map.Select(p => KeyValuePair.Create(p.Key, p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")).ToList(),
        _ => [],
    };
}
