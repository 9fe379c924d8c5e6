using Emulator.ControlPlane;
using Emulator.Services;
using Emulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Emulator.Hosting;

/// <summary>Composition root: settings, the store, the services, the middleware order and the routes.</summary>
public static class EmulatorApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        Documents.WarmUpInBackground();
        ServiceCatalog.WarmUpInBackground();
        // Settings are read once at start, so appsettings.json is not watched for changes (no file watcher per start).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false", .. EmulatorOptions.NormalizeArgs(args)] });
        builder.Configuration.AddInMemoryCollection(
            EmulatorOptions.EnvironmentMappings
                .Where(m => Environment.GetEnvironmentVariable(m.Key) is not null)
                .Select(m => KeyValuePair.Create(m.Value, Environment.GetEnvironmentVariable(m.Key))));
        builder.Configuration.AddCommandLine(EmulatorOptions.NormalizeArgs(args), EmulatorOptions.SwitchMappings.ToDictionary());
        configure?.Invoke(builder);

        var options = EmulatorOptions.From(builder.Configuration);
        builder.WebHost.UseUrls($"http://{FormatHost(options.Host)}:{options.Port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Its request start/finish lines are Information (filtered out above) and it logs nothing above that; with any
        // level enabled it still opens a log scope and an Activity for every request. Configuration can still ask for
        // it (the benchmark reads server times from its "Request finished" lines).
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] is null)
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton(TimeProvider.System); // unless the host gave a clock (EmulatorServer.StartAsync, tests)
        builder.Services.AddSingleton(_ => OpenStore(options));
        builder.Services.AddSingleton(_ => ServiceCatalog.Shared);
        builder.Services.AddSingleton<AwsEndpoint>();
        builder.Services.AddSingleton<Services.Sso.ExpiredStateSweeper>(); // purges expired tokens and credentials (issue 7.10)
        builder.Services.AddHostedService(services => services.GetRequiredService<Services.Sso.ExpiredStateSweeper>());
        builder.Services.AddHostedService<Services.DirectoryService.DirectoryWorker>(); // ds stages and the periodic AD sync (issue 12)
        ControlPlaneEndpoints.AddServices(builder.Services);
        WebConsole.ConsoleEndpoints.AddServices(builder.Services); // the console page (issue 11)

        var app = builder.Build();
        // The store opens here, not at the first request: a file that is in use, not ours or unwritable stops the start.
        app.Services.GetRequiredService<StateStore>();
        app.UseRequestIds();
        app.UseFailureBoundary();
        app.UseCrossSiteGuard();
        app.UseBodyLimits();
        // AWS calls skip the pages' middleware: Swashbuckle's (it answers only under /_emulator/swagger) and
        // antiforgery (only the console's form posts carry its metadata).
        app.UseWhen(context => !AwsEndpoint.Answers(context), pages =>
        {
            ControlPlaneEndpoints.UseDocumentation(pages);
            pages.UseAntiforgery(); // the console page's forms (/_emulator/console)
        });
        ControlPlaneEndpoints.Map(app);
        Portal.PortalEndpoints.Map(app);
        SsoDeviceEndpoints.Map(app);
        ClientConfig.ClientConfigEndpoints.Map(app);
        WebConsole.ConsoleEndpoints.Map(app);
        app.MapMethods("/{**path}", ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"],
                (HttpContext context, AwsEndpoint endpoint) => endpoint.Handle(context))
            .WithMetadata(AwsEndpoint.Route)
            .ExcludeFromDescription();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var store = app.Services.GetRequiredService<StateStore>();
            app.Logger.LogInformation("Emulator listening on {Endpoints}; state: {State}",
                string.Join(", ", addresses ?? []), store.Path ?? "in memory (lost on exit)");
        });
        return app;
    }

    private static StateStore OpenStore(EmulatorOptions options)
    {
        var trailLimits = Services.Trail.TrailLimits.Of(options);
        if (options.InMemory) return new StateStore(null, trailLimits);
        var path = Path.GetFullPath(options.DataPath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException($"Cannot create the folder of {path} ({error.Message}); pass --data with a file in a writable folder, or --in-memory.", error);
        }
        return new StateStore(path, trailLimits);
    }

    private static string FormatHost(string host) => host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host;
}
