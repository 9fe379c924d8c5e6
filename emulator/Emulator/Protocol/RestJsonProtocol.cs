using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core;

namespace Emulator.Protocol;

/// <summary>
/// restJson1 (sso portal, sso-oidc): the operation comes from method + path; members come from the query string
/// (<c>location: querystring</c>), headers (<c>location: header</c>) and the JSON body, each by its locationName.
/// Output is a JSON object of the non-located members. Errors carry the code in <c>x-amzn-ErrorType</c> and a
/// service-specific body, written by <paramref name="errorBody"/>.
/// </summary>
public sealed class RestJsonProtocol(Func<AwsException, JsonObject> errorBody) : IWireProtocol
{
    public const string ContentType = "application/json";

    public JsonObject ParseInput(HttpRequest request, byte[] body, ServiceModel model, OperationModel operation)
    {
        var input = new JsonObject();
        if (operation.InputShape is null) return input;
        var members = model.Shape(operation.InputShape)["members"]?.AsObject() ?? new JsonObject();

        JsonObject? json = null;
        if (body.Length > 0 && !body.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
        {
            try { json = JsonNode.Parse(body) as JsonObject; }
            catch (JsonException) { }
            // Both restJson1 services here (sso, sso-oidc) model InvalidRequestException for a malformed request.
            if (json is null) throw new AwsException("InvalidRequestException", "Request body is not a valid JSON object.");
        }

        foreach (var (name, reference) in members)
        {
            var location = (string?)reference!["location"];
            var wireName = (string?)reference["locationName"] ?? name;
            var target = model.Target(reference);
            switch (location)
            {
                case "querystring":
                    if (request.Query.TryGetValue(wireName, out var values) && values.Count > 0)
                        input[name] = FromText(target, values.ToString());
                    break;
                case "header":
                    if (request.Headers.TryGetValue(wireName, out var header) && header.Count > 0)
                        input[name] = FromText(target, header.ToString());
                    break;
                case null:
                    if (json?[wireName] is JsonNode value) input[name] = value.DeepClone();
                    break;
            }
        }
        return input;
    }

    /// <summary>A query-string or header value as the member's type; left as text when it does not parse (the validator reports it).</summary>
    private static JsonNode FromText(JsonObject shape, string text) => (string)shape["type"]! switch
    {
        "integer" or "long" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        "boolean" when bool.TryParse(text, out var flag) => JsonValue.Create(flag),
        _ => JsonValue.Create(text),
    };

    /// <summary>Wrong types are reported by the service's own validation error, like every other constraint.</summary>
    public AwsException? ProtocolViolation(IReadOnlyList<Violation> violations) => null;

    public Task WriteResult(HttpContext context, ServiceModel model, OperationModel operation, JsonNode? output, string requestId) =>
        JsonShapes.WriteResult(context, ContentType, operation.SuccessStatus, model, operation, output);

    public Task WriteError(HttpContext context, ServiceModel model, AwsException error, string requestId)
    {
        context.Response.Headers["x-amzn-ErrorType"] = error.Code;
        return JsonShapes.Write(context, ContentType, error.Status, errorBody(error));
    }

    /// <summary>The portal's body: <c>{"message": ..., "__type": "com.amazonaws.switchboard.portal#Code"}</c>.</summary>
    public static JsonObject PortalErrorBody(AwsException error) => new()
    {
        ["message"] = error.Message,
        ["__type"] = $"com.amazonaws.switchboard.portal#{error.Code}",
    };

    /// <summary>OIDC's OAuth-style body: <c>{"error": "authorization_pending", "error_description": ...}</c>; no <c>message</c>.</summary>
    public static JsonObject OidcErrorBody(AwsException error)
    {
        var body = new JsonObject
        {
            ["error"] = error.Fields.TryGetValue("error", out var code) ? code : SnakeCase(error.Code),
            ["error_description"] = error.Message,
        };
        foreach (var (name, value) in error.Fields)
            if (name != "error") body[name] = value;
        return body;
    }

    /// <summary>"InvalidClientException" → "invalid_client" (the OAuth spelling AWS uses for modelled OIDC errors).</summary>
    public static string SnakeCase(string code)
    {
        var stem = code.EndsWith("Exception", StringComparison.Ordinal) ? code[..^"Exception".Length] : code;
        var text = new StringBuilder();
        foreach (var c in stem)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
