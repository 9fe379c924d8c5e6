using Emulator.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Emulator.Portal;

/// <summary>Portal form posts: only <c>application/x-www-form-urlencoded</c> (or multipart) with a few short fields.</summary>
public static class PortalForms
{
    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = 16,
        KeyLengthLimit = 64,
        ValueLengthLimit = 4096,
        MultipartBodyLengthLimit = BodyLimits.ControlPlaneAndPortalBytes,
    };

    /// <summary>The form; a wrong content type is 415 and oversized or malformed fields 400 (answered by the failure boundary).</summary>
    public static async Task<IFormCollection> Read(HttpRequest request)
    {
        if (!request.HasFormContentType)
            throw new BadHttpRequestException("The portal accepts form posts (application/x-www-form-urlencoded) only.", StatusCodes.Status415UnsupportedMediaType);
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, Limits));
        try { return await request.ReadFormAsync(); }
        catch (InvalidDataException bad) { throw new BadHttpRequestException($"The form could not be read: {bad.Message}", StatusCodes.Status400BadRequest); }
    }
}
