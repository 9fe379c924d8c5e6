using Emulator.Core;

namespace Emulator.Hosting;

/// <summary>Gives every answer, AWS or control plane, an x-amzn-RequestId header.</summary>
public static class RequestIds
{
    private const string Key = "RequestId";

    public static string Of(HttpContext context) => (string)context.Items[Key]!;

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var id = Ids.RequestId();
        context.Items[Key] = id;
        context.Response.Headers["x-amzn-RequestId"] = id;
        await next(context);
    });
}
