using System.Text;

namespace Emulator.Portal;

/// <summary>The portal's page for a request that failed or could not be read: the layout, the status, a short text.</summary>
public static class PortalErrorPage
{
    public static async Task Write(HttpContext context, int status, string message)
    {
        var title = status >= 500 ? "Something went wrong" : "Request refused";
        var text = status >= 500 ? "The emulator could not complete this request. The details are in its log." : message;
        var bytes = Encoding.UTF8.GetBytes(PortalHtml.Page(title,
            $"<div class=\"card\" id=\"error-page\"><h2>{PortalHtml.E(title)}</h2><p>{PortalHtml.E(text)}</p></div>"));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }
}
