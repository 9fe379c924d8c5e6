using System.Text.Json.Nodes;

namespace Emulator.Protocol;

/// <summary>
/// One botocore service model (Specs/*.json, embedded): the operations, their input/output shapes and errors.
/// The protocol codecs and the input validator read it; no per-operation wire code exists anywhere else.
/// </summary>
public sealed class ServiceModel
{
    private readonly JsonObject _shapes;
    private readonly JsonObject _operations;

    private ServiceModel(string name, JsonObject root)
    {
        Name = name;
        var metadata = root["metadata"]!.AsObject();
        Protocol = (string)metadata["protocol"]!;
        TargetPrefix = (string?)metadata["targetPrefix"];
        XmlNamespace = (string?)metadata["xmlNamespace"];
        ApiVersion = (string)metadata["apiVersion"]!;
        SigningName = (string?)metadata["signingName"] ?? (string?)metadata["endpointPrefix"] ?? name;
        _shapes = root["shapes"]!.AsObject();
        _operations = root["operations"]!.AsObject();
    }

    public string Name { get; }
    public string Protocol { get; }
    public string? TargetPrefix { get; }
    public string? XmlNamespace { get; }
    public string ApiVersion { get; }
    public string SigningName { get; }
    public IEnumerable<string> OperationNames => _operations.Select(o => o.Key);

    public static ServiceModel Load(string name)
    {
        using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream($"Specs.{name}.json")
            ?? throw new InvalidOperationException($"No embedded service model named {name}");
        return new ServiceModel(name, JsonNode.Parse(stream)!.AsObject());
    }

    public OperationModel? Operation(string name) =>
        _operations[name] is JsonObject op ? new OperationModel(name, op) : null;

    public JsonObject Shape(string name) => _shapes[name]!.AsObject();

    /// <summary>The shape a member (or list element, map key/value) refers to.</summary>
    public JsonObject Target(JsonNode reference) => Shape((string)reference["shape"]!);

    /// <summary>The modelled error shape whose wire code is <paramref name="code"/>, if any.</summary>
    public JsonObject? ErrorShape(string code) =>
        _shapes.FirstOrDefault(s => s.Value!["exception"] is not null && ErrorCode(s.Key, s.Value!.AsObject()) == code).Value?.AsObject();

    public static string ErrorCode(string shapeName, JsonObject shape) =>
        (string?)shape["error"]?["code"] ?? shapeName;
}

public sealed record OperationModel(string Name, JsonObject Node)
{
    public string? InputShape => (string?)Node["input"]?["shape"];
    public string? OutputShape => (string?)Node["output"]?["shape"];
    public string? ResultWrapper => (string?)Node["output"]?["resultWrapper"];
    public string HttpMethod => (string?)Node["http"]?["method"] ?? "POST";
    public string RequestUri => (string?)Node["http"]?["requestUri"] ?? "/";
    public int SuccessStatus => (int?)Node["http"]?["responseCode"] ?? 200;
    public bool IsUnsigned =>
        Node["authtype"]?.ToString() == "none" ||
        (Node["auth"] as JsonArray)?.Any(a => a?.ToString() == "smithy.api#noAuth") == true;
}
