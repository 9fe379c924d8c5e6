using Emulator.Hosting;
using Emulator.Services.DirectoryService;
using Emulator.State;

namespace Emulator.ControlPlane;

public sealed record SyncScopeBody(List<string>? Groups, List<string>? Users);

public sealed record IdentitySourceRequest(string? InstanceArn, string? DirectoryId, SyncScopeBody? SyncScope);

public sealed record IdentitySourceSyncRequest(string? InstanceArn);

/// <summary>directoryId null = the Identity Center directory; the counts are what the sync left in the identity store.</summary>
public sealed record IdentitySourceResponse(string InstanceArn, string IdentityStoreId, string? DirectoryId, int Users, int Groups, int Memberships);

/// <summary>
/// IAM Identity Center's identity source, which AWS changes only in its console: POST /_emulator/sso/identity-source
/// (an Active Directory registered with ds, or back to the Identity Center directory) and POST …/identity-source/sync.
/// </summary>
public static class IdentitySourceEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/sso/identity-source", Change)
            .WithName("SsoIdentitySource")
            .WithSummary("Change the identity source of an IAM Identity Center instance (the console's 'Change identity source').")
            .WithDescription("directoryId: a ds directory (ConnectDirectory or CreateMicrosoftAD) of the instance's owner account in stage Active; " +
                "null or absent = back to the Identity Center directory. As in AWS, changing the source removes the users, groups, group " +
                "memberships and account assignments of the previous source (and the roles only those assignments needed) and keeps permission " +
                "sets. With a directory, its users and groups are synchronised at once (syncScope: sAMAccountNames of groups and users to sync; " +
                "absent = all), then every --ad-sync-interval and on POST /_emulator/sso/identity-source/sync. " +
                "Errors: 400 bad body, 404 unknown instance or directory, 409 directory not Active, 503 directory unreachable or its service account refused.")
            .Produces<IdentitySourceResponse>()
            .Produces<ControlPlaneError>(StatusCodes.Status400BadRequest)
            .Produces<ControlPlaneError>(StatusCodes.Status404NotFound)
            .Produces<ControlPlaneError>(StatusCodes.Status409Conflict)
            .Produces<ControlPlaneError>(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/sso/identity-source/sync", Sync)
            .WithName("SsoIdentitySourceSync")
            .WithSummary("Synchronise a directory-backed identity store from its Active Directory now.")
            .WithDescription("Users and groups come from the directory (within the sync scope): new ones are added, changed ones updated, and the " +
                "ones gone from the directory or the scope removed with their assignments; group memberships follow memberOf with nested groups " +
                "resolved. Errors: 400 the source is the Identity Center directory, 404 unknown instance, 503 directory unreachable.")
            .Produces<IdentitySourceResponse>()
            .Produces<ControlPlaneError>(StatusCodes.Status400BadRequest)
            .Produces<ControlPlaneError>(StatusCodes.Status404NotFound)
            .Produces<ControlPlaneError>(StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult Change(IdentitySourceRequest? body, StateStore store, EmulatorOptions options, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(body?.InstanceArn)) return Error(400, "InvalidRequest", "instanceArn is required.");
        var scope = new SyncScope(body.SyncScope?.Groups ?? [], body.SyncScope?.Users ?? []);
        var directoryId = string.IsNullOrWhiteSpace(body.DirectoryId) ? null : body.DirectoryId;
        return Answer(IdentitySources.Switch(store, options, time, body.InstanceArn, directoryId, scope));
    }

    private static IResult Sync(IdentitySourceSyncRequest? body, StateStore store, EmulatorOptions options, TimeProvider time) =>
        string.IsNullOrWhiteSpace(body?.InstanceArn)
            ? Error(400, "InvalidRequest", "instanceArn is required.")
            : Answer(IdentitySources.Sync(store, options, time, body.InstanceArn));

    private static IResult Answer(IdentitySourceOutcome outcome)
    {
        if (outcome.Instance is not { } instance) return Error(outcome.Status, outcome.Error!, outcome.Message!);
        var result = outcome.Result ?? new SyncResult(0, 0, 0);
        return TypedResults.Ok(new IdentitySourceResponse(instance.InstanceArn, instance.IdentityStoreId, instance.IdentitySourceDirectoryId,
            result.Users, result.Groups, result.Memberships));
    }

    private static IResult Error(int status, string code, string message) => TypedResults.Json(new ControlPlaneError(code, message), ControlPlaneJson.Default.ControlPlaneError, statusCode: status);
}
