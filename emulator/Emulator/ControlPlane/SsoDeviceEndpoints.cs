using Emulator.Hosting;
using Emulator.Services.DirectoryService;
using Emulator.Services.SsoOidc;
using Emulator.State;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Emulator.ControlPlane;

/// <summary>POST /_emulator/sso/device/approve: approve a device code as a user, exactly as the portal's device page does.</summary>
public static class SsoDeviceEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGroup("/_emulator/sso").WithTags("Control plane")
            .MapPost("/device/approve", Approve)
            .WithName("ApproveDevice")
            .WithSummary("Approves a pending SSO OIDC device authorization (the user code from StartDeviceAuthorization) as a directory user.")
            .WithDescription("Signs in with the user's name and password against the instance the code belongs to, then approves the code — " +
                "the same step as pressing 'Allow access' on /start/device. The client's next CreateToken poll then returns its access token. " +
                "Directory users (an Active Directory identity source) are checked with an LDAP bind: UPN, DOMAIN\\user or the bare user name. " +
                "Errors: 400 invalid/expired/used code or bad body, 401 wrong user name or password (error InvalidCredentials) or an account the " +
                "directory refuses (AccountDisabled, PasswordExpired, AccountLocked, AccountExpired), 403 user outside the sync scope (UserNotSynchronized), " +
                "503 directory unreachable (IdentitySourceUnavailable), 403 IAM Identity Center unavailable " +
                "(trusted access for sso.amazonaws.com disabled), 404 unknown code.");
    }

    private static Results<Ok<DeviceApprovalResponse>, JsonHttpResult<ControlPlaneError>> Approve(
        DeviceApprovalRequest? request, StateStore store, TimeProvider time, EmulatorOptions options)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.UserCode) || request.UserName is null || request.Password is null)
            return Error(400, "InvalidRequest", "The body must be {\"userCode\": ..., \"userName\": ..., \"password\": ...}.");
        if (ControlPlaneFields.Problem(("userCode", request.UserCode, ControlPlaneFields.UserCode), ("userName", request.UserName, ControlPlaneFields.UserName),
                ("password", request.Password, ControlPlaneFields.Password)) is { } problem)
            return Error(400, "InvalidRequest", problem);

        var authorization = store.Read(tx => DeviceAuthorizations.FindByUserCode(tx, request.UserCode));
        if (authorization is null) return Error(404, "UnknownUserCode", $"No device authorization has the user code {request.UserCode}.");
        var signIn = DirectorySignIn.Authenticate(store, options, authorization.IdentityStoreId, request.UserName, request.Password);
        if (signIn.User is not { } user)
        {
            var failure = SignInFailures.Text(signIn.Failure);
            return Error(failure.Status, failure.Error, failure.Message);
        }

        var decision = store.Write(tx => DeviceAuthorizations.Decide(
            tx, tx.DeviceAuthorizations.FindById(authorization.DeviceCode), user, approve: true, time.GetUtcNow()));
        return decision switch
        {
            DeviceDecision.Approved => TypedResults.Ok(new DeviceApprovalResponse("approved", authorization.UserCode, user.UserName, authorization.ClientName)),
            DeviceDecision.Expired => Error(400, "ExpiredUserCode", "The user code has expired."),
            DeviceDecision.AlreadyDecided => Error(400, "UserCodeAlreadyUsed", "The user code was already approved or denied."),
            DeviceDecision.Unavailable => Error(403, "IdentityCenterUnavailable", Portal.PortalEndpoints.UnavailableMessage),
            _ => Error(404, "UnknownUserCode", $"No device authorization has the user code {request.UserCode}."),
        };
    }

    private static JsonHttpResult<ControlPlaneError> Error(int status, string error, string message) =>
        TypedResults.Json(new ControlPlaneError(error, message), ControlPlaneJson.Default.ControlPlaneError, statusCode: status);
}

public sealed record DeviceApprovalRequest(string UserCode, string UserName, string Password);

public sealed record DeviceApprovalResponse(string Status, string UserCode, string UserName, string ClientName);
