using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Emulator.Tests.Support;

/// <summary>A fresh emulator with in-memory LiteDB state, hosted in the test process (one per test class or test).</summary>
public sealed class EmulatorFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Emulator:InMemory", "true");
        builder.UseSetting("Emulator:Port", "0");
    }

    /// <summary>A client that signs (by header only) with the given access key id: 12 digits = that account's root user.</summary>
    public AwsClient Client(string accessKeyId = "test", string? sessionToken = null) => new(CreateClient(), accessKeyId, sessionToken);
}
