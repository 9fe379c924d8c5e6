using Emulator.Core;

namespace Emulator.Hosting;

/// <summary>Gives every answer, AWS or control plane, an x-amzn-RequestId header.</summary>
public static class RequestIds
{
    public const string Header = "x-amzn-RequestId";

    /// <summary>The request's id, read back from its answer's header (no per-request item dictionary).</summary>
    public static string Of(HttpContext context) => context.Response.Headers[Header].ToString();

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.Headers[Header] = Ids.Uuid();
        return next(context);
    });
}
