using Emulator.Core;

namespace Emulator.Services.Authorization;

/// <summary>
/// AWS's denial messages: "User: &lt;arn&gt; is not authorized to perform: &lt;action&gt; on resource: &lt;resource&gt;
/// because no identity-based policy allows the &lt;action&gt; action" and its variants. Query services (IAM, STS) answer
/// 403 <c>AccessDenied</c>; JSON services 400 <c>AccessDeniedException</c>.
/// </summary>
public static class AuthorizationErrors
{
    public static AwsException Denied(string protocol, string callerArn, string action, string resource, Evaluation evaluation)
    {
        var reason = Reason(evaluation, action);
        var message = $"User: {callerArn} is not authorized to perform: {action} on resource: {Display(action, resource)} {reason}";
        return protocol == "query" ? new AwsException("AccessDenied", message, 403) : new AwsException("AccessDeniedException", message);
    }

    public static string Reason(Evaluation evaluation, string action) => (evaluation.Decision, evaluation.DecidedBy) switch
    {
        (Decision.ExplicitDeny, PolicyKind.ServiceControl) => "with an explicit deny in a service control policy",
        (Decision.ExplicitDeny, PolicyKind.ResourceControl) => "with an explicit deny in a resource control policy",
        (Decision.ExplicitDeny, PolicyKind.ResourceBased) => "with an explicit deny in a resource-based policy",
        (Decision.ExplicitDeny, PolicyKind.IdentityBased) => "with an explicit deny in an identity-based policy",
        (Decision.ExplicitDeny, PolicyKind.PermissionsBoundary) => "with an explicit deny in a permissions boundary",
        (Decision.ExplicitDeny, PolicyKind.Session) => "with an explicit deny in a session policy",
        (_, PolicyKind.ServiceControl) => $"because no service control policy allows the {action} action",
        (_, PolicyKind.ResourceControl) => $"because no resource control policy allows the {action} action",
        (_, PolicyKind.ResourceBased) => $"because no resource-based policy allows the {action} action",
        (_, PolicyKind.PermissionsBoundary) => $"because no permissions boundary allows the {action} action",
        (_, PolicyKind.Session) => $"because no session policy allows the {action} action",
        _ => $"because no identity-based policy allows the {action} action",
    };

    /// <summary>IAM names its own entities by type and name ("role Foo", "user alice"); other services (STS too) by ARN.</summary>
    private static string Display(string action, string resource)
    {
        var parts = resource.Split(':', 6);
        if (!action.StartsWith("iam:", StringComparison.Ordinal) || parts is not [_, _, "iam", _, _, var rest]) return resource;
        var slash = rest.IndexOf('/');
        var type = slash < 0 ? rest : rest[..slash];
        return type is "role" or "user" or "group" && slash >= 0 ? $"{type} {rest[(rest.LastIndexOf('/') + 1)..]}" : resource;
    }
}
