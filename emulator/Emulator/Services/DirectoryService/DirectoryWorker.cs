using System.DirectoryServices.Protocols;
using Emulator.Hosting;
using Emulator.State;
using Microsoft.Extensions.Hosting;

namespace Emulator.Services.DirectoryService;

/// <summary>
/// The background half of Directory Service and of the AD sync, on the app's clock: a directory that is Requested goes
/// to Creating, then Active when its service account binds to the DC, or Failed with the reason; every
/// --ad-sync-interval each directory-backed identity store is synchronised again.
/// </summary>
public sealed class DirectoryWorker(StateStore store, EmulatorOptions options, TimeProvider time, ILogger<DirectoryWorker> log) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, DateTimeOffset> _lastSyncAttempt = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    CheckRequestedDirectories();
                    SyncDueIdentityStores();
                }
                catch (ObjectDisposedException) { return; }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested) { log.LogWarning(error, "directory work failed; retried at the next tick"); }
            }
        }
        catch (OperationCanceledException) { }
    }

    public void CheckRequestedDirectories()
    {
        var requested = store.Read(tx => tx.Directories.Find(d => d.Stage == DirectoryStages.Requested).ToList());
        foreach (var directory in requested)
        {
            SetStage(directory.DirectoryId, DirectoryStages.Creating, null);
            var reason = ConnectionProblem(directory, options);
            SetStage(directory.DirectoryId, reason is null ? DirectoryStages.Active : DirectoryStages.Failed, reason);
        }
    }

    /// <summary>Null when the service account binds to the DC; otherwise the StageReason of a Failed directory.</summary>
    public static string? ConnectionProblem(DirectoryDoc directory, EmulatorOptions options)
    {
        var endpoint = LdapEndpoint.For(directory, options);
        try
        {
            using var connection = DirectoryLdap.Bind(endpoint, IdentitySources.ServiceAccount(directory), directory.ServicePassword);
            return null;
        }
        catch (LdapException error) when (error.ErrorCode == 49)
        {
            return $"Connectivity issues detected: the service account credentials are invalid ({IdentitySources.ServiceAccount(directory)} cannot bind to the directory).";
        }
        catch (LdapException error)
        {
            return $"Connectivity issues detected: unable to reach a domain controller of {directory.Name} at {endpoint.Host}:{endpoint.Port} ({error.Message}).";
        }
    }

    private void SetStage(string directoryId, string stage, string? reason) => store.Write(tx =>
    {
        if (tx.Directories.FindById(directoryId) is not { } directory) return false;
        directory.Stage = stage;
        directory.StageReason = reason;
        directory.StageLastUpdatedDateTime = time.GetUtcNow();
        return tx.Directories.Update(directory);
    });

    private void SyncDueIdentityStores()
    {
        if (options.AdSyncInterval <= TimeSpan.Zero) return;
        var now = time.GetUtcNow();
        var due = store.Read(tx => tx.SsoInstances.Find(i => i.IdentitySourceDirectoryId != null).ToList())
            .Where(i => (i.LastSyncAt ?? DateTimeOffset.MinValue) + options.AdSyncInterval <= now
                && _lastSyncAttempt.GetValueOrDefault(i.InstanceArn, DateTimeOffset.MinValue) + options.AdSyncInterval <= now);
        foreach (var instance in due.ToList())
        {
            _lastSyncAttempt[instance.InstanceArn] = now;
            var outcome = IdentitySources.Sync(store, options, time, instance.InstanceArn);
            if (outcome.Error is not null) log.LogWarning("AD sync of {Instance}: {Message}", instance.InstanceArn, outcome.Message);
        }
    }
}
