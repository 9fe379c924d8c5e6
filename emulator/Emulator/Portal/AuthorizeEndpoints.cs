using Emulator.Services.SsoOidc;
using Emulator.Services.TrustModel;
using Emulator.State;
using static Emulator.Portal.PortalHtml;

namespace Emulator.Portal;

/// <summary>
/// The browser half of the authorization code grant (what <c>aws sso login</c> opens since CLI 2.22): GET /authorize on the
/// OIDC endpoint checks the request (<see cref="AuthorizationCodeGrant.Authorize"/>) and sends the browser to the portal,
/// /start/authorize, which signs the user in, asks for consent and redirects to the client's loopback callback with
/// <c>code</c> and <c>state</c> (or <c>error</c>).
/// </summary>
public static partial class PortalEndpoints
{
    private static string AuthorizePagePath(string requestId) => $"/start/authorize?request={Uri.EscapeDataString(requestId)}";

    private static void MapAuthorize(WebApplication app, RouteGroupBuilder portal)
    {
        app.MapGet("/authorize", Authorize).ExcludeFromDescription();
        portal.MapGet("/authorize", AuthorizePage);
        portal.MapPost("/authorize", AuthorizeDecisionPost).DisableAntiforgery();
    }

    private static IResult Authorize(HttpRequest request, StateStore store, TimeProvider time)
    {
        var query = request.Query;
        var parameters = new AuthorizeParameters(query["response_type"], query["client_id"], query["redirect_uri"], query["state"],
            query["code_challenge"], query["code_challenge_method"], query["scopes"].Count > 0 ? query["scopes"] : query["scope"]);
        return store.Write(tx => AuthorizationCodeGrant.Authorize(tx, parameters, time.GetUtcNow())) switch
        {
            AuthorizeOutcome.ErrorPage page => Message("Authorization error", $"{page.Error}: {page.Description}", 400, "authorize-error"),
            AuthorizeOutcome.ErrorRedirect redirect => Results.Redirect(redirect.Location),
            AuthorizeOutcome.SignIn signIn => Results.Redirect(AuthorizePagePath(signIn.Authorization.Id)),
            _ => throw new InvalidOperationException("unknown authorize outcome"),
        };
    }

    private static IResult AuthorizePage(HttpContext http, StateStore store, TimeProvider time, string? request) =>
        store.Read(tx =>
        {
            var now = time.GetUtcNow();
            if (AuthorizationCodeGrant.Pending(tx, request, now) is not { } authorization) return ExpiredAuthorization();
            if (tx.SsoInstances.FindById(authorization.InstanceId) is not { } instance) return NotFound(authorization.IdentityStoreId);
            if (!SsoRules.IsAvailable(tx, instance)) return Unavailable();
            if (CurrentSession(http, tx, instance.IdentityStoreId, now) is not { } signed)
                return SignInForm(http, instance.IdentityStoreId, null, null, authorize: authorization.Id);

            var scopes = string.Join("", authorization.Scopes.Select(s => $"<li><code>{E(s)}</code></li>"));
            var body = $"<div class=\"card\" id=\"consent\"><h2>Allow {E(authorization.ClientName)} to access your data?</h2>" +
                "<p>The application signs in to the AWS access portal as you and can list your accounts and roles and get their credentials.</p>" +
                (scopes.Length > 0 ? $"<p class=\"muted\">Scopes:</p><ul>{scopes}</ul>" : "") +
                $"<form method=\"post\" action=\"/start/authorize\">{Hidden("csrf", signed.Session.CsrfToken)}{Hidden("request", authorization.Id)}" +
                "<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow access</button> " +
                "<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\" id=\"deny\">Deny</button></form></div>";
            var callback = new Uri(authorization.RedirectUri);
            return Html(Page("Allow access", body, signed.User.UserName, SignOutForm(instance.IdentityStoreId, signed.Session)),
                formTarget: callback.GetLeftPart(UriPartial.Authority));
        });

    private static async Task<IResult> AuthorizeDecisionPost(HttpContext http, StateStore store, TimeProvider time)
    {
        var form = await http.Request.ReadFormAsync();
        var approve = form["decision"].ToString() == "allow";
        return store.Write(tx =>
        {
            var now = time.GetUtcNow();
            if (AuthorizationCodeGrant.Pending(tx, form["request"].ToString(), now) is not { } authorization) return ExpiredAuthorization();
            if (tx.SsoInstances.FindById(authorization.InstanceId) is not { } instance) return NotFound(authorization.IdentityStoreId);
            if (!SsoRules.IsAvailable(tx, instance)) return Unavailable();
            if (CurrentSession(http, tx, instance.IdentityStoreId, now) is not { } signed)
                return SignInForm(http, instance.IdentityStoreId, null, "Sign in to authorize this request.", 401, authorization.Id);
            if (!SameToken(signed.Session.CsrfToken, form["csrf"].ToString()))
                return Message("Allow access", "The request could not be verified.", 400);
            return Results.Redirect(AuthorizationCodeGrant.Decide(tx, authorization, signed.User, approve, now));
        });
    }

    private static IResult ExpiredAuthorization() =>
        Message("Authorization error", "This sign-in request is invalid, has expired or was already used. Start the sign-in again from the application.", 400, "authorize-error");
}
