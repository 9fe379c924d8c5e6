using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.Protocol;

/// <summary>
/// Strict JSON request bodies: well-formed, valid UTF-8, no lone surrogate escapes, no duplicated keys. Anything
/// else is the caller's error (the protocol decides its code), never a failure later in validation or binding.
/// </summary>
public static class JsonInput
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>The body as a JSON object, null for an empty body; the reason as text when it is not acceptable.</summary>
    public static JsonObject? Parse(byte[] body, out string? problem)
    {
        problem = null;
        if (IsBlank(body)) return null;
        try
        {
            CheckStrings(body);
            if (JsonNode.Parse(body, documentOptions: Strict) is JsonObject json) return json;
            problem = "Start of structure or map found where not expected.";
        }
        catch (JsonException) { problem = "Request body is not valid JSON."; }
        catch (InvalidOperationException) { problem = "Request body contains a string that is not valid UTF-8 or UTF-16."; }
        catch (ArgumentException) { problem = "Request body contains a duplicated key."; }
        return null;
    }

    /// <summary>One pass decoding every name and string: invalid UTF-8 or a lone surrogate escape throws here.</summary>
    private static void CheckStrings(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        while (reader.Read())
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                reader.GetString();
    }

    private static readonly System.Buffers.SearchValues<byte> Whitespace = System.Buffers.SearchValues.Create(" \r\n\t"u8);

    private static bool IsBlank(byte[] body) => body.AsSpan().IndexOfAnyExcept(Whitespace) < 0;
}
