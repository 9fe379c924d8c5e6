using System.Diagnostics;

namespace Emulator.Tests.Support;

/// <summary>
/// The one place tests wait: a bounded poll of a condition for an effect that happens asynchronously (a background
/// worker, another process, a browser). Time itself is never waited for; tests that need time to pass move the
/// emulator's clock (<c>ManualClock</c>). Also compiled into the client tests and Emulator.Testing (linked file).
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Probes until <paramref name="done"/> holds for the answer or <paramref name="timeout"/> has passed; answers the last probe.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var answer = await probe();
            if (done(answer) || elapsed.Elapsed >= timeout) return answer;
            await Task.Delay(Interval);
        }
    }

    /// <summary>True as soon as the condition holds; false when it still does not after <paramref name="timeout"/>.</summary>
    public static Task<bool> Until(Func<Task<bool>> condition, TimeSpan timeout) => Until(condition, holds => holds, timeout);

    /// <summary>True as soon as the (synchronous) condition holds; false when it still does not after <paramref name="timeout"/>.</summary>
    public static Task<bool> Until(Func<bool> condition, TimeSpan timeout) => Until(() => Task.FromResult(condition()), timeout);
}
