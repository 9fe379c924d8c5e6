using Emulator.Hosting;

try
{
    if (args is [Emulator.ClientConfig.CliConfigCommand.Name, .. var options])
        return Emulator.ClientConfig.CliConfigCommand.Run(options, Console.Out);
    var app = EmulatorApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (ArgumentException bad)
{
    await Console.Error.WriteLineAsync($"error: {bad.Message}");
    await Console.Error.WriteLineAsync(
        "usage: Emulator [--host 127.0.0.1] [--port 4599] [--data <file> | --in-memory] [--default-account 000000000000] [--region us-east-1]\n       Emulator cli-config [--endpoint http://127.0.0.1:4599] [--dir <folder>]");
    return 2;
}
catch (Exception failure) when (StartupFailures.Describe(failure) is { } message)
{
    await Console.Error.WriteLineAsync($"error: {message}");
    return 2;
}

/// <summary>The entry point; public so that WebApplicationFactory&lt;Program&gt; can host the emulator in tests.</summary>
public partial class Program;
