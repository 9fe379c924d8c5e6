using System.Text;
using System.Text.Encodings.Web;

namespace Emulator.Portal;

/// <summary>The portal's server-rendered pages: one layout, no scripts, no external assets, every value HTML-encoded.</summary>
public static class PortalHtml
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;background:#f2f3f3;color:#16191f}
        header{background:#232f3e;color:#fff;padding:12px 24px;display:flex;justify-content:space-between;align-items:center}
        header h1{font-size:18px;margin:0}
        main{max-width:880px;margin:24px auto;padding:0 16px}
        .card{background:#fff;border:1px solid #d5dbdb;border-radius:8px;padding:16px 20px;margin-bottom:16px}
        label{display:block;margin:12px 0 4px;font-weight:600}
        input[type=text],input[type=password]{display:block;box-sizing:border-box;width:100%;max-width:360px;padding:8px;border:1px solid #879596;border-radius:4px}
        button{margin-top:14px;padding:8px 16px;border:0;border-radius:4px;background:#ec7211;color:#fff;font-weight:600;cursor:pointer}
        button.secondary{background:#545b64}
        .error{color:#d13212;font-weight:600}
        .unavailable{border-color:#d13212}
        pre{background:#16191f;color:#e9ebed;padding:12px;border-radius:4px;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
        .muted{color:#545b64}
        ul.roles{list-style:none;padding:0}
        li.role{border-top:1px solid #eaeded;padding:8px 0}
        code.user-code{font-size:22px;letter-spacing:2px}
        """;

    public static string Page(string title, string body, string? signedInAs = null, string? signOutForm = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" | AWS access portal (emulator)</title>")
            .Append("<style>").Append(Style).Append("</style></head><body>")
            .Append("<header><h1>AWS access portal <span class=\"muted\" style=\"color:#aab7b8\">(emulator)</span></h1>");
        if (signedInAs is not null)
            html.Append("<div><span id=\"signed-in-as\">Signed in as ").Append(E(signedInAs)).Append("</span> ").Append(signOutForm).Append("</div>");
        html.Append("</header><main>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    public static string Hidden(string name, string? value) =>
        $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";
}
