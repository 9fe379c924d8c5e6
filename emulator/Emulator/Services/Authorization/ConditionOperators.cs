using System.Globalization;
using System.Net;

namespace Emulator.Services.Authorization;

/// <summary>
/// Every condition operator of the IAM policy language, declared in one table: how one request value compares with
/// one policy value, and whether the operator is a negation (true when no policy value matches). The prefixes
/// <c>ForAllValues:</c> / <c>ForAnyValue:</c> and the suffix <c>IfExists</c> wrap any of them; <c>Null</c> tests presence.
/// </summary>
public static class ConditionOperators
{
    private sealed record Operator(Func<string, string, bool> Matches, bool Negated, bool UsesVariables = true);

    private static readonly Dictionary<string, Operator> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["StringEquals"] = new((v, p) => v == p, false),
        ["StringNotEquals"] = new((v, p) => v == p, true),
        ["StringEqualsIgnoreCase"] = new((v, p) => string.Equals(v, p, StringComparison.OrdinalIgnoreCase), false),
        ["StringNotEqualsIgnoreCase"] = new((v, p) => string.Equals(v, p, StringComparison.OrdinalIgnoreCase), true),
        ["StringLike"] = new((v, p) => Wildcards.Match(p, v, ignoreCase: false), false),
        ["StringNotLike"] = new((v, p) => Wildcards.Match(p, v, ignoreCase: false), true),
        ["NumericEquals"] = new((v, p) => Numeric(v, p) == 0, false),
        ["NumericNotEquals"] = new((v, p) => Numeric(v, p) == 0, true),
        ["NumericLessThan"] = new((v, p) => Numeric(v, p) < 0, false),
        ["NumericLessThanEquals"] = new((v, p) => Numeric(v, p) <= 0, false),
        ["NumericGreaterThan"] = new((v, p) => Numeric(v, p) is > 0 and not int.MaxValue, false),
        ["NumericGreaterThanEquals"] = new((v, p) => Numeric(v, p) is >= 0 and not int.MaxValue, false),
        ["DateEquals"] = new((v, p) => Dates(v, p) == 0, false),
        ["DateNotEquals"] = new((v, p) => Dates(v, p) == 0, true),
        ["DateLessThan"] = new((v, p) => Dates(v, p) < 0, false),
        ["DateLessThanEquals"] = new((v, p) => Dates(v, p) <= 0, false),
        ["DateGreaterThan"] = new((v, p) => Dates(v, p) is > 0 and not int.MaxValue, false),
        ["DateGreaterThanEquals"] = new((v, p) => Dates(v, p) is >= 0 and not int.MaxValue, false),
        ["Bool"] = new((v, p) => string.Equals(v, p, StringComparison.OrdinalIgnoreCase), false),
        ["BinaryEquals"] = new((v, p) => v == p, false, UsesVariables: false),
        ["IpAddress"] = new(InNetwork, false, UsesVariables: false),
        ["NotIpAddress"] = new(InNetwork, true, UsesVariables: false),
        ["ArnEquals"] = new(ArnMatches, false),
        ["ArnLike"] = new(ArnMatches, false),
        ["ArnNotEquals"] = new(ArnMatches, true),
        ["ArnNotLike"] = new(ArnMatches, true),
    };

    /// <summary>Whether the operator name (with its prefixes and suffix) is part of the language.</summary>
    public static bool IsKnown(string name)
    {
        var (_, baseName, _) = Split(name);
        return baseName.Equals("Null", StringComparison.OrdinalIgnoreCase) || Table.ContainsKey(baseName);
    }

    /// <summary>The outcome of one condition test against the request; unknown operators never match.</summary>
    public static bool Evaluate(ConditionTest test, RequestContext request)
    {
        var (set, baseName, ifExists) = Split(test.Operator);
        var values = request.Values(test.Key);
        if (baseName.Equals("Null", StringComparison.OrdinalIgnoreCase))
            return test.Values.Any(p => string.Equals(p, values is null ? "true" : "false", StringComparison.OrdinalIgnoreCase));
        if (!Table.TryGetValue(baseName, out var op)) return false;

        var policyValues = op.UsesVariables
            ? test.Values.Select(v => PolicyVariables.Substitute(v, request)).OfType<string>().ToList()
            : test.Values.ToList();
        bool MatchesOne(string value) => op.Negated
            ? !policyValues.Any(p => op.Matches(value, p))
            : policyValues.Any(p => op.Matches(value, p));

        if (values is null || values.Count == 0)
            return set switch
            {
                "ForAllValues" => true,
                "ForAnyValue" => ifExists,
                _ => ifExists || op.Negated,
            };
        return set switch
        {
            "ForAllValues" => values.All(MatchesOne),
            "ForAnyValue" => values.Any(MatchesOne),
            _ => op.Negated ? values.All(MatchesOne) : values.Any(MatchesOne),
        };
    }

    /// <summary>"ForAnyValue:StringLikeIfExists" → ("ForAnyValue", "StringLike", true).</summary>
    private static (string? Set, string BaseName, bool IfExists) Split(string name)
    {
        string? set = null;
        var colon = name.IndexOf(':');
        if (colon > 0)
        {
            set = name[..colon] switch
            {
                var s when s.Equals("ForAllValues", StringComparison.OrdinalIgnoreCase) => "ForAllValues",
                var s when s.Equals("ForAnyValue", StringComparison.OrdinalIgnoreCase) => "ForAnyValue",
                _ => "?",
            };
            name = name[(colon + 1)..];
        }
        var ifExists = name.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase) && !name.Equals("IfExists", StringComparison.OrdinalIgnoreCase);
        if (ifExists) name = name[..^"IfExists".Length];
        return (set, set == "?" ? "?" : name, ifExists);
    }

    /// <summary>Compares two numbers; int.MaxValue when either is not a number (so no ordering test passes).</summary>
    private static int Numeric(string value, string policy) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) &&
        decimal.TryParse(policy, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b) : int.MaxValue;

    /// <summary>Dates are ISO 8601 or epoch seconds; int.MaxValue when either is not a date.</summary>
    private static int Dates(string value, string policy) =>
        ParseDate(value) is { } a && ParseDate(policy) is { } b ? a.CompareTo(b) : int.MaxValue;

    private static DateTimeOffset? ParseDate(string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)) return DateTimeOffset.FromUnixTimeSeconds(epoch);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    /// <summary>CIDR containment (IPv4 or IPv6); a bare address is a /32 or /128; host bits in the policy are ignored.</summary>
    private static bool InNetwork(string address, string network)
    {
        var slash = network.IndexOf('/');
        if (!IPAddress.TryParse(address, out var ip) || !IPAddress.TryParse(slash < 0 ? network : network[..slash], out var baseAddress)) return false;
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        var a = ip.GetAddressBytes();
        var b = baseAddress.GetAddressBytes();
        if (a.Length != b.Length) return false;
        var bits = a.Length * 8;
        if (slash >= 0 && (!int.TryParse(network[(slash + 1)..], out bits) || bits < 0 || bits > a.Length * 8)) return false;
        for (var i = 0; i < bits; i++)
        {
            var mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) return false;
        }
        return true;
    }

    /// <summary>ARN operators compare the six colon-separated parts, each with wildcards, case-sensitively.</summary>
    private static bool ArnMatches(string value, string pattern)
    {
        var a = value.Split(':', 6);
        var p = pattern.Split(':', 6);
        if (a.Length != 6 || p.Length != 6) return pattern == "*" || value == pattern;
        return a.Zip(p).All(pair => Wildcards.Match(pair.Second, pair.First, ignoreCase: false));
    }
}
