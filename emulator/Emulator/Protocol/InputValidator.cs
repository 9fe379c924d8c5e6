using System.Collections.Concurrent;
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
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new();

    public static List<Violation> Validate(ServiceModel model, string shapeName, JsonObject input)
    {
        var violations = new List<Violation>();
        CheckStructure(model, model.Shape(shapeName), input, "", violations);
        return violations;
    }

    /// <summary>"1 validation error detected: Value 'x' at 'roleName' failed to satisfy constraint: ..."</summary>
    public static string Describe(IReadOnlyList<Violation> violations)
    {
        var count = violations.Count;
        var head = $"{count} validation error{(count == 1 ? "" : "s")} detected: ";
        return head + string.Join("; ", violations.Select(v => v.Text));
    }

    private static void CheckStructure(ServiceModel model, JsonObject shape, JsonObject value, string path, List<Violation> found)
    {
        var members = shape["members"]?.AsObject() ?? new JsonObject();
        var required = shape["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
        foreach (var (name, reference) in members)
        {
            var memberPath = path.Length == 0 ? LowerFirst(name) : $"{path}.{LowerFirst(name)}";
            var node = value[name];
            if (node is null)
            {
                if (required.Contains(name))
                    found.Add(new(ViolationKind.InputRequired, memberPath,
                        $"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null"));
                continue;
            }
            CheckValue(model, model.Target(reference!), node, memberPath, found);
        }
    }

    private static void CheckValue(ServiceModel model, JsonObject shape, JsonNode node, string path, List<Violation> found)
    {
        var type = (string)shape["type"]!;
        switch (type)
        {
            case "structure" when shape["document"] is JsonValue document && (bool)document:
                break; // a document type (e.g. identitystore AttributeValue) is any JSON value
            case "structure":
                if (node is JsonObject obj) CheckStructure(model, shape, obj, path, found);
                else found.Add(WrongType(path, node, "a structure"));
                break;
            case "list":
                if (node is not JsonArray array) { found.Add(WrongType(path, node, "a list")); break; }
                CheckCount(shape, array.Count, node, path, found);
                for (var i = 0; i < array.Count; i++)
                {
                    var itemPath = $"{path}.{i + 1}.member";
                    if (array[i] is null)
                        found.Add(new(ViolationKind.InputRequired, itemPath,
                            $"Value null at '{itemPath}' failed to satisfy constraint: Member must not be null"));
                    else CheckValue(model, model.Target(shape["member"]!), array[i]!, itemPath, found);
                }
                break;
            case "map":
                if (node is not JsonObject map) { found.Add(WrongType(path, node, "a map")); break; }
                CheckCount(shape, map.Count, node, path, found);
                foreach (var (key, item) in map)
                {
                    CheckValue(model, model.Target(shape["key"]!), JsonValue.Create(key), $"{path}.key", found);
                    if (item is not null) CheckValue(model, model.Target(shape["value"]!), item, $"{path}.value", found);
                }
                break;
            case "string":
                if (!IsKind(node, JsonValueKind.String)) { found.Add(WrongType(path, node, "a string")); break; }
                CheckString(shape, (string)node!, path, found);
                break;
            case "integer" or "long":
                if (!IsKind(node, JsonValueKind.Number) || !long.TryParse(node.ToJsonString(), CultureInfo.InvariantCulture, out var number))
                { found.Add(WrongType(path, node, "an integer")); break; }
                CheckRange(shape, number, path, found);
                break;
            case "double" or "float":
                if (!IsKind(node, JsonValueKind.Number)) found.Add(WrongType(path, node, "a number"));
                break;
            case "boolean":
                if (!IsKind(node, JsonValueKind.True) && !IsKind(node, JsonValueKind.False)) found.Add(WrongType(path, node, "a boolean"));
                break;
            case "timestamp":
                if (!IsKind(node, JsonValueKind.Number) && !IsKind(node, JsonValueKind.String)) found.Add(WrongType(path, node, "a timestamp"));
                break;
        }
    }

    private static void CheckString(JsonObject shape, string text, string path, List<Violation> found)
    {
        var shown = $"Value '{text}' at '{path}' failed to satisfy constraint: ";
        if (shape["enum"] is JsonArray allowed && !allowed.Any(a => (string)a! == text))
        {
            var set = string.Join(", ", allowed.Select(a => (string)a!));
            found.Add(new(ViolationKind.InvalidEnum, path, shown + $"Member must satisfy enum value set: [{set}]"));
            return;
        }
        if (shape["min"] is JsonNode min && text.Length < (int)min)
            found.Add(new(ViolationKind.MinLengthExceeded, path, shown + $"Member must have length greater than or equal to {(int)min}"));
        if (shape["max"] is JsonNode max && text.Length > (int)max)
            found.Add(new(ViolationKind.MaxLengthExceeded, path, shown + $"Member must have length less than or equal to {(int)max}"));
        if (shape["pattern"] is JsonNode pattern && Compiled((string)pattern!) is Regex regex && !Matches(regex, text))
            found.Add(new(ViolationKind.InvalidPattern, path, shown + $"Member must satisfy regular expression pattern: {(string)pattern!}"));
    }

    private static void CheckRange(JsonObject shape, long number, string path, List<Violation> found)
    {
        var shown = $"Value '{number}' at '{path}' failed to satisfy constraint: ";
        if (shape["min"] is JsonNode min && number < (long)min)
            found.Add(new(ViolationKind.MinValueExceeded, path, shown + $"Member must have value greater than or equal to {(long)min}"));
        if (shape["max"] is JsonNode max && number > (long)max)
            found.Add(new(ViolationKind.MaxValueExceeded, path, shown + $"Member must have value less than or equal to {(long)max}"));
    }

    private static void CheckCount(JsonObject shape, int count, JsonNode node, string path, List<Violation> found)
    {
        if (shape["min"] is JsonNode min && count < (int)min)
            found.Add(new(ViolationKind.MinLengthExceeded, path,
                $"Value '{node.ToJsonString()}' at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {(int)min}"));
        if (shape["max"] is JsonNode max && count > (int)max)
            found.Add(new(ViolationKind.MaxLengthExceeded, path,
                $"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {(int)max}"));
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

    /// <summary>Model patterns are Java regexes matched against the whole value; the few .NET cannot compile are skipped.</summary>
    private static Regex? Compiled(string pattern) => Patterns.GetOrAdd(pattern, p =>
    {
        try { return new Regex($"^(?:{p})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)); }
        catch (ArgumentException) { return null; }
    });

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";

    private static string LowerFirst(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
