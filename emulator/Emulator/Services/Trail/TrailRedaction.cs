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

    private static readonly ConcurrentDictionary<string, SensitiveMarks> Marks = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Shape, bool> HoldsSecrets = new();

    /// <summary>As CloudTrail writes them: member names with a lower-case first letter, sensitive values hidden.</summary>
    public static JsonObject Render(ServiceModel model, Shape? shape, JsonObject node) =>
        (JsonObject)Render(MarksOf(model), shape, node, lowerNames: true)!;

    /// <summary>
    /// The members as JSON with sensitive values hidden and the model's member names kept: what the trail stores. Only
    /// a shape that can hold a secret is walked; any other request is kept as its wire text.
    /// </summary>
    public static string Hide(ServiceModel model, Shape? shape, JsonElement members) =>
        shape is not null && CanHoldSecrets(model, shape)
            ? Render(MarksOf(model), shape, JsonObject.Create(members), lowerNames: false)!.ToJsonString()
            : members.GetRawText();

    /// <inheritdoc cref="Hide(ServiceModel, Shape?, JsonElement)"/>
    public static string Hide(ServiceModel model, Shape? shape, string members) =>
        shape is not null && CanHoldSecrets(model, shape)
            ? Render(MarksOf(model), shape, JsonNode.Parse(members), lowerNames: false)!.ToJsonString()
            : members;

    private static SensitiveMarks MarksOf(ServiceModel model) => Marks.GetOrAdd(model.Name, SensitiveMarks.Load);

    /// <summary>Whether any member reachable from the shape is a credential or marked sensitive (answered once per shape).</summary>
    private static bool CanHoldSecrets(ServiceModel model, Shape shape) =>
        HoldsSecrets.GetOrAdd(shape, s => Reaches(MarksOf(model), s, new HashSet<Shape>(ReferenceEqualityComparer.Instance)));

    private static bool Reaches(SensitiveMarks marks, Shape shape, HashSet<Shape> seen)
    {
        if (!seen.Add(shape)) return false;
        if (marks.IsSensitive(shape.Name)) return true;
        foreach (var member in shape.Members)
            if (Credentials.Contains(member.Name) || marks.IsSensitive(shape.Name, member.Name, member.Shape.Name) || Reaches(marks, member.Shape, seen))
                return true;
        return (shape.Item is { } item && Reaches(marks, item, seen)) || (shape.MapValue is { } value && Reaches(marks, value, seen));
    }

    private static JsonNode? Render(SensitiveMarks marks, Shape? shape, JsonNode? node, bool lowerNames)
    {
        switch (node)
        {
            case JsonObject obj when shape is { Type: ShapeType.Structure }:
                var rendered = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    var member = shape.MembersByName.GetValueOrDefault(name);
                    var hidden = Credentials.Contains(name) || (member is not null && marks.IsSensitive(shape.Name, name, member.Shape.Name));
                    rendered[lowerNames ? LowerFirst(name) : name] = hidden && value is not null ? Hidden : Render(marks, member?.Shape, value, lowerNames);
                }
                return rendered;
            case JsonObject map when shape is { Type: ShapeType.Map }:
                return new JsonObject(map.Select(e => KeyValuePair.Create(e.Key,
                    shape.MapValue is { } valueShape && marks.IsSensitive(valueShape.Name) ? Hidden : Render(marks, shape.MapValue, e.Value, lowerNames))));
            case JsonArray array:
                return new JsonArray([.. array.Select(item =>
                    shape?.Item is { } itemShape && marks.IsSensitive(itemShape.Name) && item is not null ? Hidden : Render(marks, shape?.Item, item, lowerNames))]);
            default:
                return node?.DeepClone();
        }
    }

    private static string LowerFirst(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The shapes and members a botocore model marks sensitive (read from the vendored model itself).</summary>
    private sealed class SensitiveMarks(IReadOnlySet<string> shapes, IReadOnlySet<string> members)
    {
        public bool IsSensitive(string shape) => shapes.Contains(shape);

        public bool IsSensitive(string structure, string member, string memberShape) =>
            shapes.Contains(memberShape) || members.Contains($"{structure}.{member}");

        public static SensitiveMarks Load(string modelName)
        {
            using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream($"Specs.{modelName}.json")
                ?? throw new InvalidOperationException($"No vendored model named {modelName}.");
            var model = JsonNode.Parse(stream)!["shapes"]!.AsObject();
            var shapes = new HashSet<string>(StringComparer.Ordinal);
            var members = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, definition) in model)
            {
                if (definition?["sensitive"]?.GetValue<bool>() == true) shapes.Add(name);
                foreach (var (member, reference) in definition?["members"]?.AsObject() ?? [])
                    if (reference?["sensitive"]?.GetValue<bool>() == true) members.Add($"{name}.{member}");
            }
            return new SensitiveMarks(shapes, members);
        }
    }
}
