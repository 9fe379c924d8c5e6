using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    public static List<Violation> Validate(ServiceModel model, string shapeName, JsonElement input) => Validate(model.Shape(shapeName), input);

    /// <summary>Reads the members where the protocol parsed them (a JSON object of model member names); copies nothing.</summary>
    public static List<Violation> Validate(Shape shape, JsonElement input)
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

    private static void CheckStructure(Shape shape, JsonElement value, string path, List<Violation> found)
    {
        foreach (var member in shape.Members)
        {
            var memberPath = path.Length == 0 ? member.PathName : $"{path}.{member.PathName}";
            if (!value.TryGetProperty(member.Name, out var node) || node.ValueKind == JsonValueKind.Null)
            {
                if (shape.Required.Contains(member.Name))
                    found.Add(new(ViolationKind.InputRequired, memberPath,
                        $"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null"));
                continue;
            }
            CheckValue(member.Shape, node, memberPath, found);
        }
    }

    private static void CheckValue(Shape shape, JsonElement node, string path, List<Violation> found)
    {
        switch (shape.Type)
        {
            case ShapeType.Document:
                break; // a document type (e.g. identitystore AttributeValue) is any JSON value
            case ShapeType.Structure:
                if (node.ValueKind == JsonValueKind.Object) CheckStructure(shape, node, path, found);
                else found.Add(WrongType(path, node, "a structure"));
                break;
            case ShapeType.List:
                if (node.ValueKind != JsonValueKind.Array) { found.Add(WrongType(path, node, "a list")); break; }
                CheckCount(shape, node.GetArrayLength(), node, path, found);
                var index = 0;
                foreach (var item in node.EnumerateArray())
                {
                    var itemPath = $"{path}.{++index}.member";
                    if (item.ValueKind == JsonValueKind.Null)
                        found.Add(new(ViolationKind.InputRequired, itemPath,
                            $"Value null at '{itemPath}' failed to satisfy constraint: Member must not be null"));
                    else CheckValue(shape.Item!, item, itemPath, found);
                }
                break;
            case ShapeType.Map:
                if (node.ValueKind != JsonValueKind.Object) { found.Add(WrongType(path, node, "a map")); break; }
                CheckCount(shape, node.GetPropertyCount(), node, path, found);
                foreach (var entry in node.EnumerateObject())
                {
                    if (shape.MapKey!.Type == ShapeType.String) CheckString(shape.MapKey, entry.Name, $"{path}.key", found);
                    if (entry.Value.ValueKind != JsonValueKind.Null) CheckValue(shape.MapValue!, entry.Value, $"{path}.value", found);
                }
                break;
            case ShapeType.String:
                if (node.ValueKind != JsonValueKind.String) { found.Add(WrongType(path, node, "a string")); break; }
                CheckString(shape, node.GetString()!, path, found);
                break;
            case ShapeType.Integer or ShapeType.Long:
                if (node.ValueKind != JsonValueKind.Number || !node.TryGetInt64(out var number))
                { found.Add(WrongType(path, node, "an integer")); break; }
                CheckRange(shape, number, path, found);
                break;
            case ShapeType.Double or ShapeType.Float:
                if (node.ValueKind != JsonValueKind.Number) found.Add(WrongType(path, node, "a number"));
                break;
            case ShapeType.Boolean:
                if (node.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) found.Add(WrongType(path, node, "a boolean"));
                break;
            case ShapeType.Timestamp:
                if (node.ValueKind is not (JsonValueKind.Number or JsonValueKind.String)) found.Add(WrongType(path, node, "a timestamp"));
                break;
        }
    }

    /// <remarks>A message is written only for a violation: a valid value costs no text.</remarks>
    private static void CheckString(Shape shape, string text, string path, List<Violation> found)
    {
        if (shape.Enum is { } allowed && !allowed.Contains(text))
        {
            found.Add(new(ViolationKind.InvalidEnum, path, Prefix() + $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]"));
            return;
        }
        if (shape.Min is { } min && text.Length < min)
            found.Add(new(ViolationKind.MinLengthExceeded, path, Prefix() + $"Member must have length greater than or equal to {min}"));
        if (shape.Max is { } max && text.Length > max)
            found.Add(new(ViolationKind.MaxLengthExceeded, path, Prefix() + $"Member must have length less than or equal to {max}"));
        if (shape.PatternRegex is { } regex && !Matches(regex, text))
            found.Add(new(ViolationKind.InvalidPattern, path, Prefix() + $"Member must satisfy regular expression pattern: {shape.Pattern}"));

        string Prefix() => $"Value '{Shown.Bounded(text)}' at '{path}' failed to satisfy constraint: ";
    }

    private static void CheckRange(Shape shape, long number, string path, List<Violation> found)
    {
        if (shape.Min is { } min && number < min)
            found.Add(new(ViolationKind.MinValueExceeded, path, Prefix() + $"Member must have value greater than or equal to {min}"));
        if (shape.Max is { } max && number > max)
            found.Add(new(ViolationKind.MaxValueExceeded, path, Prefix() + $"Member must have value less than or equal to {max}"));

        string Prefix() => $"Value '{number}' at '{path}' failed to satisfy constraint: ";
    }

    private static void CheckCount(Shape shape, int count, JsonElement node, string path, List<Violation> found)
    {
        if (shape.Min is { } min && count < min)
            found.Add(new(ViolationKind.MinLengthExceeded, path,
                $"Value '{Shown.Bounded(Compact(node))}' at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}"));
        if (shape.Max is { } max && count > max)
            found.Add(new(ViolationKind.MaxLengthExceeded, path,
                $"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"));
    }

    private static Violation WrongType(string path, JsonElement node, string expected) =>
        new(ViolationKind.WrongType, path,
            $"Value '{Shorten(Compact(node))}' at '{path}' failed to satisfy constraint: Member must be {expected}");

    /// <summary>The value as compact JSON (the caller's spacing dropped), as it is echoed in messages.</summary>
    private static string Compact(JsonElement node) => JsonSerializer.Serialize(node, ValidatorJson.Default.JsonElement);

    private static bool Matches(Regex regex, string text)
    {
        try { return regex.IsMatch(text); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}

[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ValidatorJson : JsonSerializerContext;
