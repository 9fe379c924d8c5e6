using Emulator.Hosting;
using Emulator.Services.Sso;

namespace Emulator.Portal;

/// <summary>
/// Where the user portal of an instance lives on this emulator: http://&lt;host&gt;:&lt;port&gt;/start/&lt;identityStoreId&gt;
/// (AWS: https://d-xxxxxxxxxx.awsapps.com/start). Built from the configured host (<c>--host</c>; <c>localhost</c> when it
/// is a wildcard address) and the port the connection arrived on — never from the Host header, which a web page can set.
/// </summary>
public static class PortalUrls
{
    public static string BaseUrl(HttpRequest request, EmulatorOptions options)
    {
        var port = request.HttpContext.Connection.LocalPort;
        var host = options.Host is "0.0.0.0" or "::" or "[::]" or "*" or "+" ? "localhost" : options.Host;
        if (host.Contains(':') && !host.StartsWith('[')) host = $"[{host}]";
        // In-process test hosts have no socket: their only address is the one the test client used.
        return port > 0 ? $"http://{host}:{port}" : $"{request.Scheme}://{request.Host}";
    }

    public static string StartUrl(HttpRequest request, EmulatorOptions options, SsoInstanceDoc instance) =>
        $"{BaseUrl(request, options)}/start/{instance.IdentityStoreId}";

    /// <summary>The device-approval page (OIDC verificationUri) under the emulator's base URL.</summary>
    public static string DeviceUrl(string baseUrl) => $"{baseUrl.TrimEnd('/')}/start/device";

    /// <summary>The identity store id a start URL names, or null when it is not one of this emulator's start URLs.</summary>
    public static string? IdentityStoreIdOf(string startUrl)
    {
        if (!Uri.TryCreate(startUrl, UriKind.Absolute, out var uri)) return null;
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        return segments is ["start", var id, ..] && id.StartsWith("d-", StringComparison.Ordinal) ? id : null;
    }
}
