using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Emulator.Tests.Support;

/// <summary>The emulator as a separate OS process (the built Emulator.dll), for tests that must kill it.</summary>
public sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <param name="extraArgs">More command-line options (e.g. --verify-signatures).</param>
    /// <param name="environment">Environment variables for the process (e.g. EMULATOR_ROOT_SECRET).</param>
    public static async Task<EmulatorProcess> StartAsync(string dataPath, string[]? extraArgs = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Emulator.dll"), "--port", port.ToString(), "--data", dataPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in extraArgs ?? []) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var emulator = new EmulatorProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await emulator.WaitUntilHealthy();
        return emulator;
    }

    /// <summary>Starts the emulator expecting it to refuse: its exit code and standard error, once it has exited (or 30 s).</summary>
    public static async Task<(int ExitCode, string Error)> RunUntilExit(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Emulator.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException("The emulator did not exit within 30 s."); }
        return (process.ExitCode, (await error).Trim());
    }

    public static int FreeTcpPort() => FreePort();

    public int Id => _process.Id;

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a crash looks like.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private async Task WaitUntilHealthy()
    {
        using var http = new HttpClient { BaseAddress = Endpoint, Timeout = TimeSpan.FromSeconds(2) };
        async Task<bool> Healthy()
        {
            if (_process.HasExited) throw new InvalidOperationException($"The emulator exited with code {_process.ExitCode}.");
            try { return (await http.GetAsync("_emulator/health")).StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }
        if (!await Eventually.Until(Healthy, TimeSpan.FromSeconds(30)))
            throw new TimeoutException("The emulator did not answer /_emulator/health within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
