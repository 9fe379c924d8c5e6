using System.Buffers;
using System.Text;

namespace Emulator.Protocol;

/// <summary>
/// A Query-protocol answer written as UTF-8 into an <see cref="AnswerBuffer"/>: elements, text and the root's namespace, byte for
/// byte as <see cref="System.Xml.XmlWriter"/> writes them with no declaration and no indentation (an empty element is
/// <c>&lt;a /&gt;</c>; text escapes <c>&amp; &lt; &gt;</c> and turns CR and CR LF into LF), without its per-document
/// buffers and state machine. Text must be valid XML characters (<see cref="XmlText.Safe"/>).
/// </summary>
public sealed class XmlOutput(AnswerBuffer answer)
{
    private static readonly SearchValues<char> Special = SearchValues.Create("<>&\r");

    private readonly List<string> _open = [];
    private bool _startTagOpen;

    /// <param name="ns">The default namespace, declared on the root element only (every element of an answer is in it).</param>
    public void StartElement(string name, string? ns = null)
    {
        CloseStartTag();
        Raw("<");
        Raw(name);
        if (_open.Count == 0 && !string.IsNullOrEmpty(ns))
        {
            Raw(" xmlns=\"");
            Raw(ns);
            Raw("\"");
        }
        _open.Add(name);
        _startTagOpen = true;
    }

    public void EndElement()
    {
        var name = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (_startTagOpen)
        {
            Raw(" />");
            _startTagOpen = false;
            return;
        }
        Raw("</");
        Raw(name);
        Raw(">");
    }

    /// <summary>An element holding only text (an empty text gives an empty element).</summary>
    public void Element(string name, string text)
    {
        CloseStartTag();
        Raw("<");
        Raw(name);
        if (text.Length == 0)
        {
            Raw(" />");
            return;
        }
        Raw(">");
        Text(text);
        Raw("</");
        Raw(name);
        Raw(">");
    }

    public void Text(string text)
    {
        if (text.Length == 0) return;
        CloseStartTag();
        var rest = text.AsSpan();
        for (var special = rest.IndexOfAny(Special); special >= 0; special = rest.IndexOfAny(Special))
        {
            Raw(rest[..special]);
            switch (rest[special])
            {
                case '<': Raw("&lt;"); break;
                case '>': Raw("&gt;"); break;
                case '&': Raw("&amp;"); break;
                default: // CR, or CR LF: one LF
                    Raw("\n");
                    if (special + 1 < rest.Length && rest[special + 1] == '\n') special++;
                    break;
            }
            rest = rest[(special + 1)..];
        }
        Raw(rest);
    }

    /// <summary>Elements another <see cref="XmlOutput"/> wrote (a kept fragment, with no namespace of its own), copied as they are.</summary>
    public void Fragment(ReadOnlySpan<byte> xml)
    {
        if (xml.IsEmpty) return;
        CloseStartTag();
        xml.CopyTo(answer.GetSpan(xml.Length));
        answer.Advance(xml.Length);
    }

    private void CloseStartTag()
    {
        if (!_startTagOpen) return;
        Raw(">");
        _startTagOpen = false;
    }

    private void Raw(ReadOnlySpan<char> text) =>
        answer.Advance(Encoding.UTF8.GetBytes(text, answer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));
}
