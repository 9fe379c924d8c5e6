using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core;
using Emulator.Hosting;
using Emulator.Services;
using Emulator.Services.Trail;
using Emulator.State;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Antiforgery;
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

    // Razor components are not declared trim-safe; in the Native AOT form the page's component is kept with this assembly
    // (rooted, Hosting/AotRoots.cs) and client-tests/native-aot.sh checks that the page renders.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = AotRoots.Justification)]
    public static void AddServices(IServiceCollection services) => services.AddRazorComponents();

    public static void Map(WebApplication app)
    {
        app.MapGet(Path, Page).ExcludeFromDescription();
        app.MapPost($"{Path}/trusted-access", TrustedAccess).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
    }

    // IResult, not RazorComponentResult<ConsolePage>: the request delegate generator cannot see types the Razor generator makes.
    private static IResult Page(
        StateStore store, string? account, string? service, string? caller, bool? errors, string? notice) =>
        new RazorComponentResult<ConsolePage>(new { Model = store.Read(tx => ConsoleModels.Of(tx, new TimelineFilter(account, service, caller, errors == true), notice)) });

    // The form is read here, after the antiforgery middleware's verdict is checked: the request delegate generator's
    // [FromForm] binding throws (a 500) on a bad token where the framework's own binder answers 400.
    private static async Task<IResult> TrustedAccess(HttpContext http, StateStore store, ServiceCatalog catalog, EmulatorOptions options, TimeProvider time)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            return TypedResults.BadRequest("The form's antiforgery token is missing or invalid: reload the console and try again.");
        var form = await http.Request.ReadFormAsync();
        string organizationId = form["organizationId"].ToString(), servicePrincipal = form["servicePrincipal"].ToString(), change = form["change"].ToString();
        if (organizationId.Length == 0 || servicePrincipal.Length == 0 || change is not ("enable" or "disable"))
            return TypedResults.BadRequest("organizationId, servicePrincipal and change (enable or disable) are required.");
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
                return TrailHook.Record(context, store.Trail, organizations.Model, operation, handler, members.RootElement, http, signedWith: null,
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
