using System.Text;
using System.Text.Json;

namespace Emulator.Services.Authorization;

/// <summary>Where a statement is written in its policy text: 1-based line and column of its opening and closing brace.</summary>
public sealed record TextPosition(int Line, int Column);

/// <summary>The text positions of a policy's statements, in statement order (the simulator's StartPosition/EndPosition).</summary>
public static class StatementPositions
{
    public static IReadOnlyList<(TextPosition Start, TextPosition End)> Of(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var spans = new List<(long Start, long End)>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return [];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStatement = reader.ValueTextEquals("Statement");
                reader.Read();
                if (!isStatement) { reader.Skip(); continue; }
                if (reader.TokenType == JsonTokenType.StartObject) spans.Add(Span(ref reader));
                else if (reader.TokenType == JsonTokenType.StartArray)
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        if (reader.TokenType == JsonTokenType.StartObject) spans.Add(Span(ref reader));
                        else reader.Skip();
                break;
            }
        }
        catch (JsonException) { return []; }
        return spans.Select(s => (Position(bytes, s.Start), Position(bytes, s.End))).ToList();
    }

    private static (long Start, long End) Span(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        reader.Skip();
        return (start, reader.TokenStartIndex);
    }

    private static TextPosition Position(byte[] bytes, long offset)
    {
        var before = Encoding.UTF8.GetString(bytes, 0, (int)offset);
        var lineStart = before.LastIndexOf('\n') + 1;
        return new TextPosition(before.Count(c => c == '\n') + 1, before.Length - lineStart + 1);
    }
}
