using System.DirectoryServices.Protocols;
using Emulator.Hosting;
using Emulator.Services.Sso;
using Emulator.State;

namespace Emulator.Services.DirectoryService;

/// <summary>What a change of identity source or a sync did, or why it was refused (HTTP status, error code, message).</summary>
public sealed record IdentitySourceOutcome(int Status, string? Error, string? Message, SsoInstanceDoc? Instance = null, SyncResult? Result = null)
{
    public static IdentitySourceOutcome Refused(int status, string error, string message) => new(status, error, message);
}

/// <summary>
/// The console's "Change identity source" (Identity Center directory ⇄ an Active Directory registered with ds) and
/// the AD sync. The directory is read over LDAP outside the store's lock; the result is applied in one write.
/// </summary>
public static class IdentitySources
{
    public static IdentitySourceOutcome Switch(StateStore store, EmulatorOptions options, TimeProvider time, string instanceArn, string? directoryId, SyncScope scope)
    {
        var (instance, directory) = store.Read(tx => (tx.SsoInstances.FindOne(i => i.InstanceArn == instanceArn),
            directoryId is null ? null : tx.Directories.FindById(directoryId)));
        if (instance is null) return IdentitySourceOutcome.Refused(404, "InstanceNotFound", $"No IAM Identity Center instance {instanceArn}.");
        if (directoryId is not null && (directory is null || directory.OwnerAccountId != instance.OwnerAccountId))
            return IdentitySourceOutcome.Refused(404, "DirectoryNotFound", $"Directory {directoryId} does not exist in account {instance.OwnerAccountId}.");
        if (directory is not null && directory.Stage != DirectoryStages.Active)
            return IdentitySourceOutcome.Refused(409, "DirectoryNotActive", $"Directory {directory.DirectoryId} is {directory.Stage}; only an Active directory can be the identity source.");

        DirectorySnapshot? snapshot = null;
        if (directory is not null && !TryFetch(directory, options, scope, out snapshot, out var problem)) return problem!;

        return store.Write(tx =>
        {
            var current = tx.SsoInstances.FindById(instance.Id);
            if (current is null) return IdentitySourceOutcome.Refused(404, "InstanceNotFound", $"No IAM Identity Center instance {instanceArn}.");
            if (current.IdentitySourceDirectoryId != directoryId) DirectorySync.Clear(tx, current.IdentityStoreId);
            current.IdentitySourceDirectoryId = directoryId;
            current.SyncScopeGroups = [.. scope.Groups];
            current.SyncScopeUsers = [.. scope.Users];
            current.LastSyncAt = null;
            tx.SsoInstances.Update(current);
            var result = directory is null ? null : DirectorySync.Apply(tx, current, directory, snapshot!, options.Region, time.GetUtcNow());
            return new IdentitySourceOutcome(200, null, null, current, result);
        });
    }

    public static IdentitySourceOutcome Sync(StateStore store, EmulatorOptions options, TimeProvider time, string instanceArn)
    {
        var (instance, directory) = store.Read(tx =>
        {
            var found = tx.SsoInstances.FindOne(i => i.InstanceArn == instanceArn);
            return (found, found?.IdentitySourceDirectoryId is { } id ? tx.Directories.FindById(id) : null);
        });
        if (instance is null) return IdentitySourceOutcome.Refused(404, "InstanceNotFound", $"No IAM Identity Center instance {instanceArn}.");
        if (instance.IdentitySourceDirectoryId is null)
            return IdentitySourceOutcome.Refused(400, "NotDirectoryBacked", $"The identity source of {instanceArn} is the Identity Center directory: there is nothing to synchronise.");
        if (directory is null) return Unavailable($"Directory {instance.IdentitySourceDirectoryId} no longer exists.");

        var scope = new SyncScope(instance.SyncScopeGroups, instance.SyncScopeUsers);
        if (!TryFetch(directory, options, scope, out var snapshot, out var problem)) return problem!;
        return store.Write(tx =>
        {
            var current = tx.SsoInstances.FindById(instance.Id);
            if (current?.IdentitySourceDirectoryId != directory.DirectoryId)
                return IdentitySourceOutcome.Refused(409, "IdentitySourceChanged", "The identity source changed during the sync; nothing was applied.");
            return new IdentitySourceOutcome(200, null, null, current, DirectorySync.Apply(tx, current, directory, snapshot!, options.Region, time.GetUtcNow()));
        });
    }

    /// <summary>The name the directory's service account binds with: user@dns-name.</summary>
    public static string ServiceAccount(DirectoryDoc directory) => $"{directory.ServiceUserName}@{directory.Name}";

    private static bool TryFetch(DirectoryDoc directory, EmulatorOptions options, SyncScope scope, out DirectorySnapshot? snapshot, out IdentitySourceOutcome? problem)
    {
        snapshot = null;
        problem = null;
        try
        {
            using var connection = DirectoryLdap.Bind(LdapEndpoint.For(directory, options), ServiceAccount(directory), directory.ServicePassword);
            snapshot = DirectoryReader.Read(connection, directory.BaseDn, scope);
            return true;
        }
        catch (LdapException error)
        {
            problem = Unavailable(error.ErrorCode == 49
                ? $"The service account {ServiceAccount(directory)} cannot bind to directory {directory.DirectoryId} (invalid credentials)."
                : $"Directory {directory.DirectoryId} cannot be reached at {string.Join(", ", directory.DnsIpAddrs)} ({error.Message}).");
        }
        catch (DirectoryOperationException error)
        {
            problem = Unavailable($"Directory {directory.DirectoryId} refused the search ({error.Message}).");
        }
        return false;
    }

    private static IdentitySourceOutcome Unavailable(string detail) =>
        IdentitySourceOutcome.Refused(503, "IdentitySourceUnavailable", "Identity source unavailable: " + detail);
}
