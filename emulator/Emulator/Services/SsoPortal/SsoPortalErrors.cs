using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.SsoPortal;

/// <summary>Portal errors (body <c>{"message", "__type": "com.amazonaws.switchboard.portal#Code"}</c>).</summary>
public static class SsoPortalErrors
{
    public static AwsException Unauthorized() => new("UnauthorizedException", "Session token not found or invalid", 401);

    public static AwsException Forbidden() => new("ForbiddenException", "No access", 403);

    public static AwsException InvalidRequest(string message) => new("InvalidRequestException", message);

    /// <summary>
    /// A missing bearer token is an invalid session; a page size outside 1-100 has the portal's own wording; any other
    /// bad member is InvalidRequestException.
    /// </summary>
    public static AwsException Validation(IReadOnlyList<Violation> violations) =>
        violations.Any(v => v.Path == "accessToken") ? Unauthorized()
        : violations.Any(v => v.Path == "maxResults") ? InvalidRequest("ResultSize parameter must be within the valid limits of: 1-100")
        : InvalidRequest(InputValidator.Describe(violations));
}
