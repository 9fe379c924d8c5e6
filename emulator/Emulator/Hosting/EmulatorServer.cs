using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Emulator.Hosting;

/// <summary>
/// The emulator started inside the caller's process, listening on a real loopback port — for .NET test suites.
/// <code>
/// await using var emulator = await EmulatorServer.StartAsync();
/// var config = new AmazonSecurityTokenServiceConfig { ServiceURL = emulator.Endpoint.ToString() };
/// </code>
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base URL clients point at, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts on a free loopback port with in-memory state unless told otherwise.</summary>
    /// <param name="extraSettings">More settings under the Emulator section, e.g. AdCaFile.</param>
    /// <param name="clock">The emulator's clock instead of the system one (tests that move time).</param>
    public static async Task<EmulatorServer> StartAsync(string? dataPath = null, string defaultAccount = "000000000000",
        IReadOnlyDictionary<string, string>? extraSettings = null, TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{EmulatorOptions.Section}:Host"] = "127.0.0.1",
            [$"{EmulatorOptions.Section}:Port"] = "0",
            [$"{EmulatorOptions.Section}:InMemory"] = dataPath is null ? "true" : "false",
            [$"{EmulatorOptions.Section}:DataPath"] = dataPath ?? "",
            [$"{EmulatorOptions.Section}:DefaultAccount"] = defaultAccount,
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>()) settings[$"{EmulatorOptions.Section}:{key}"] = value;
        var app = EmulatorApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            if (clock is not null) builder.Services.AddSingleton(clock);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
