using Emulator.ControlPlane;
using Emulator.Services;
using Emulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Emulator.Hosting;

/// <summary>Composition root: settings, the store, the services, the middleware order and the routes.</summary>
public static class EmulatorApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = EmulatorOptions.NormalizeArgs(args) });
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

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => OpenStore(options));
        builder.Services.AddSingleton<ServiceCatalog>();
        builder.Services.AddSingleton<AwsEndpoint>();
        ControlPlaneEndpoints.AddServices(builder.Services);

        var app = builder.Build();
        app.UseRequestIds();
        ControlPlaneEndpoints.Map(app);
        Portal.PortalEndpoints.Map(app);
        SsoDeviceEndpoints.Map(app);
        ClientConfig.ClientConfigEndpoints.Map(app);
        app.MapMethods("/{**path}", ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"],
                (HttpContext context, AwsEndpoint endpoint) => endpoint.Handle(context))
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
        if (options.InMemory) return new StateStore(null);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.DataPath))!);
        return new StateStore(Path.GetFullPath(options.DataPath));
    }

    private static string FormatHost(string host) => host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host;
}
