using Emulator.State;
using Microsoft.Extensions.Hosting;

namespace Emulator.Services.Sso;

/// <summary>Runs <see cref="ExpiredState.Purge"/> at start and every <see cref="Interval"/>, in its own write transaction.</summary>
public sealed class ExpiredStateSweeper(StateStore store, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public void SweepOnce() => store.Write(tx => { ExpiredState.Purge(tx, time.GetUtcNow()); return 0; });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try { SweepOnce(); }
            catch (ObjectDisposedException) { return; }
            catch (Exception) when (!stoppingToken.IsCancellationRequested) { } // a failed sweep is retried at the next tick
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
