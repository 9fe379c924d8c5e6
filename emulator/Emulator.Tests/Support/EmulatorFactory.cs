using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests.Support;

/// <summary>
/// A fresh emulator with in-memory LiteDB state, hosted in the test process (one per test class or test); optional
/// extra settings (e.g. <c>Emulator:VerifySignatures</c>) and a clock replacing the system one.
/// </summary>
public sealed class EmulatorFactory(IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Emulator:InMemory", "true");
        builder.UseSetting("Emulator:Port", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>An emulator on the given clock.</summary>
    public EmulatorFactory(TimeProvider clock) : this(null, clock) { }

    /// <summary>A client that signs (by header only) with the given access key id: 12 digits = that account's root user.</summary>
    public AwsClient Client(string accessKeyId = "test", string? sessionToken = null) => new(CreateClient(), accessKeyId, sessionToken);
}
