using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core;
using Emulator.Hosting;
using Emulator.Services;
using Emulator.Services.Trail;
using Emulator.State;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Emulator.WebConsole;

/// <summary>
/// The console page (<c>/_emulator/console</c>): a Razor component rendered on the server, no external assets. Its
/// trusted-access buttons post forms protected by ASP.NET Core antiforgery and call the Organizations handlers
/// themselves, as the management account's root, recorded in the trail as console calls.
/// </summary>
public static class ConsoleEndpoints
{
    public const string Path = "/_emulator/console";

    public static void AddServices(IServiceCollection services) => services.AddRazorComponents();

    public static void Map(WebApplication app)
    {
        app.UseAntiforgery();
        app.MapGet(Path, Page).ExcludeFromDescription();
        app.MapPost($"{Path}/trusted-access", TrustedAccess).ExcludeFromDescription();
    }

    // IResult, not RazorComponentResult<ConsolePage>: the request delegate generator cannot see types the Razor generator makes.
    private static IResult Page(
        StateStore store, string? account, string? service, string? caller, bool? errors, string? notice) =>
        new RazorComponentResult<ConsolePage>(new { Model = store.Read(tx => ConsoleModels.Of(tx, new TimelineFilter(account, service, caller, errors == true), notice)) });

    private static async Task<RedirectHttpResult> TrustedAccess(HttpContext http, [FromForm] string organizationId, [FromForm] string servicePrincipal,
        [FromForm] string change, StateStore store, ServiceCatalog catalog, EmulatorOptions options, TimeProvider time)
    {
        var organizations = catalog.Named("organizations");
        var operation = change == "enable" ? "EnableAWSServiceAccess" : "DisableAWSServiceAccess";
        var handler = organizations.Operations.Handlers[operation];
        using var members = JsonDocument.Parse(new JsonObject { ["ServicePrincipal"] = servicePrincipal }.ToJsonString());
        string notice;
        try
        {
            await store.WriteAsync(tx =>
            {
                var organization = tx.Organizations.FindById(organizationId)
                    ?? throw new AwsException("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
                var context = new OperationContext(Caller.Root(organization.ManagementAccountId), tx, time.GetUtcNow(), options,
                    Portal.PortalUrls.BaseUrl(http.Request, options));
                return TrailHook.Record(context, organizations.Model, operation, handler, members.RootElement, http,
                    () => handler.Run(context, handler.Bind(members.RootElement)), fromConsole: true);
            });
            notice = $"Trusted access for {servicePrincipal} is {(change == "enable" ? "enabled" : "disabled")}.";
        }
        catch (AwsException error)
        {
            notice = $"{error.Code}: {error.Message}";
        }
        return TypedResults.Redirect($"{Path}?notice={Uri.EscapeDataString(notice)}");
    }
}
