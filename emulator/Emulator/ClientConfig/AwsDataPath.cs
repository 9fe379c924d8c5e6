using System.Text.Json.Nodes;
using Emulator.Protocol;

namespace Emulator.ClientConfig;

/// <summary>
/// An <c>AWS_DATA_PATH</c> folder for botocore-based clients (AWS CLI v1, AWS CLI v2 before 2.13, boto3) that sends the
/// emulated services to the emulator: one endpoint rule set per service (<c>&lt;service&gt;/&lt;api version&gt;/endpoint-rule-set-1.json</c>)
/// that answers the emulator's URL, or the caller's <c>--endpoint-url</c> when one is given. botocore reads AWS_DATA_PATH
/// before its own data, so every client the folder covers — including <c>aws sso login</c>, SSO profiles and
/// <c>aws sso logout</c>, which never take <c>--endpoint-url</c> — reaches the emulator.
/// </summary>
public static class AwsDataPath
{
    /// <summary>botocore's data folder names of the emulated services (the same names as the vendored Specs).</summary>
    public static readonly IReadOnlyList<string> Services = ["organizations", "iam", "sts", "sso-admin", "identitystore", "sso-oidc", "sso"];

    /// <summary>Relative file path (with '/') → file content, for an emulator at <paramref name="endpoint"/>.</summary>
    public static IReadOnlyDictionary<string, string> Files(string endpoint) =>
        Services.ToDictionary(
            service => $"{service}/{ServiceModel.Load(service).ApiVersion}/endpoint-rule-set-1.json",
            _ => RuleSet(endpoint.TrimEnd('/')).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Writes the folder (creating it) and answers the files written.</summary>
    public static IReadOnlyList<string> Write(string directory, string endpoint)
    {
        var written = new List<string>();
        foreach (var (relative, content) in Files(endpoint))
        {
            var path = Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            written.Add(path);
        }
        return written;
    }

    /// <summary>An endpoint rule set (the Smithy rules language botocore evaluates): the client's Endpoint if set, else the emulator.</summary>
    private static JsonObject RuleSet(string endpoint) => new()
    {
        ["version"] = "1.0",
        ["parameters"] = new JsonObject
        {
            ["Region"] = Parameter("AWS::Region", "The AWS region used to dispatch the request."),
            ["UseDualStack"] = Parameter("AWS::UseDualStack", "Ignored by the emulator.", "Boolean", false),
            ["UseFIPS"] = Parameter("AWS::UseFIPS", "Ignored by the emulator.", "Boolean", false),
            ["Endpoint"] = Parameter("SDK::Endpoint", "Override the endpoint used to send this request"),
        },
        ["rules"] = new JsonArray(
            new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject { ["fn"] = "isSet", ["argv"] = new JsonArray(new JsonObject { ["ref"] = "Endpoint" }) }),
                ["endpoint"] = Endpoint(new JsonObject { ["ref"] = "Endpoint" }),
                ["type"] = "endpoint",
            },
            new JsonObject
            {
                ["conditions"] = new JsonArray(),
                ["endpoint"] = Endpoint(endpoint),
                ["type"] = "endpoint",
            }),
    };

    private static JsonObject Parameter(string builtIn, string documentation, string type = "String", bool? defaultValue = null)
    {
        var parameter = new JsonObject { ["builtIn"] = builtIn, ["required"] = defaultValue is not null, ["documentation"] = documentation, ["type"] = type };
        if (defaultValue is { } value) parameter["default"] = value;
        return parameter;
    }

    private static JsonObject Endpoint(JsonNode url) => new() { ["url"] = url, ["properties"] = new JsonObject(), ["headers"] = new JsonObject() };
}
