using System.Net;

namespace Emulator.Hosting;

/// <summary>
/// Keeps web pages out: every request must address a loopback name, the configured <c>--host</c> or one of
/// <c>--allowed-hosts</c> (DNS rebinding), and requests a browser marks as coming from another site (<c>Origin</c>,
/// <c>Sec-Fetch-Site: cross-site</c>) are refused, as are control-plane POSTs with a body type a page can send without
/// a CORS preflight (text/plain, forms). SDKs and CLIs send none of these headers. Refusals are 400 (Host) or 403,
/// answered by the <see cref="FailureBoundary"/> in the caller's protocol.
/// </summary>
public static class CrossSiteGuard
{
    public static IApplicationBuilder UseCrossSiteGuard(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<EmulatorOptions>();
        return app.Use((context, next) => Check(context, next, options));
    }

    private static Task Check(HttpContext context, RequestDelegate next, EmulatorOptions options)
    {
        var request = context.Request;
        if (request.Host.HasValue && !IsAllowedHost(request.Host.Host, options))
            throw new BadHttpRequestException($"The Host header names {Protocol.Shown.Bounded(request.Host.Host)}, which is neither a loopback name nor a configured host (--host, --allowed-hosts).", StatusCodes.Status400BadRequest);
        if (request.Headers["Sec-Fetch-Site"].ToString() == "cross-site")
            throw new BadHttpRequestException("Requests from other web sites are refused.", StatusCodes.Status403Forbidden);
        // "Origin: null" is what a page with Referrer-Policy no-referrer (the portal's) sends on its own form posts;
        // Sec-Fetch-Site above tells a cross-site one apart.
        if (request.Headers.Origin.ToString() is { Length: > 0 } origin && origin != "null" && !IsAllowedOrigin(origin, options))
            throw new BadHttpRequestException("Requests from other web sites (Origin) are refused.", StatusCodes.Status403Forbidden);
        // The console page's forms (/_emulator/console) carry ASP.NET Core antiforgery tokens instead.
        if (request.Path.StartsWithSegments("/_emulator") && !request.Path.StartsWithSegments("/_emulator/console")
            && HttpMethods.IsPost(request.Method) && IsSimpleBodyType(request.ContentType))
            throw new BadHttpRequestException("The control plane takes application/json bodies only.", StatusCodes.Status415UnsupportedMediaType);
        return next(context);
    }

    public static bool IsAllowedHost(string host, EmulatorOptions options)
    {
        host = host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        if (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)) return true;
        if (host.Equals(options.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)) return true;
        return options.AllowedHosts.Any(allowed => allowed == "*" || allowed.Equals(host, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsAllowedOrigin(string origin, EmulatorOptions options) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && IsAllowedHost(uri.Host, options);

    /// <summary>The body types a cross-site page can POST without a CORS preflight.</summary>
    private static bool IsSimpleBodyType(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));
}
