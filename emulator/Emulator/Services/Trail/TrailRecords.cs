using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core;
using Emulator.State;

namespace Emulator.Services.Trail;

/// <summary>CloudTrail's record format (eventVersion 1.08): the JSON that LookupEvents returns as <c>CloudTrailEvent</c>.</summary>
public static class TrailRecords
{
    public const string EventVersion = "1.08";

    /// <summary>The service that answers each served model, as CloudTrail names it in <c>eventSource</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> EventSources = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organizations"] = "organizations.amazonaws.com",
        ["iam"] = "iam.amazonaws.com",
        ["sts"] = "sts.amazonaws.com",
        ["sso-admin"] = "sso.amazonaws.com",
        ["sso"] = "sso.amazonaws.com",
        ["sso-oidc"] = "sso-oauth.amazonaws.com",
        ["identitystore"] = "identitystore.amazonaws.com",
        ["cloudtrail"] = "cloudtrail.amazonaws.com",
    };

    /// <summary>Request members (as CloudTrail spells them) that name a resource, and the CloudTrail resource type they name (LookupEvents' Resources).</summary>
    private static readonly IReadOnlyDictionary<string, string> ResourceMembers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["roleName"] = "AWS::IAM::Role",
        ["userName"] = "AWS::IAM::User",
        ["policyArn"] = "AWS::IAM::Policy",
        ["accountId"] = "AWS::Organizations::Account",
        ["policyId"] = "AWS::Organizations::Policy",
        ["organizationalUnitId"] = "AWS::Organizations::OrganizationalUnit",
        ["servicePrincipal"] = "AWS::Organizations::ServicePrincipal",
        ["permissionSetArn"] = "AWS::SSO::PermissionSet",
        ["instanceArn"] = "AWS::SSO::Instance",
        ["identityStoreId"] = "AWS::IdentityStore::IdentityStore",
    };

    /// <summary>An API call, successful (<paramref name="error"/> null) or refused.</summary>
    public static TrailEventDoc ApiCall(Tx tx, TrailCall call, Caller caller, string defaultAccount, string service, string operation,
        bool readOnly, JsonObject requestParameters, JsonNode? responseElements, AwsException? error, string eventType = TrailEventTypes.ApiCall)
    {
        var account = caller.Kind == PrincipalKind.Anonymous ? defaultAccount : caller.AccountId;
        var source = EventSources.GetValueOrDefault(service, $"{service}.amazonaws.com");
        var record = new JsonObject
        {
            ["eventVersion"] = EventVersion,
            ["userIdentity"] = UserIdentity(tx, caller, call.AccessKeyId),
            ["eventTime"] = Time(call.Now),
            ["eventSource"] = source,
            ["eventName"] = operation,
            ["awsRegion"] = call.Region,
            ["sourceIPAddress"] = call.SourceIp,
            ["userAgent"] = call.FromConsole ? "AWS Internal" : call.UserAgent,
        };
        if (call.FromConsole) record["sessionCredentialFromConsole"] = "true";
        if (error is not null)
        {
            record["errorCode"] = error.Code;
            record["errorMessage"] = error.Message;
        }
        record["requestParameters"] = requestParameters.Count == 0 ? null : requestParameters.DeepClone();
        record["responseElements"] = readOnly || error is not null ? null : responseElements?.DeepClone();
        record["requestID"] = call.RequestId;
        record["eventID"] = call.EventId;
        record["readOnly"] = readOnly;
        record["eventType"] = eventType;
        record["managementEvent"] = true;
        record["recipientAccountId"] = account;
        record["eventCategory"] = "Management";
        return new TrailEventDoc
        {
            EventId = call.EventId,
            AccountId = account,
            EventTime = call.Now,
            EventName = operation,
            EventSource = source,
            ReadOnly = readOnly,
            Username = Username(caller),
            AccessKeyId = caller.Kind == PrincipalKind.Anonymous ? null : caller.AccessKeyId ?? call.AccessKeyId,
            EventType = eventType,
            ErrorCode = error?.Code,
            Caller = caller.Kind == PrincipalKind.Anonymous ? "anonymous" : caller.Arn,
            Resources = ResourcesOf(requestParameters),
            Record = record.ToJsonString(),
        };
    }

    /// <summary>A service acting on its own in an account: an IAM role created or deleted for it, or a change to its role refused.</summary>
    public static TrailEventDoc ServiceEvent(TrailCall call, string accountId, string invokedBy, string eventName, string roleName, string why, string? errorCode)
    {
        var eventId = Guid.NewGuid().ToString();
        var record = new JsonObject
        {
            ["eventVersion"] = EventVersion,
            ["userIdentity"] = new JsonObject { ["type"] = "AWSService", ["invokedBy"] = invokedBy },
            ["eventTime"] = Time(call.Now),
            ["eventSource"] = "iam.amazonaws.com",
            ["eventName"] = eventName,
            ["awsRegion"] = call.Region,
            ["sourceIPAddress"] = invokedBy,
            ["userAgent"] = invokedBy,
        };
        if (errorCode is not null)
        {
            record["errorCode"] = errorCode;
            record["errorMessage"] = why;
        }
        record["requestParameters"] = new JsonObject { ["roleName"] = roleName };
        record["responseElements"] = null;
        record["requestID"] = call.RequestId;
        record["eventID"] = eventId;
        record["readOnly"] = false;
        record["eventType"] = TrailEventTypes.ServiceEvent;
        record["managementEvent"] = true;
        record["recipientAccountId"] = accountId;
        record["sharedEventID"] = call.EventId;
        record["serviceEventDetails"] = new JsonObject { ["reason"] = why };
        record["eventCategory"] = "Management";
        return new TrailEventDoc
        {
            EventId = eventId,
            AccountId = accountId,
            EventTime = call.Now,
            EventName = eventName,
            EventSource = "iam.amazonaws.com",
            ReadOnly = false,
            Username = invokedBy,
            EventType = TrailEventTypes.ServiceEvent,
            ErrorCode = errorCode,
            Caller = invokedBy,
            Resources = [new TrailResourceDoc { ResourceType = "AWS::IAM::Role", ResourceName = roleName }],
            Record = record.ToJsonString(),
        };
    }

    /// <param name="signedWith">The access key id the request was signed with (a root caller's 12-digit or plain key).</param>
    private static JsonObject UserIdentity(Tx tx, Caller caller, string? signedWith)
    {
        var identity = caller.Kind switch
        {
            PrincipalKind.Root => new JsonObject { ["type"] = "Root", ["principalId"] = caller.AccountId, ["arn"] = caller.Arn, ["accountId"] = caller.AccountId },
            PrincipalKind.User => new JsonObject
            {
                ["type"] = "IAMUser", ["principalId"] = caller.UserId, ["arn"] = caller.Arn, ["accountId"] = caller.AccountId, ["userName"] = LastSegment(caller.Arn),
            },
            PrincipalKind.AssumedRole => new JsonObject { ["type"] = "AssumedRole", ["principalId"] = caller.UserId, ["arn"] = caller.Arn, ["accountId"] = caller.AccountId },
            PrincipalKind.FederatedUser => new JsonObject { ["type"] = "FederatedUser", ["principalId"] = caller.UserId, ["arn"] = caller.Arn, ["accountId"] = caller.AccountId },
            _ => new JsonObject { ["type"] = "Unknown" },
        };
        if (caller.Kind != PrincipalKind.Anonymous && (caller.AccessKeyId ?? signedWith) is { } key) identity["accessKeyId"] = key;
        if (caller.Kind == PrincipalKind.AssumedRole) identity["sessionContext"] = SessionContext(tx, caller);
        return identity;
    }

    /// <summary>The role behind an assumed-role session (<c>sessionIssuer</c>), as CloudTrail describes it.</summary>
    private static JsonObject SessionContext(Tx tx, Caller caller)
    {
        // arn:aws:sts::<account>:assumed-role/<role name>/<session name>
        var parts = caller.Arn.Split('/');
        var roleName = parts.Length >= 3 ? parts[^2] : "";
        var role = tx.Roles.FindById(Iam.RoleDoc.Key(caller.AccountId, roleName));
        return new JsonObject
        {
            ["sessionIssuer"] = new JsonObject
            {
                ["type"] = "Role",
                ["principalId"] = role?.RoleId ?? caller.UserId.Split(':')[0],
                ["arn"] = role?.Arn ?? $"arn:aws:iam::{caller.AccountId}:role/{roleName}",
                ["accountId"] = caller.AccountId,
                ["userName"] = roleName,
            },
            ["attributes"] = new JsonObject { ["mfaAuthenticated"] = "false" },
        };
    }

    /// <summary>LookupEvents' Username: "root", the IAM user's name, the role session's name.</summary>
    private static string? Username(Caller caller) => caller.Kind switch
    {
        PrincipalKind.Root => "root",
        PrincipalKind.Anonymous => null,
        _ => LastSegment(caller.Arn),
    };

    private static string LastSegment(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    private static List<TrailResourceDoc> ResourcesOf(JsonObject request) =>
        [.. request.Where(m => m.Value is JsonValue value && value.GetValueKind() == JsonValueKind.String && ResourceMembers.ContainsKey(m.Key) && (string)m.Value! != TrailRedaction.Hidden)
            .Select(m => new TrailResourceDoc { ResourceType = ResourceMembers[m.Key], ResourceName = (string)m.Value! })];

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

}
