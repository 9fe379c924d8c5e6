using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
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

    public JsonDocument ParseInput(HttpRequest request, byte[] body, ServiceModel model, OperationModel operation)
    {
        if (operation.Input is null) return JsonInput.Empty();

        // Both restJson1 services here (sso, sso-oidc) model InvalidRequestException for a malformed request.
        using var json = JsonInput.Parse(body, out var problem);
        if (problem is not null) throw new AwsException("InvalidRequestException", "Request body is not a valid JSON object.");

        var members = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(members))
        {
            writer.WriteStartObject();
            foreach (var member in operation.Input.Members)
            {
                switch (member.Location)
                {
                    case "querystring":
                        if (request.Query.TryGetValue(member.WireName, out var values) && values.Count > 0)
                            WriteText(writer, member, values.ToString());
                        break;
                    case "header":
                        if (request.Headers.TryGetValue(member.WireName, out var header) && header.Count > 0)
                            WriteText(writer, member, header.ToString());
                        break;
                    case null:
                        if (json is not null && json.RootElement.TryGetProperty(member.WireName, out var value) && value.ValueKind != JsonValueKind.Null)
                        {
                            writer.WritePropertyName(member.Name);
                            value.WriteTo(writer);
                        }
                        break;
                }
            }
            writer.WriteEndObject();
        }
        return JsonDocument.Parse(members.WrittenMemory);
    }

    /// <summary>A query-string or header value as the member's type; left as text when it does not parse (the validator reports it).</summary>
    private static void WriteText(Utf8JsonWriter writer, Member member, string text)
    {
        writer.WritePropertyName(member.Name);
        if (member.Shape.Type is ShapeType.Integer or ShapeType.Long && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            writer.WriteNumberValue(number);
        else if (member.Shape.Type is ShapeType.Boolean && bool.TryParse(text, out var flag)) writer.WriteBooleanValue(flag);
        else writer.WriteStringValue(text);
    }

    /// <summary>Wrong types are reported by the service's own validation error, like every other constraint.</summary>
    public AwsException? ProtocolViolation(IReadOnlyList<Violation> violations) => null;

    public Task WriteResult(HttpContext context, ServiceModel model, OperationModel operation, object? output, JsonTypeInfo? outputType, string requestId) =>
        JsonShapes.WriteResult(context, ContentType, operation.SuccessStatus, operation, output, outputType);

    public Task WriteError(HttpContext context, ServiceModel model, AwsException error, string requestId)
    {
        context.Response.Headers["x-amzn-ErrorType"] = error.Code;
        return JsonShapes.Write(context, ContentType, error.Status, errorBody(error));
    }

    public AwsException UnknownOperation(ServiceModel model, string operation) =>
        new("UnknownOperationException", $"The operation {Shown.Bounded(operation)} is not recognized by {model.Name}.", 404);

    public AwsException MissingAuthentication() => new("MissingAuthenticationTokenException", "Missing Authentication Token", 403);

    public AwsException Malformed(string message, int status) =>
        status == 413 ? ProtocolErrors.TooLarge() : status == 403 ? new("AccessDeniedException", message, 403) : new("InvalidRequestException", message, status);

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
