using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Emulator.Protocol;

/// <summary>What a constraint violation is, in the words of Organizations' InvalidInputException reasons.</summary>
public enum ViolationKind
{
    InputRequired, WrongType, InvalidPattern, InvalidEnum,
    MinLengthExceeded, MaxLengthExceeded, MinValueExceeded, MaxValueExceeded,
}

public sealed record Violation(ViolationKind Kind, string Path, string Text);

/// <summary>
/// Checks a request (already parsed into the model's member names) against the input shape's constraints:
/// required members, types, lengths, patterns, enums and ranges. Reports every violation, AWS-style.
/// </summary>
public static class InputValidator
{
    /// <summary>At most this many violations are spelled out (the count names them all), so a huge list cannot make a huge error.</summary>
    public const int MaxDescribed = 10;

    public static List<Violation> Validate(ServiceModel model, string shapeName, JsonObject input) => Validate(model.Shape(shapeName), input);

    public static List<Violation> Validate(Shape shape, JsonObject input)
    {
        var violations = new List<Violation>();
        CheckStructure(shape, input, "", violations);
        return violations;
    }

    /// <summary>"1 validation error detected: Value 'x' at 'roleName' failed to satisfy constraint: ..."</summary>
    public static string Describe(IReadOnlyList<Violation> violations)
    {
        var count = violations.Count;
        var head = $"{count} validation error{(count == 1 ? "" : "s")} detected: ";
        return head + string.Join("; ", violations.Take(MaxDescribed).Select(v => v.Text));
    }

    private static void CheckStructure(Shape shape, JsonObject value, string path, List<Violation> found)
    {
        foreach (var member in shape.Members)
        {
            var memberPath = path.Length == 0 ? LowerFirst(member.Name) : $"{path}.{LowerFirst(member.Name)}";
            var node = value[member.Name];
            if (node is null)
            {
                if (shape.Required.Contains(member.Name))
                    found.Add(new(ViolationKind.InputRequired, memberPath,
                        $"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null"));
                continue;
            }
            CheckValue(member.Shape, node, memberPath, found);
        }
    }

    private static void CheckValue(Shape shape, JsonNode node, string path, List<Violation> found)
    {
        switch (shape.Type)
        {
            case ShapeType.Document:
                break; // a document type (e.g. identitystore AttributeValue) is any JSON value
            case ShapeType.Structure:
                if (node is JsonObject obj) CheckStructure(shape, obj, path, found);
                else found.Add(WrongType(path, node, "a structure"));
                break;
            case ShapeType.List:
                if (node is not JsonArray array) { found.Add(WrongType(path, node, "a list")); break; }
                CheckCount(shape, array.Count, node, path, found);
                for (var i = 0; i < array.Count; i++)
                {
                    var itemPath = $"{path}.{i + 1}.member";
                    if (array[i] is null)
                        found.Add(new(ViolationKind.InputRequired, itemPath,
                            $"Value null at '{itemPath}' failed to satisfy constraint: Member must not be null"));
                    else CheckValue(shape.Item!, array[i]!, itemPath, found);
                }
                break;
            case ShapeType.Map:
                if (node is not JsonObject map) { found.Add(WrongType(path, node, "a map")); break; }
                CheckCount(shape, map.Count, node, path, found);
                foreach (var (key, item) in map)
                {
                    CheckValue(shape.MapKey!, JsonValue.Create(key), $"{path}.key", found);
                    if (item is not null) CheckValue(shape.MapValue!, item, $"{path}.value", found);
                }
                break;
            case ShapeType.String:
                if (!IsKind(node, JsonValueKind.String)) { found.Add(WrongType(path, node, "a string")); break; }
                CheckString(shape, (string)node!, path, found);
                break;
            case ShapeType.Integer or ShapeType.Long:
                if (!IsKind(node, JsonValueKind.Number) || !long.TryParse(node.ToJsonString(), CultureInfo.InvariantCulture, out var number))
                { found.Add(WrongType(path, node, "an integer")); break; }
                CheckRange(shape, number, path, found);
                break;
            case ShapeType.Double or ShapeType.Float:
                if (!IsKind(node, JsonValueKind.Number)) found.Add(WrongType(path, node, "a number"));
                break;
            case ShapeType.Boolean:
                if (!IsKind(node, JsonValueKind.True) && !IsKind(node, JsonValueKind.False)) found.Add(WrongType(path, node, "a boolean"));
                break;
            case ShapeType.Timestamp:
                if (!IsKind(node, JsonValueKind.Number) && !IsKind(node, JsonValueKind.String)) found.Add(WrongType(path, node, "a timestamp"));
                break;
        }
    }

    private static void CheckString(Shape shape, string text, string path, List<Violation> found)
    {
        var shown = $"Value '{Shown.Bounded(text)}' at '{path}' failed to satisfy constraint: ";
        if (shape.Enum is { } allowed && !allowed.Contains(text))
        {
            found.Add(new(ViolationKind.InvalidEnum, path, shown + $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]"));
            return;
        }
        if (shape.Min is { } min && text.Length < min)
            found.Add(new(ViolationKind.MinLengthExceeded, path, shown + $"Member must have length greater than or equal to {min}"));
        if (shape.Max is { } max && text.Length > max)
            found.Add(new(ViolationKind.MaxLengthExceeded, path, shown + $"Member must have length less than or equal to {max}"));
        if (shape.PatternRegex is { } regex && !Matches(regex, text))
            found.Add(new(ViolationKind.InvalidPattern, path, shown + $"Member must satisfy regular expression pattern: {shape.Pattern}"));
    }

    private static void CheckRange(Shape shape, long number, string path, List<Violation> found)
    {
        var shown = $"Value '{number}' at '{path}' failed to satisfy constraint: ";
        if (shape.Min is { } min && number < min)
            found.Add(new(ViolationKind.MinValueExceeded, path, shown + $"Member must have value greater than or equal to {min}"));
        if (shape.Max is { } max && number > max)
            found.Add(new(ViolationKind.MaxValueExceeded, path, shown + $"Member must have value less than or equal to {max}"));
    }

    private static void CheckCount(Shape shape, int count, JsonNode node, string path, List<Violation> found)
    {
        if (shape.Min is { } min && count < min)
            found.Add(new(ViolationKind.MinLengthExceeded, path,
                $"Value '{Shown.Bounded(node.ToJsonString())}' at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}"));
        if (shape.Max is { } max && count > max)
            found.Add(new(ViolationKind.MaxLengthExceeded, path,
                $"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"));
    }

    private static Violation WrongType(string path, JsonNode node, string expected) =>
        new(ViolationKind.WrongType, path,
            $"Value '{Shorten(node.ToJsonString())}' at '{path}' failed to satisfy constraint: Member must be {expected}");

    private static bool IsKind(JsonNode? node, JsonValueKind kind) => node is JsonValue v && v.GetValueKind() == kind;

    private static bool Matches(Regex regex, string text)
    {
        try { return regex.IsMatch(text); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";

    private static string LowerFirst(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
