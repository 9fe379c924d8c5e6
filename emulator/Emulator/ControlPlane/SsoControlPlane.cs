using System.Text.Json.Nodes;
using Emulator.Hosting;
using Emulator.Portal;
using Emulator.Services.IdentityStore;
using Emulator.Services.Sso;
using Emulator.State;

namespace Emulator.ControlPlane;

public sealed record SsoSetupRequest(string? AccountId);

/// <summary>StartUrl is AWS's form (https://d-….awsapps.com/start, for profiles and sso-session sections); PortalUrl is where the page is served here.</summary>
public sealed record SsoSetupResponse(string InstanceArn, string IdentityStoreId, string StartUrl, string PortalUrl);

public sealed record SsoUserRequest(string? IdentityStoreId, string? UserName, string? Password, string? DisplayName, string? Email);

public sealed record SsoUserResponse(string UserId);

public sealed record ControlPlaneError(string Error, string Message);

/// <summary>
/// IAM Identity Center steps that have no public AWS API: the console's "Enable IAM Identity Center" (organization
/// instance) and creating a user who can sign in to the portal with a password.
/// </summary>
public static class SsoControlPlane
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/sso/setup", Setup)
            .WithName("SsoSetup")
            .WithSummary("Enable IAM Identity Center for an organization (the console's Enable button).")
            .WithDescription("accountId must be the management account of an organization with all features. Enables trusted access for " +
                "sso.amazonaws.com (creating AWSServiceRoleForSSO in every account) and creates the organization instance and its identity " +
                "store once; calling it again answers the same instance. startUrl is AWS's form (https://d-….awsapps.com/start), accepted " +
                "as startUrl/issuerUrl by SSO OIDC; portalUrl is where this emulator serves the portal page. Both name the instance.")
            .Produces<SsoSetupResponse>()
            .Produces<ControlPlaneError>(StatusCodes.Status400BadRequest);
        group.MapPost("/sso/users", CreateUser)
            .WithName("SsoUser")
            .WithSummary("Create a directory user who can sign in to the portal, or set an existing user's password.")
            .WithDescription("Posting an existing userName changes that user's password (and display name and email when given) and answers the same userId.")
            .Produces<SsoUserResponse>()
            .Produces<ControlPlaneError>(StatusCodes.Status400BadRequest)
            .Produces<ControlPlaneError>(StatusCodes.Status404NotFound)
            .Produces<ControlPlaneError>(StatusCodes.Status409Conflict);
    }

    private static IResult Setup(SsoSetupRequest? body, StateStore store, TimeProvider time, HttpRequest http, EmulatorOptions options)
    {
        if (string.IsNullOrWhiteSpace(body?.AccountId)) return Error(400, "InvalidRequest", "accountId is required.");
        if (ControlPlaneFields.Problem(("accountId", body.AccountId, ControlPlaneFields.AccountId)) is { } problem) return Error(400, "InvalidRequest", problem);
        var outcome = store.Write(tx => IdentityCenterSetup.Enable(tx, body.AccountId, time.GetUtcNow()));
        return outcome.Instance is { } instance
            ? TypedResults.Ok(new SsoSetupResponse(instance.InstanceArn, instance.IdentityStoreId, PortalUrls.StartUrl(instance), PortalUrls.PortalUrl(http, options, instance)))
            : Error(400, outcome.Error!, outcome.Message!);
    }

    private static IResult CreateUser(SsoUserRequest? body, StateStore store, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(body?.IdentityStoreId) || string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
            return Error(400, "InvalidRequest", "identityStoreId, userName and password are required.");
        if (ControlPlaneFields.Problem(("identityStoreId", body.IdentityStoreId, ControlPlaneFields.IdentityStoreId), ("userName", body.UserName, ControlPlaneFields.UserName),
                ("password", body.Password, ControlPlaneFields.Password), ("displayName", body.DisplayName, ControlPlaneFields.Text),
                ("email", body.Email, ControlPlaneFields.Text)) is { } problem)
            return Error(400, "InvalidRequest", problem);
        return store.Write<IResult>(tx =>
        {
            var instance = tx.SsoInstances.FindOne(i => i.IdentityStoreId == body.IdentityStoreId);
            if (instance is null) return Error(404, "IdentityStoreNotFound", $"Identity store {body.IdentityStoreId} does not exist.");
            if (instance.IdentitySourceDirectoryId is { } directoryId)
                return Error(409, "DirectoryBacked", $"Identity store {body.IdentityStoreId} is synchronised from Active Directory {directoryId}: passwords are the directory's.");
            var user = UserOperations.FindByUserName(tx, instance.IdentityStoreId, body.UserName);
            if (user is null)
            {
                var attributes = new JsonObject { ["DisplayName"] = body.DisplayName ?? body.UserName };
                if (body.Email is not null) attributes["Emails"] = Emails(body.Email);
                user = UserOperations.NewUser(tx, instance, body.UserName, attributes, time.GetUtcNow());
            }
            else if (body.DisplayName is not null || body.Email is not null)
            {
                var attributes = JsonNode.Parse(user.AttributesJson)!.AsObject();
                if (body.DisplayName is not null) attributes["DisplayName"] = body.DisplayName;
                if (body.Email is not null) attributes["Emails"] = Emails(body.Email);
                attributes["UpdatedAt"] = time.GetUtcNow().ToString("O");
                UserOperations.Store(user, attributes);
            }
            SsoDirectory.SetPassword(user, body.Password);
            tx.SsoUsers.Update(user);
            return TypedResults.Ok(new SsoUserResponse(user.UserId));
        });
    }

    private static JsonArray Emails(string email) => new(new JsonObject { ["Value"] = email, ["Type"] = "work", ["Primary"] = true });

    private static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new ControlPlaneError(code, message), ControlPlaneJson.Default.ControlPlaneError, statusCode: status);
}
