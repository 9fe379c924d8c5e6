using System.Text;
using System.Xml;
using Emulator.Protocol;

namespace Emulator.Tests;

/// <summary>
/// The Query protocol's answers are written by <see cref="XmlOutput"/>; they must stay byte for byte what
/// <see cref="XmlWriter"/> (no declaration, no indentation) wrote before, which is what this compares against.
/// </summary>
public sealed class XmlOutputTests
{
    private const string Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("a < b > c & d \" e ' f ]]> g")]
    [InlineData("line\nline\r\nline\rline\r\r\n\n")]
    [InlineData("tab\there")]
    [InlineData("é ü 中文 🙂 \u007f \ud7ff \ue000 \ufffd")]
    [InlineData("%7B%22Version%22%3A%222012-10-17%22%7D")]
    [InlineData("&amp; already escaped &lt;")]
    public void Text_is_written_as_XmlWriter_writes_it(string text)
    {
        var expected = WithXmlWriter(w =>
        {
            w.WriteStartElement("GetRoleResponse", Ns);
            w.WriteElementString("Description", Ns, text);
            w.WriteEndElement();
        });
        var actual = WithXmlOutput(x =>
        {
            x.StartElement("GetRoleResponse", Ns);
            x.Element("Description", text);
            x.EndElement();
        });
        actual.Should().Be(expected);
    }

    [Fact]
    public void Nested_and_empty_elements_are_written_as_XmlWriter_writes_them()
    {
        var expected = WithXmlWriter(w =>
        {
            w.WriteStartElement("ListRolesResponse", Ns);
            w.WriteStartElement("ListRolesResult", Ns);
            w.WriteStartElement("Roles", Ns);
            w.WriteStartElement("member", Ns);
            w.WriteElementString("RoleName", Ns, "a");
            w.WriteStartElement("Tags", Ns);
            w.WriteEndElement();
            w.WriteElementString("Path", Ns, "");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("ResponseMetadata", Ns);
            w.WriteElementString("RequestId", Ns, "r-1");
            w.WriteEndElement();
            w.WriteEndElement();
        });
        var actual = WithXmlOutput(x =>
        {
            x.StartElement("ListRolesResponse", Ns);
            x.StartElement("ListRolesResult");
            x.StartElement("Roles");
            x.StartElement("member");
            x.Element("RoleName", "a");
            x.StartElement("Tags");
            x.EndElement();
            x.Element("Path", "");
            x.EndElement();
            x.EndElement();
            x.EndElement();
            x.StartElement("ResponseMetadata");
            x.Element("RequestId", "r-1");
            x.EndElement();
            x.EndElement();
        });
        actual.Should().Be(expected);
        WithXmlOutput(x => { x.StartElement("Empty"); x.EndElement(); }).Should().Be(WithXmlWriter(w => { w.WriteStartElement("Empty"); w.WriteEndElement(); }));
    }

    [Fact]
    public void Any_text_made_safe_is_written_as_XmlWriter_writes_it()
    {
        var random = new Random(20261130);
        var alphabet = "ab<>&\"'\r\n\t ]é中🙂\u0000\u0001\u001f\ud800\udc00\ufffe\uffff\u0085\u2028".ToCharArray();
        for (var i = 0; i < 2_000; i++)
        {
            var text = Protocol.XmlText.Safe(new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
            var expected = WithXmlWriter(w => w.WriteElementString("Message", Ns, text));
            WithXmlOutput(x => { x.StartElement("Message", Ns); x.Text(text); x.EndElement(); }).Should().Be(expected, "the text was {0}", string.Join(" ", text.Select(c => ((int)c).ToString("x4"))));
        }
    }

    [Fact]
    public void A_long_document_grows_its_buffer()
    {
        var big = new string('x', 10_000) + "é&";
        WithXmlOutput(x => { x.StartElement("A", Ns); for (var i = 0; i < 5; i++) x.Element("B", big); x.EndElement(); })
            .Should().Be(WithXmlWriter(w => { w.WriteStartElement("A", Ns); for (var i = 0; i < 5; i++) w.WriteElementString("B", Ns, big); w.WriteEndElement(); }));
    }

    private static string WithXmlWriter(Action<XmlWriter> write)
    {
        var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, Encoding = new UTF8Encoding(false) }))
            write(writer);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string WithXmlOutput(Action<XmlOutput> write)
    {
        using var answer = new AnswerBuffer();
        write(new XmlOutput(answer));
        return Encoding.UTF8.GetString(answer.Written.Span);
    }
}
