using System.Text;

namespace Emulator.Tests.Fuzz;

/// <summary>One generated HTTP request, printable so a failing seed shows exactly what was sent.</summary>
public sealed record FuzzRequest(string Service, string Operation, string Mutation, string Method, string PathAndQuery,
    IReadOnlyList<(string Name, string Value)> Headers, string? ContentType, byte[] Body)
{
    public HttpRequestMessage ToHttp()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (Body.Length > 0 || ContentType is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{Service}:{Operation} ({Mutation})\n{Method} {PathAndQuery}\n");
        foreach (var (name, value) in Headers) text.Append(name).Append(": ").Append(value).Append('\n');
        if (ContentType is not null) text.Append("Content-Type: ").Append(ContentType).Append('\n');
        var shown = Body.Length > 2048 ? Body[..2048] : Body;
        text.Append('\n').Append(Escape(shown)).Append(Body.Length > 2048 ? $"... ({Body.Length} bytes)" : "");
        return text.ToString();
    }

    /// <summary>Printable ASCII as is, everything else as \xNN, so invalid UTF-8 is visible.</summary>
    private static string Escape(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes) text.Append(b is >= 0x20 and < 0x7f ? ((char)b).ToString() : $"\\x{b:x2}");
        return text.ToString();
    }
}
