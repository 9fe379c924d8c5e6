using System.Buffers;
using System.Text.Json;

namespace Emulator.Protocol;

/// <summary>
/// Strict JSON request bodies: well-formed, valid UTF-8, no lone surrogate escapes, no duplicated keys. Anything
/// else is the caller's error (the protocol decides its code), never a failure later in validation or binding.
/// </summary>
public static class JsonInput
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>
    /// The body as a JSON object (an index over the body's bytes, nothing copied), null for an empty body; the reason
    /// as text when it is not acceptable. The caller disposes the document.
    /// </summary>
    public static JsonDocument? Parse(byte[] body, out string? problem)
    {
        problem = null;
        if (IsBlank(body)) return null;
        JsonDocument? document = null;
        try
        {
            CheckStrings(body);
            document = JsonDocument.Parse(body, Strict);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            problem = "Start of structure or map found where not expected.";
        }
        catch (JsonException bad) when (bad.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)) { problem = "Request body contains a duplicated key."; }
        catch (JsonException) { problem = "Request body is not valid JSON."; }
        catch (InvalidOperationException) { problem = "Request body contains a string that is not valid UTF-8 or UTF-16."; }
        catch (ArgumentException) { problem = "Request body contains a duplicated key."; }
        document?.Dispose();
        return null;
    }

    /// <summary>An empty member set, for bodies and operations without members.</summary>
    public static JsonDocument Empty() => JsonDocument.Parse(EmptyObject);

    private static readonly ReadOnlyMemory<byte> EmptyObject = "{}"u8.ToArray();

    /// <summary>One pass decoding every name and string: invalid UTF-8 or a lone surrogate escape throws here.</summary>
    private static void CheckStrings(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        while (reader.Read())
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && (reader.ValueIsEscaped || !System.Text.Ascii.IsValid(reader.ValueSpan)))
                reader.GetString(); // plain ASCII needs no decoding to be valid
    }

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \r\n\t"u8);

    private static bool IsBlank(byte[] body) => body.AsSpan().IndexOfAnyExcept(Whitespace) < 0;
}
