using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests.Support;

/// <summary>A fresh emulator with in-memory LiteDB state, hosted in the test process (one per test class or test).</summary>
/// <param name="clock">The emulator's clock (e.g. a <see cref="ManualClock"/> the test moves), instead of waiting for real time.</param>
public sealed class EmulatorFactory(TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Emulator:InMemory", "true");
        builder.UseSetting("Emulator:Port", "0");
        if (clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>A client that signs (by header only) with the given access key id: 12 digits = that account's root user.</summary>
    public AwsClient Client(string accessKeyId = "test") => new(CreateClient(), accessKeyId);
}
