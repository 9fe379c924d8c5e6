using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Protocol;

namespace Emulator.Services.Trail;

/// <summary>
/// Request parameters and response elements as CloudTrail writes them: member names with a lower-case first letter
/// (<c>servicePrincipal</c>, <c>sAMLProviderArn</c>) and every value the service model marks <c>"sensitive": true</c>
/// (passwords, secret keys, client secrets, tokens, e-mail addresses) replaced by <see cref="Hidden"/>, plus the
/// credentials a response hands out (<see cref="Credentials"/>), which some models do not mark.
/// </summary>
public static class TrailRedaction
{
    public const string Hidden = "HIDDEN_DUE_TO_SECURITY_REASONS";

    /// <summary>Credential members hidden wherever they appear, marked sensitive or not (e.g. STS's SessionToken).</summary>
    private static readonly IReadOnlySet<string> Credentials = new HashSet<string>(StringComparer.Ordinal)
    {
        "SecretAccessKey", "SessionToken", "Password", "ClientSecret", "AccessToken", "RefreshToken", "IdToken",
    };

    private static readonly ConcurrentDictionary<Shape, bool> HoldsSecrets = new();

    /// <summary>As CloudTrail writes them: member names with a lower-case first letter, sensitive values hidden.</summary>
    public static JsonObject Render(Shape? shape, JsonObject node) =>
        (JsonObject)Render(shape, node, lowerNames: true)!;

    /// <summary>
    /// The members as JSON with sensitive values hidden and the model's member names kept: what the trail stores. Only
    /// a shape that can hold a secret is walked; any other request is kept as its wire text.
    /// </summary>
    public static string Hide(Shape? shape, JsonElement members) =>
        shape is not null && CanHoldSecrets(shape)
            ? Render(shape, JsonObject.Create(members), lowerNames: false)!.ToJsonString()
            : members.GetRawText();

    /// <inheritdoc cref="Hide(Shape?, JsonElement)"/>
    public static string Hide(Shape? shape, string members) =>
        shape is not null && CanHoldSecrets(shape)
            ? Render(shape, JsonNode.Parse(members), lowerNames: false)!.ToJsonString()
            : members;

    /// <summary>Whether any member reachable from the shape is a credential or marked sensitive (answered once per shape).</summary>
    internal static bool CanHoldSecrets(Shape shape) =>
        HoldsSecrets.GetOrAdd(shape, s => Reaches(s, new HashSet<Shape>(ReferenceEqualityComparer.Instance)));

    private static bool Reaches(Shape shape, HashSet<Shape> seen)
    {
        if (!seen.Add(shape)) return false;
        if (shape.Sensitive) return true;
        foreach (var member in shape.Members)
            if (Credentials.Contains(member.Name) || member.Sensitive || Reaches(member.Shape, seen))
                return true;
        return (shape.Item is { } item && Reaches(item, seen)) || (shape.MapValue is { } value && Reaches(value, seen));
    }

    private static JsonNode? Render(Shape? shape, JsonNode? node, bool lowerNames)
    {
        switch (node)
        {
            case JsonObject obj when shape is { Type: ShapeType.Structure }:
                var rendered = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    var member = shape.MembersByName.GetValueOrDefault(name);
                    var hidden = Credentials.Contains(name) || member is { Sensitive: true };
                    rendered[lowerNames ? LowerFirst(name) : name] = hidden && value is not null ? Hidden : Render(member?.Shape, value, lowerNames);
                }
                return rendered;
            case JsonObject map when shape is { Type: ShapeType.Map }:
                return new JsonObject(map.Select(e => KeyValuePair.Create(e.Key,
                    shape.MapValue is { Sensitive: true } ? Hidden : Render(shape.MapValue, e.Value, lowerNames))));
            case JsonArray array:
                return new JsonArray([.. array.Select(item =>
                    shape?.Item is { Sensitive: true } && item is not null ? Hidden : Render(shape?.Item, item, lowerNames))]);
            default:
                return node?.DeepClone();
        }
    }

    private static string LowerFirst(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
