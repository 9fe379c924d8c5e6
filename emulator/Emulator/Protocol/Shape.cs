using System.Text.RegularExpressions;

namespace Emulator.Protocol;

/// <summary>The kinds of botocore shape the protocols and the validator distinguish.</summary>
public enum ShapeType { Structure, List, Map, String, Integer, Long, Double, Float, Boolean, Timestamp, Blob, Document }

/// <summary>A member of a structure: its model name, its shape and where it travels (REST: querystring, header; Query/XML: locationName).</summary>
/// <param name="Sensitive">The model marks the member (or its shape) <c>"sensitive": true</c>.</param>
public sealed record Member(string Name, Shape Shape, string? Location, string WireName, bool Sensitive = false)
{
    /// <summary>How validation messages name the member: the name with its first letter in lower case (<c>roleName</c>).</summary>
    public string PathName { get; } = Name.Length == 0 ? Name : char.ToLowerInvariant(Name[0]) + Name[1..];
}

/// <summary>
/// One botocore shape, typed: built once per process from the vendored model (<see cref="ServiceModel"/>), with its
/// members, list/map element shapes and constraints resolved, so no code walks the model's JSON per request.
/// </summary>
public sealed class Shape
{
    public required string Name { get; init; }
    public required ShapeType Type { get; init; }

    /// <summary>The model marks the shape <c>"sensitive": true</c> (passwords, secrets, e-mail addresses …).</summary>
    public bool Sensitive { get; init; }

    /// <summary>Structure members in model order, and by name.</summary>
    public IReadOnlyList<Member> Members { get; internal set; } = [];
    public IReadOnlyDictionary<string, Member> MembersByName { get; internal set; } = new Dictionary<string, Member>();
    public IReadOnlySet<string> Required { get; init; } = new HashSet<string>();

    /// <summary>List element (and its XML element name, "member" unless the model says otherwise), map key and value.</summary>
    public Shape? Item { get; internal set; }
    public string ItemName { get; init; } = "member";
    public bool Flattened { get; init; }
    public Shape? MapKey { get; internal set; }
    public Shape? MapValue { get; internal set; }

    public IReadOnlyList<string>? Enum { get; init; }
    public long? Min { get; init; }
    public long? Max { get; init; }
    public string? Pattern { get; init; }

    /// <summary>The pattern anchored and compiled on first use (null when .NET cannot compile the model's Java regex).</summary>
    public Regex? PatternRegex => _regex?.Value;

    private Lazy<Regex?>? _regex;

    internal Lazy<Regex?>? PatternCompiler { init => _regex = value; }

    /// <summary>For error shapes: the wire code (error.code, else the shape name).</summary>
    public bool IsException { get; init; }
    public string ErrorCode { get; init; } = "";

    public bool IsContainer => Type is ShapeType.Structure or ShapeType.List or ShapeType.Map;
}
