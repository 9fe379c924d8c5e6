using Emulator.Services.Sso;

namespace Emulator.Portal;

/// <summary>
/// Where the user portal of an instance lives on this emulator: http://&lt;host&gt;:&lt;port&gt;/start/&lt;identityStoreId&gt;
/// (AWS: https://d-xxxxxxxxxx.awsapps.com/start). Built from the request, so it names the address the client used.
/// </summary>
public static class PortalUrls
{
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static string StartUrl(HttpRequest request, SsoInstanceDoc instance) => $"{BaseUrl(request)}/start/{instance.IdentityStoreId}";

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
