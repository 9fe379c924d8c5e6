using System.Security.Cryptography;
using System.Text;
using Emulator.Core;
using Emulator.Hosting;
using Emulator.Services.DirectoryService;
using Emulator.Services.Sso;
using Emulator.Services.SsoOidc;
using Emulator.Services.SsoPortal;
using Emulator.Services.TrustModel;
using Emulator.State;
using static Emulator.Portal.PortalHtml;

namespace Emulator.Portal;

/// <summary>
/// The user portal at /start/&lt;identityStoreId&gt;: sign in with a directory user's password, see the accounts and
/// roles assigned to you, reveal command-line credentials, approve device codes (/start/device), sign out.
/// Sessions live in the store (cookie: HttpOnly, SameSite=Strict, id only); every POST form carries a CSRF token.
/// </summary>
public static partial class PortalEndpoints
{
    public const string SessionCookie = "sso_portal_session";
    public const string CsrfCookie = "sso_portal_csrf";
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
    public const string UnavailableMessage = "IAM Identity Center is unavailable: trusted access with AWS Organizations is disabled";

    public static void Map(WebApplication app)
    {
        var portal = app.MapGroup("/start").ExcludeFromDescription();
        portal.MapGet("/setup", SetupPage);
        portal.MapPost("/setup", SetupPost).DisableAntiforgery();
        portal.MapGet("/device", DevicePage);
        portal.MapPost("/device", DeviceDecisionPost).DisableAntiforgery();
        portal.MapGet("/{identityStoreId}", StartPage);
        portal.MapPost("/{identityStoreId}/signin", SignIn).DisableAntiforgery();
        portal.MapPost("/{identityStoreId}/signout", SignOut).DisableAntiforgery();
        portal.MapPost("/{identityStoreId}/credentials", CredentialsPost).DisableAntiforgery();
        MapAuthorize(app, portal);
        MapIdentitySource(portal);
    }

    private sealed record Signed(PortalSessionDoc Session, SsoUserDoc User);

    private static Signed? CurrentSession(HttpContext http, Tx tx, string identityStoreId, DateTimeOffset now)
    {
        if (!http.Request.Cookies.TryGetValue(SessionCookie, out var id) || string.IsNullOrEmpty(id)) return null;
        if (tx.PortalSessions.FindById(id) is not { } session || session.ExpiresAt <= now || session.IdentityStoreId != identityStoreId) return null;
        return tx.SsoUsers.FindById(session.UserId) is { } user ? new Signed(session, user) : null;
    }

    private static SsoInstanceDoc? InstanceOf(Tx tx, string identityStoreId) =>
        tx.SsoInstances.FindOne(i => i.IdentityStoreId == identityStoreId);

    // ---- GET /start/{identityStoreId} ------------------------------------------------------------------------------

    private static IResult StartPage(HttpContext http, string identityStoreId, StateStore store, TimeProvider time) =>
        store.Read(tx =>
        {
            var now = time.GetUtcNow();
            if (InstanceOf(tx, identityStoreId) is not { } instance) return NotFound(identityStoreId);
            if (!SsoRules.IsAvailable(tx, instance)) return Unavailable();
            if (CurrentSession(http, tx, identityStoreId, now) is not { } signed) return SignInForm(http, identityStoreId, null, null);
            return AccountsPage(tx, instance, signed, now);
        });

    /// <summary>POST /start/{id}/credentials: credentials are issued only when the user asks for a role's, never per page view.</summary>
    private static async Task<IResult> CredentialsPost(HttpContext http, string identityStoreId, StateStore store, TimeProvider time)
    {
        var form = await http.Request.ReadFormAsync();
        return store.Write(tx =>
        {
            var now = time.GetUtcNow();
            if (InstanceOf(tx, identityStoreId) is not { } instance) return NotFound(identityStoreId);
            if (!SsoRules.IsAvailable(tx, instance)) return Unavailable();
            if (CurrentSession(http, tx, identityStoreId, now) is not { } signed) return SignInForm(http, identityStoreId, null, null);
            if (!SameToken(signed.Session.CsrfToken, form["csrf"].ToString())) return Message("Command line access", "The request could not be verified.", 400);
            return AccountsPage(tx, instance, signed, now, (form["account_id"].ToString(), form["role_name"].ToString()));
        });
    }

    /// <param name="reveal">The (account, role) whose credentials the user asked for, issued now; null on a page view.</param>
    private static IResult AccountsPage(Tx tx, SsoInstanceDoc instance, Signed signed, DateTimeOffset now, (string AccountId, string RoleName)? reveal = null)
    {
        var roles = SsoAccess.RolesFor(tx, instance, signed.User.UserId);
        var body = new StringBuilder("<h2>AWS accounts</h2>");
        if (roles.Count == 0)
            body.Append("<div class=\"card\" id=\"no-accounts\"><p>You do not have access to any AWS accounts yet.</p></div>");
        foreach (var account in roles.GroupBy(r => r.AccountId))
        {
            var first = account.First();
            body.Append($"<section class=\"card account\" data-account-id=\"{E(first.AccountId)}\">")
                .Append($"<h3 class=\"account-name\">{E(first.AccountName)}</h3>")
                .Append($"<p class=\"muted\"><span class=\"account-id\">{E(first.AccountId)}</span> | {E(first.Email)}</p><ul class=\"roles\">");
            foreach (var role in account)
            {
                body.Append($"<li class=\"role\" data-role-name=\"{E(role.PermissionSetName)}\"><strong class=\"role-name\">{E(role.PermissionSetName)}</strong>")
                    .Append($"<form method=\"post\" action=\"/start/{E(instance.IdentityStoreId)}/credentials\" style=\"display:inline\">")
                    .Append(Hidden("csrf", signed.Session.CsrfToken)).Append(Hidden("account_id", role.AccountId)).Append(Hidden("role_name", role.PermissionSetName))
                    .Append("<button type=\"submit\" class=\"secondary command-line-access\">Command line access</button></form>");
                if (reveal == (role.AccountId, role.PermissionSetName))
                {
                    var credentials = PortalCredentials.Issue(tx, role, signed.User, now);
                    body.Append("<p>Paste into a shell to use this role (valid until ")
                        .Append(E(credentials.Expiration.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'"))).Append("):</p><pre class=\"credentials\">")
                        .Append(E($"export AWS_ACCESS_KEY_ID={credentials.AccessKeyId}\nexport AWS_SECRET_ACCESS_KEY={credentials.SecretAccessKey}\nexport AWS_SESSION_TOKEN={credentials.SessionToken}"))
                        .Append("</pre>");
                }
                body.Append("</li>");
            }
            body.Append("</ul></section>");
        }
        return Html(Page("Accounts", body.ToString(), signed.User.UserName, SignOutForm(instance.IdentityStoreId, signed.Session)));
    }

    private static string SignOutForm(string identityStoreId, PortalSessionDoc session) =>
        $"<form method=\"post\" action=\"/start/{E(identityStoreId)}/signout\" style=\"display:inline\">{Hidden("csrf", session.CsrfToken)}" +
        "<button type=\"submit\" class=\"secondary\" id=\"sign-out\">Sign out</button></form>";

    // ---- sign in / sign out -----------------------------------------------------------------------------------------

    /// <param name="authorize">The pending GET /authorize request (authorization code flow) to return to after sign-in.</param>
    private static IResult SignInForm(HttpContext http, string identityStoreId, string? userCode, string? error, int status = 200, string? authorize = null)
    {
        var csrf = FormToken(http);
        var body = new StringBuilder("<div class=\"card\"><h2>Sign in</h2>")
            .Append($"<p class=\"muted\">Identity store {E(identityStoreId)}</p>");
        if (error is not null) body.Append($"<p class=\"error\" role=\"alert\" id=\"error\">{E(error)}</p>");
        body.Append($"<form method=\"post\" action=\"/start/{E(identityStoreId)}/signin\">")
            .Append(Hidden("csrf", csrf));
        if (userCode is not null) body.Append(Hidden("user_code", userCode));
        if (authorize is not null) body.Append(Hidden("authorize", authorize));
        body.Append("<label for=\"username\">Username</label><input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required>")
            .Append("<label for=\"password\">Password</label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>")
            .Append("<button type=\"submit\" id=\"sign-in\">Sign in</button></form></div>");
        return Html(Page("Sign in", body.ToString()), status);
    }

    private static async Task<IResult> SignIn(HttpContext http, string identityStoreId, StateStore store, TimeProvider time, EmulatorOptions options)
    {
        var form = await PortalForms.Read(http.Request);
        var userName = form["username"].ToString();
        var password = form["password"].ToString();
        var userCode = form.TryGetValue("user_code", out var code) && code.ToString().Length > 0 ? code.ToString() : null;
        var authorize = form.TryGetValue("authorize", out var request) && request.ToString().Length > 0 ? request.ToString() : null;
        if (!http.Request.Cookies.TryGetValue(CsrfCookie, out var cookie) || !SameToken(cookie, form["csrf"].ToString()))
            return SignInForm(http, identityStoreId, userCode, "Your sign-in form expired. Please try again.", 400, authorize);

        var state = store.Read(tx =>
        {
            var instance = InstanceOf(tx, identityStoreId);
            return instance is null ? "missing" : !SsoRules.IsAvailable(tx, instance) ? "unavailable" : "ok";
        });
        if (state == "missing") return NotFound(identityStoreId);
        if (state == "unavailable") return Unavailable();

        var signIn = DirectorySignIn.Authenticate(store, options, identityStoreId, userName, password);
        if (signIn.User is not { } user)
        {
            var failure = SignInFailures.Text(signIn.Failure);
            return SignInForm(http, identityStoreId, userCode, failure.Message, failure.Status, authorize);
        }

        var now = time.GetUtcNow();
        var session = new PortalSessionDoc
        {
            Id = NewToken(),
            IdentityStoreId = identityStoreId,
            UserId = user.UserId,
            CsrfToken = NewToken(),
            CreatedAt = now,
            ExpiresAt = now + SessionLifetime,
        };
        store.Write(tx => tx.PortalSessions.Insert(session));
        http.Response.Cookies.Append(SessionCookie, session.Id, CookieOptions(session.ExpiresAt));
        http.Response.Cookies.Delete(CsrfCookie, CookieOptions(null));
        var next = authorize is not null ? AuthorizePagePath(authorize)
            : userCode is null ? $"/start/{Uri.EscapeDataString(identityStoreId)}" : $"/start/device?user_code={Uri.EscapeDataString(userCode)}";
        return Results.Redirect(next, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOut(HttpContext http, string identityStoreId, StateStore store, TimeProvider time)
    {
        var form = await PortalForms.Read(http.Request);
        var signed = store.Read(tx => CurrentSession(http, tx, identityStoreId, time.GetUtcNow()));
        if (signed is not null)
        {
            if (!SameToken(signed.Session.CsrfToken, form["csrf"].ToString())) return Message("Sign out", "The request could not be verified.", 400);
            store.Write(tx => tx.PortalSessions.Delete(signed.Session.Id));
        }
        http.Response.Cookies.Delete(SessionCookie, CookieOptions(null));
        return Results.Redirect($"/start/{Uri.EscapeDataString(identityStoreId)}");
    }

    // ---- device authorization (OIDC verificationUri) ----------------------------------------------------------------

    private static IResult DevicePage(HttpContext http, StateStore store, TimeProvider time, string? user_code) =>
        store.Read(tx =>
        {
            var now = time.GetUtcNow();
            if (string.IsNullOrWhiteSpace(user_code))
                return Html(Page("Authorize request",
                    "<div class=\"card\"><h2>Authorize request</h2><form method=\"get\" action=\"/start/device\">" +
                    "<label for=\"user_code\">Code</label><input type=\"text\" id=\"user_code\" name=\"user_code\" required>" +
                    "<button type=\"submit\">Next</button></form></div>"));
            var authorization = DeviceAuthorizations.FindByUserCode(tx, user_code);
            if (authorization is null || authorization.ExpiresAt <= now || authorization.Status != DeviceAuthorizationStatus.Pending)
                return Message("Authorize request", "This code is invalid, has expired or has already been used.", 400);
            if (DeviceAuthorizations.InstanceOf(tx, authorization) is not { } instance) return NotFound(authorization.IdentityStoreId);
            if (!SsoRules.IsAvailable(tx, instance)) return Unavailable();
            if (CurrentSession(http, tx, instance.IdentityStoreId, now) is not { } signed)
                return SignInForm(http, instance.IdentityStoreId, authorization.UserCode, null);

            var body = $"<div class=\"card\"><h2>Authorize request</h2><p><strong>{E(authorization.ClientName)}</strong> wants to access " +
                "your AWS accounts and roles. Confirm the code matches the one shown by the application:</p>" +
                $"<p><code class=\"user-code\" id=\"user-code\">{E(authorization.UserCode)}</code></p>" +
                $"<form method=\"post\" action=\"/start/device\">{Hidden("csrf", signed.Session.CsrfToken)}{Hidden("user_code", authorization.UserCode)}" +
                "<button type=\"submit\" name=\"decision\" value=\"approve\" id=\"approve\">Allow access</button> " +
                "<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\" id=\"deny\">Deny</button></form></div>";
            return Html(Page("Authorize request", body, signed.User.UserName, SignOutForm(instance.IdentityStoreId, signed.Session)));
        });

    private static async Task<IResult> DeviceDecisionPost(HttpContext http, StateStore store, TimeProvider time)
    {
        var form = await PortalForms.Read(http.Request);
        var userCode = form["user_code"].ToString();
        var approve = form["decision"].ToString() != "deny";
        return store.Write(tx =>
        {
            var now = time.GetUtcNow();
            var authorization = DeviceAuthorizations.FindByUserCode(tx, userCode);
            if (authorization is null) return Message("Authorize request", "This code is invalid, has expired or has already been used.", 400);
            if (CurrentSession(http, tx, authorization.IdentityStoreId, now) is not { } signed)
                return SignInForm(http, authorization.IdentityStoreId, authorization.UserCode, "Sign in to authorize this request.", 401);
            if (!SameToken(signed.Session.CsrfToken, form["csrf"].ToString()))
                return Message("Authorize request", "The request could not be verified.", 400);
            return DeviceAuthorizations.Decide(tx, authorization, signed.User, approve, now) switch
            {
                DeviceDecision.Approved => Message("Request approved",
                    $"You approved {authorization.ClientName}. You can close this window and return to the application.", 200, "approved"),
                DeviceDecision.Denied => Message("Request denied", $"You denied {authorization.ClientName} access.", 200, "denied"),
                DeviceDecision.Unavailable => Unavailable(),
                _ => Message("Authorize request", "This code is invalid, has expired or has already been used.", 400),
            };
        });
    }

    // ---- setup: the console's "Enable IAM Identity Center" -----------------------------------------------------------

    private static IResult SetupPage(HttpContext http, StateStore store)
    {
        var organizations = store.Read(tx => tx.Organizations.FindAll().ToList());
        return SetupForm(http, organizations.Count == 1 ? organizations[0].ManagementAccountId : null, null, extra: IdentitySourceCard(http, store));
    }

    private static IResult SetupForm(HttpContext http, string? accountId, string? error, int status = 200, string extra = "")
    {
        var body = new StringBuilder("<div class=\"card\"><h2>Enable IAM Identity Center</h2>")
            .Append("<p>Turns on trusted access for sso.amazonaws.com in the organization and creates its IAM Identity Center ")
            .Append("instance and identity store (the same step as <code>POST /_emulator/sso/setup</code>).</p>");
        if (error is not null) body.Append($"<p class=\"error\" role=\"alert\" id=\"error\">{E(error)}</p>");
        body.Append("<form method=\"post\" action=\"/start/setup\">").Append(Hidden("csrf", FormToken(http)))
            .Append("<label for=\"account-id\">Management account ID</label>")
            .Append($"<input type=\"text\" id=\"account-id\" name=\"accountId\" value=\"{E(accountId)}\" required pattern=\"[0-9]{{12}}\">")
            .Append("<button type=\"submit\" id=\"enable\">Enable IAM Identity Center</button></form>")
            .Append("<p><a id=\"console-link\" href=\"/_emulator/console\">Open the console</a>: the organization, its trust and locks, and the event trail.</p></div>").Append(extra);
        return Html(Page("Enable IAM Identity Center", body.ToString()), status);
    }

    private static async Task<IResult> SetupPost(HttpContext http, StateStore store, TimeProvider time, EmulatorOptions options)
    {
        var form = await PortalForms.Read(http.Request);
        var accountId = form["accountId"].ToString().Trim();
        if (!http.Request.Cookies.TryGetValue(CsrfCookie, out var cookie) || !SameToken(cookie, form["csrf"].ToString()))
            return SetupForm(http, accountId, "The form expired. Please try again.", 400);
        if (accountId.Length == 0) return SetupForm(http, accountId, "Enter the management account ID.", 400);

        var outcome = store.Write(tx => IdentityCenterSetup.Enable(tx, accountId, time.GetUtcNow()));
        if (outcome.Instance is not { } instance) return SetupForm(http, accountId, outcome.Message, 400);
        var startUrl = PortalUrls.StartUrl(instance);
        var portalUrl = PortalUrls.PortalUrl(http.Request, options, instance);
        var body = "<div class=\"card\" id=\"enabled\"><h2>IAM Identity Center is enabled</h2><dl>" +
            $"<dt>Instance ARN</dt><dd id=\"instance-arn\">{E(instance.InstanceArn)}</dd>" +
            $"<dt>Identity store</dt><dd id=\"identity-store-id\">{E(instance.IdentityStoreId)}</dd>" +
            $"<dt>AWS access portal URL (start URL)</dt><dd id=\"start-url\">{E(startUrl)}</dd>" +
            $"<dt>Portal page on this emulator</dt><dd><a id=\"portal-url\" href=\"{E(portalUrl)}\">{E(portalUrl)}</a></dd></dl>" +
            "<p class=\"muted\">Next: create users (identitystore CreateUser, then POST /_emulator/sso/users for a password), permission sets " +
            "and account assignments (sso-admin).</p></div>";
        return Html(Page("IAM Identity Center is enabled", body));
    }

    // ---- common pages and helpers -----------------------------------------------------------------------------------

    private static IResult Unavailable() =>
        Html(Page("Unavailable", $"<div class=\"card unavailable\" id=\"unavailable\"><h2>Unavailable</h2><p class=\"error\">{E(UnavailableMessage)}</p>" +
            "<p class=\"muted\">Nothing was deleted: enable trusted access for sso.amazonaws.com in AWS Organizations and sign in again.</p></div>"), 503);

    private static IResult NotFound(string identityStoreId) =>
        Message("Not found", $"No IAM Identity Center instance uses identity store {identityStoreId}.", 404);

    private static IResult Message(string title, string text, int status, string id = "message") =>
        Html(Page(title, $"<div class=\"card\" id=\"{E(id)}\"><h2>{E(title)}</h2><p>{E(text)}</p></div>"), status);

    /// <param name="formTarget">An origin (besides this one) the page's forms may lead to, e.g. a client's loopback callback.</param>
    private static IResult Html(string html, int status = 200, string? formTarget = null) => new HtmlResult(html, status, formTarget);

    private static CookieOptions CookieOptions(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/start",
        Expires = expires,
    };

    /// <summary>The pre-sign-in CSRF token (double-submit: an HttpOnly SameSite=Strict cookie and the same value in the form).</summary>
    private static string FormToken(HttpContext http)
    {
        if (http.Items[CsrfCookie] is string issued) return issued; // one token per response, however many forms the page has
        var token = http.Request.Cookies.TryGetValue(CsrfCookie, out var existing) && existing is { Length: > 20 } ? existing : NewToken();
        http.Response.Cookies.Append(CsrfCookie, token, CookieOptions(null));
        http.Items[CsrfCookie] = token;
        return token;
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool SameToken(string? expected, string? actual) =>
        !string.IsNullOrEmpty(expected) && actual is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    /// <summary>HTML with the headers a sign-in page needs: no caching, no framing, no scripts, no external loads.</summary>
    private sealed class HtmlResult(string html, int status, string? formTarget) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.XFrameOptions = "DENY";
            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            http.Response.Headers.ContentSecurityPolicy =
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'" + (formTarget is null ? "" : " " + formTarget) +
                "; frame-ancestors 'none'; base-uri 'none'";
            await http.Response.WriteAsync(html);
        }
    }
}
