using System.Text;
using Emulator.Hosting;
using Emulator.Services.DirectoryService;
using Emulator.State;
using static Emulator.Portal.PortalHtml;

namespace Emulator.Portal;

/// <summary>
/// The setup page's "Change identity source" card: the Identity Center directory or an Active directory registered with
/// ds (the same step as POST /_emulator/sso/identity-source).
/// </summary>
public static partial class PortalEndpoints
{
    private static void MapIdentitySource(RouteGroupBuilder portal) =>
        portal.MapPost("/setup/identity-source", IdentitySourcePost).DisableAntiforgery();

    private static string IdentitySourceCard(HttpContext http, StateStore store)
    {
        var (instances, directories) = store.Read(tx => (
            tx.SsoInstances.Find(i => i.OrganizationId != null).ToList(),
            tx.Directories.Find(d => d.Stage == DirectoryStages.Active).ToList()));
        if (instances.Count == 0) return "";
        var body = new StringBuilder("<div class=\"card\" id=\"identity-source\"><h2>Identity source</h2>")
            .Append("<p>Changing the identity source removes the users, groups and assignments of the current source; permission sets stay.</p>")
            .Append("<form method=\"post\" action=\"/start/setup/identity-source\">").Append(Hidden("csrf", FormToken(http)))
            .Append("<label for=\"instance-arn-input\">Instance</label><select id=\"instance-arn-input\" name=\"instanceArn\">");
        foreach (var instance in instances)
            body.Append($"<option value=\"{E(instance.InstanceArn)}\">{E(instance.InstanceArn)} (source: {E(instance.IdentitySourceDirectoryId ?? "Identity Center directory")})</option>");
        body.Append("</select><label for=\"directory-id\">Identity source</label><select id=\"directory-id\" name=\"directoryId\">")
            .Append("<option value=\"\">Identity Center directory</option>");
        foreach (var directory in directories)
            body.Append($"<option value=\"{E(directory.DirectoryId)}\">Active Directory {E(directory.Name)} ({E(directory.DirectoryId)})</option>");
        return body.Append("</select><button type=\"submit\" id=\"change-identity-source\">Change identity source</button></form></div>").ToString();
    }

    private static async Task<IResult> IdentitySourcePost(HttpContext http, StateStore store, TimeProvider time, EmulatorOptions options)
    {
        var form = await PortalForms.Read(http.Request);
        if (!http.Request.Cookies.TryGetValue(CsrfCookie, out var cookie) || !SameToken(cookie, form["csrf"].ToString()))
            return Message("Identity source", "The form expired. Please try again.", 400);
        var directoryId = form["directoryId"].ToString();
        var outcome = IdentitySources.Switch(store, options, time, form["instanceArn"].ToString(), directoryId.Length == 0 ? null : directoryId, SyncScope.Everything);
        if (outcome.Instance is not { } instance) return Message("Identity source", outcome.Message!, outcome.Status);
        var result = outcome.Result ?? new SyncResult(0, 0, 0);
        var source = instance.IdentitySourceDirectoryId is { } id ? $"Active Directory {id}" : "the Identity Center directory";
        return Message("Identity source changed",
            $"The identity source of {instance.InstanceArn} is now {source}: {result.Users} users, {result.Groups} groups, {result.Memberships} group memberships.",
            200, "identity-source-changed");
    }
}
