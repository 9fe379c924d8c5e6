namespace Emulator.Services.Authorization;

/// <summary>IAM's wildcards: <c>*</c> matches any run of characters (none included), <c>?</c> exactly one.</summary>
public static class Wildcards
{
    public static bool Match(string pattern, string text, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || string.Compare(pattern, p, text, t, 1, comparison) == 0 && pattern[p] != '*'))
            {
                p++; t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++; mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1; t = ++mark;
            }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
