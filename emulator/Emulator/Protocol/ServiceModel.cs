using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Emulator.Protocol;

/// <summary>
/// One botocore service model (Specs/*.json, embedded): the operations, their input/output shapes and errors.
/// Parsed once per process into typed <see cref="Shape"/>s and shared by every emulator instance in the process.
/// The protocol codecs and the input validator read it; no per-operation wire code exists anywhere else.
/// </summary>
public sealed class ServiceModel
{
    private static readonly ConcurrentDictionary<string, Lazy<ServiceModel>> Loaded = new();

    private readonly Dictionary<string, Shape> _shapes;
    private readonly Dictionary<string, OperationModel> _operations;
    private readonly Dictionary<string, Shape> _errors;

    private ServiceModel(string name, JsonObject root)
    {
        Name = name;
        var metadata = root["metadata"]!.AsObject();
        Protocol = (string)metadata["protocol"]!;
        TargetPrefix = (string?)metadata["targetPrefix"];
        XmlNamespace = (string?)metadata["xmlNamespace"];
        ApiVersion = (string)metadata["apiVersion"]!;
        SigningName = (string?)metadata["signingName"] ?? (string?)metadata["endpointPrefix"] ?? name;
        _shapes = ShapeReader.Read(root["shapes"]!.AsObject());
        _operations = root["operations"]!.AsObject().ToDictionary(o => o.Key, o => OperationModel.From(o.Key, o.Value!.AsObject(), _shapes), StringComparer.Ordinal);
        _errors = _shapes.Values.Where(s => s.IsException).GroupBy(s => s.ErrorCode).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        OperationNames = [.. _operations.Keys];
    }

    public string Name { get; }
    public string Protocol { get; }
    public string? TargetPrefix { get; }
    public string? XmlNamespace { get; }
    public string ApiVersion { get; }
    public string SigningName { get; }
    public IReadOnlyList<string> OperationNames { get; }

    /// <summary>The model, parsed on first use and shared by the whole process.</summary>
    public static ServiceModel Load(string name) =>
        Loaded.GetOrAdd(name, n => new Lazy<ServiceModel>(() => Parse(n))).Value;

    private static ServiceModel Parse(string name)
    {
        using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream($"Specs.{name}.json")
            ?? throw new InvalidOperationException($"No embedded service model named {name}");
        return new ServiceModel(name, JsonNode.Parse(stream)!.AsObject());
    }

    public OperationModel? Operation(string name) => _operations.GetValueOrDefault(name);

    public Shape Shape(string name) => _shapes[name];

    /// <summary>The modelled error shape whose wire code is <paramref name="code"/>, if any.</summary>
    public Shape? ErrorShape(string code) => _errors.GetValueOrDefault(code);
}

/// <summary>One operation of a model, with everything the wire needs resolved once.</summary>
public sealed record OperationModel(
    string Name, Shape? Input, Shape? Output, string? ResultWrapper, string HttpMethod, string RequestUri, int SuccessStatus, bool IsUnsigned)
{
    /// <summary>The Query protocol's answer element, <c>&lt;Name&gt;Response</c>.</summary>
    public string ResponseElement { get; } = Name + "Response";

    public string? InputShape => Input?.Name;
    public string? OutputShape => Output?.Name;

    internal static OperationModel From(string name, JsonObject node, Dictionary<string, Shape> shapes) => new(
        name,
        (string?)node["input"]?["shape"] is { } input ? shapes[input] : null,
        (string?)node["output"]?["shape"] is { } output ? shapes[output] : null,
        (string?)node["output"]?["resultWrapper"],
        (string?)node["http"]?["method"] ?? "POST",
        (string?)node["http"]?["requestUri"] ?? "/",
        (int?)node["http"]?["responseCode"] ?? 200,
        node["authtype"]?.ToString() == "none" || (node["auth"] as JsonArray)?.Any(a => a?.ToString() == "smithy.api#noAuth") == true);
}

/// <summary>Turns the model's "shapes" object into typed shapes: all shapes first, then the references between them (models are recursive).</summary>
internal static class ShapeReader
{
    public static Dictionary<string, Shape> Read(JsonObject json)
    {
        var shapes = json.ToDictionary(s => s.Key, s => Create(s.Key, s.Value!.AsObject()), StringComparer.Ordinal);
        foreach (var (name, node) in json)
        {
            var shape = shapes[name];
            var definition = node!.AsObject();
            if (shape.Type == ShapeType.Structure)
            {
                var members = (definition["members"]?.AsObject() ?? []).Select(m => new Member(
                    m.Key, shapes[(string)m.Value!["shape"]!], (string?)m.Value["location"], (string?)m.Value["locationName"] ?? m.Key,
                    (bool?)m.Value["sensitive"] == true || shapes[(string)m.Value!["shape"]!].Sensitive)).ToList();
                shape.Members = members;
                shape.MembersByName = members.ToDictionary(m => m.Name, StringComparer.Ordinal);
            }
            if (definition["member"] is JsonObject item) shape.Item = shapes[(string)item["shape"]!];
            if (definition["key"] is JsonObject key) shape.MapKey = shapes[(string)key["shape"]!];
            if (definition["value"] is JsonObject value) shape.MapValue = shapes[(string)value["shape"]!];
        }
        return shapes;
    }

    private static Shape Create(string name, JsonObject node)
    {
        var pattern = (string?)node["pattern"];
        return new Shape
        {
            Name = name,
            Type = TypeOf(node),
            Sensitive = (bool?)node["sensitive"] == true,
            Required = node["required"]?.AsArray().Select(r => (string)r!).ToHashSet(StringComparer.Ordinal) ?? [],
            ItemName = (string?)node["member"]?["locationName"] ?? "member",
            Flattened = (bool?)node["flattened"] == true,
            Enum = node["enum"]?.AsArray().Select(e => (string)e!).ToList(),
            Min = node["min"] is JsonNode min ? (long)(double)min : null,
            Max = node["max"] is JsonNode max ? (long)(double)max : null,
            Pattern = pattern,
            PatternCompiler = pattern is null ? null : new Lazy<Regex?>(() => Compile(pattern)),
            IsException = node["exception"] is not null,
            ErrorCode = (string?)node["error"]?["code"] ?? name,
        };
    }

    private static ShapeType TypeOf(JsonObject node) => (string)node["type"]! switch
    {
        "structure" when node["document"] is JsonValue document && (bool)document => ShapeType.Document,
        "structure" => ShapeType.Structure,
        "list" => ShapeType.List,
        "map" => ShapeType.Map,
        "integer" => ShapeType.Integer,
        "long" => ShapeType.Long,
        "double" => ShapeType.Double,
        "float" => ShapeType.Float,
        "boolean" => ShapeType.Boolean,
        "timestamp" => ShapeType.Timestamp,
        "blob" => ShapeType.Blob,
        _ => ShapeType.String,
    };

    /// <summary>Model patterns are Java regexes matched against the whole value; the few .NET cannot compile are skipped.</summary>
    private static Regex? Compile(string pattern)
    {
        try { return new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)); }
        catch (ArgumentException) { return null; }
    }
}
