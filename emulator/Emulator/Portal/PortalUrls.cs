using Emulator.Hosting;
using Emulator.Services.Sso;
using Emulator.State;

namespace Emulator.Portal;

/// <summary>
/// The two addresses of an instance's user portal. The start URL is AWS's, <c>https://d-xxxxxxxxxx.awsapps.com/start</c>
/// (what AWS prints and what clients send as startUrl/issuerUrl); the portal URL is where this emulator serves the page,
/// <c>http://&lt;host&gt;:&lt;port&gt;/start/&lt;identityStoreId&gt;</c>. Either one names the instance wherever a start URL
/// is accepted. The emulator's own address is built from the configured host (<c>--host</c>; <c>localhost</c> when it is
/// a wildcard address) and the port the connection arrived on — never from the Host header, which a web page can set.
/// </summary>
public static class PortalUrls
{
    public const string AwsPortalDomain = ".awsapps.com";

    public static string BaseUrl(HttpRequest request, EmulatorOptions options)
    {
        var port = request.HttpContext.Connection.LocalPort;
        var host = options.Host is "0.0.0.0" or "::" or "[::]" or "*" or "+" ? "localhost" : options.Host;
        if (host.Contains(':') && !host.StartsWith('[')) host = $"[{host}]";
        // In-process test hosts have no socket: their only address is the one the test client used.
        return port > 0 ? $"http://{host}:{port}" : $"{request.Scheme}://{request.Host}";
    }

    /// <summary>AWS's start URL of the instance: https://&lt;identity store id&gt;.awsapps.com/start.</summary>
    public static string StartUrl(SsoInstanceDoc instance) => $"https://{instance.IdentityStoreId}{AwsPortalDomain}/start";

    /// <summary>Where this emulator serves the instance's portal page.</summary>
    public static string PortalUrl(HttpRequest request, EmulatorOptions options, SsoInstanceDoc instance) =>
        $"{BaseUrl(request, options)}/start/{instance.IdentityStoreId}";

    /// <summary>The device-approval page (OIDC verificationUri) under the emulator's base URL.</summary>
    public static string DeviceUrl(string baseUrl) => $"{baseUrl.TrimEnd('/')}/start/device";

    /// <summary>
    /// The identity store id a start URL names, or null: AWS's form (https://d-….awsapps.com/start, with or without a
    /// trailing slash or #/ fragment) or this emulator's portal URL (…/start/d-…).
    /// </summary>
    public static string? IdentityStoreIdOf(string? startUrl)
    {
        if (!Uri.TryCreate(startUrl, UriKind.Absolute, out var uri)) return null;
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (uri.Host.EndsWith(AwsPortalDomain, StringComparison.OrdinalIgnoreCase))
            return uri.Scheme == Uri.UriSchemeHttps && segments is ["start"] && uri.Query.Length == 0
                ? uri.Host[..^AwsPortalDomain.Length].ToLowerInvariant()
                : null;
        return segments is ["start", var id] && id.StartsWith("d-", StringComparison.Ordinal) ? id : null;
    }

    /// <summary>The instance a start URL names (null for a URL that names none).</summary>
    public static SsoInstanceDoc? InstanceOf(Tx tx, string? startUrl) =>
        IdentityStoreIdOf(startUrl) is { } storeId ? tx.SsoInstances.FindOne(i => i.IdentityStoreId == storeId) : null;
}
