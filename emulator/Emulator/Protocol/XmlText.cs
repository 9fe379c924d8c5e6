using System.Globalization;
using System.Text;
using System.Xml;

namespace Emulator.Protocol;

/// <summary>
/// Text that XML 1.0 cannot carry (C0 controls other than tab/CR/LF, lone surrogates, U+FFFE/U+FFFF) is written as a
/// visible <c>\uXXXX</c> escape, so echoing a caller's value never breaks the document (XmlWriter would throw).
/// </summary>
public static class XmlText
{
    public static string Safe(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0) return text;
        var safe = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { safe.Append(c).Append(text[++i]); continue; }
            if (XmlConvert.IsXmlChar(c)) safe.Append(c);
            else safe.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return safe.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            return i;
        }
        return -1;
    }
}
