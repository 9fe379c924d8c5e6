using System.Text;

namespace Emulator.Services.Authorization;

/// <summary>
/// Policy variables in Resource and condition values: <c>${aws:username}</c> takes the request's value of the key,
/// <c>${aws:PrincipalTag/team, 'none'}</c> a default when the key is absent, and <c>${*}</c>, <c>${?}</c>, <c>${$}</c>
/// stand for the literal characters. A variable whose key is absent and has no default makes the value unusable (null).
/// </summary>
public static class PolicyVariables
{
    /// <returns>The text with variables replaced, or null when a variable has no value (IAM names cannot contain
    /// '*' or '?', so substituted values never add wildcards).</returns>
    public static string? Substitute(string text, RequestContext request)
    {
        if (!text.Contains("${", StringComparison.Ordinal)) return text;
        var result = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0) { result.Append(text, i, text.Length - i); break; }
            var end = text.IndexOf('}', start);
            if (end < 0) { result.Append(text, i, text.Length - i); break; }
            result.Append(text, i, start - i);
            var inner = text[(start + 2)..end];
            var value = Resolve(inner, request);
            if (value is null) return null;
            result.Append(value);
            i = end + 1;
        }
        return result.ToString();
    }

    private static string? Resolve(string inner, RequestContext request)
    {
        switch (inner)
        {
            case "*": return "*";
            case "?": return "?";
            case "$": return "$";
        }
        var comma = inner.IndexOf(',');
        var key = (comma < 0 ? inner : inner[..comma]).Trim();
        var fallback = comma < 0 ? null : inner[(comma + 1)..].Trim().Trim('\'');
        var values = request.Values(key);
        return values is { Count: 1 } ? values[0] : fallback;
    }
}
