using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.Trail;

/// <summary>
/// CloudTrail's record format (eventVersion 1.08): <see cref="ApiCall"/> and <see cref="ServiceEvent"/> capture what an
/// event needs when it happens; <see cref="Render"/> builds the JSON that LookupEvents returns as <c>CloudTrailEvent</c>.
/// </summary>
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

    /// <summary>Request members that name a resource, and the CloudTrail resource type they name (LookupEvents' Resources).</summary>
    private static readonly IReadOnlyDictionary<string, string> ResourceMembers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["RoleName"] = "AWS::IAM::Role",
        ["UserName"] = "AWS::IAM::User",
        ["PolicyArn"] = "AWS::IAM::Policy",
        ["AccountId"] = "AWS::Organizations::Account",
        ["PolicyId"] = "AWS::Organizations::Policy",
        ["OrganizationalUnitId"] = "AWS::Organizations::OrganizationalUnit",
        ["ServicePrincipal"] = "AWS::Organizations::ServicePrincipal",
        ["PermissionSetArn"] = "AWS::SSO::PermissionSet",
        ["InstanceArn"] = "AWS::SSO::Instance",
        ["IdentityStoreId"] = "AWS::IdentityStore::IdentityStore",
    };

    /// <summary>An API call, successful (<paramref name="error"/> null) or refused.</summary>
    /// <param name="request">The request's members, as the protocol parsed them (model member names).</param>
    /// <param name="response">A successful write's typed response as JSON; null otherwise.</param>
    /// <param name="issuerArn">For an assumed-role caller, the ARN of the role behind the session.</param>
    public static TrailEntry ApiCall(TrailCall call, Caller caller, string defaultAccount, ServiceModel model, OperationModel operation,
        bool readOnly, JsonElement request, string? response, AwsException? error, string? issuerArn)
    {
        var hasMembers = request.ValueKind == JsonValueKind.Object && request.EnumerateObject().MoveNext();
        var stored = hasMembers ? StoredRequest(operation, request) : null;
        return new TrailEntry
        {
            EventId = call.EventId,
            EventTime = call.Now,
            EventType = TrailEventTypes.ApiCall,
            AccountId = caller.Kind == PrincipalKind.Anonymous ? defaultAccount : caller.AccountId,
            EventSource = EventSources.GetValueOrDefault(model.Name, $"{model.Name}.amazonaws.com"),
            EventName = operation.Name,
            ReadOnly = readOnly,
            Caller = caller,
            SignedWith = call.AccessKeyId,
            IssuerArn = issuerArn,
            Region = call.Region,
            RequestId = call.RequestId,
            SourceIp = call.SourceIp,
            UserAgent = call.UserAgent,
            FromConsole = call.FromConsole,
            Service = model.Name,
            Request = stored?.Text,
            Response = error is null && !readOnly && response is not null ? TrailRedaction.Hide(operation.Output, response) : null,
            ErrorCode = error?.Code,
            ErrorMessage = error?.Message,
            Resources = stored?.Resources ?? [],
        };
    }

    /// <summary>What an event keeps of a request: its members as the trail stores them, and the resources they name.</summary>
    private sealed record StoredMembers(byte[] Utf8, string Text, IReadOnlyList<TrailResource> Resources);

    /// <summary>
    /// Each operation's last stored request, when its input can hold no secret. Clients repeat the same call (a poller,
    /// a benchmark): its events then share one stored text and one resource list instead of a copy each, for as long as
    /// retention keeps them, and recording it costs a comparison of the request's bytes.
    /// </summary>
    private static readonly ConcurrentDictionary<OperationModel, StoredMembers> LastRequests = new(ReferenceEqualityComparer.Instance);

    private static StoredMembers StoredRequest(OperationModel operation, JsonElement request)
    {
        var kept = operation.Input is not { } input || !TrailRedaction.CanHoldSecrets(input); // a request holding a secret is never kept
        var utf8 = JsonMarshal.GetRawUtf8Value(request);
        if (kept && LastRequests.TryGetValue(operation, out var last) && utf8.SequenceEqual(last.Utf8)) return last;
        var stored = new StoredMembers(kept ? utf8.ToArray() : [], TrailRedaction.Hide(operation.Input, request), ResourcesOf(request));
        if (kept) LastRequests[operation] = stored;
        return stored;
    }

    /// <summary>A service acting on its own in an account: an IAM role created or deleted for it, or a change to its role refused.</summary>
    public static TrailEntry ServiceEvent(TrailCall call, string accountId, string invokedBy, string eventName, string roleName, string why, string? errorCode) => new()
    {
        EventId = Ids.Uuid(),
        EventTime = call.Now,
        EventType = TrailEventTypes.ServiceEvent,
        AccountId = accountId,
        EventSource = "iam.amazonaws.com",
        EventName = eventName,
        InvokedBy = invokedBy,
        Region = call.Region,
        RequestId = call.RequestId,
        SourceIp = invokedBy,
        UserAgent = invokedBy,
        ErrorCode = errorCode,
        ErrorMessage = errorCode is null ? null : why,
        SharedEventId = call.EventId,
        Reason = why,
        Resources = [new TrailResource("AWS::IAM::Role", roleName)],
    };

    /// <summary>The event as CloudTrail's JSON record.</summary>
    public static string Render(TrailEntry e)
    {
        var record = new JsonObject
        {
            ["eventVersion"] = EventVersion,
            ["userIdentity"] = UserIdentity(e),
            ["eventTime"] = e.EventTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["eventSource"] = e.EventSource,
            ["eventName"] = e.EventName,
            ["awsRegion"] = e.Region,
            ["sourceIPAddress"] = e.SourceIp,
            ["userAgent"] = e.FromConsole ? "AWS Internal" : e.UserAgent,
        };
        if (e.FromConsole) record["sessionCredentialFromConsole"] = "true";
        if (e.ErrorCode is not null)
        {
            record["errorCode"] = e.ErrorCode;
            record["errorMessage"] = e.ErrorMessage;
        }
        var isServiceEvent = e.EventType == TrailEventTypes.ServiceEvent;
        record["requestParameters"] = isServiceEvent ? new JsonObject { ["roleName"] = e.Resources[0].ResourceName } : Members(e, e.Request, o => o.Input);
        record["responseElements"] = Members(e, e.Response, o => o.Output);
        record["requestID"] = e.RequestId;
        record["eventID"] = e.EventId;
        record["readOnly"] = e.ReadOnly;
        record["eventType"] = e.EventType;
        record["managementEvent"] = true;
        record["recipientAccountId"] = e.AccountId;
        if (isServiceEvent)
        {
            record["sharedEventID"] = e.SharedEventId;
            record["serviceEventDetails"] = new JsonObject { ["reason"] = e.Reason };
        }
        record["eventCategory"] = "Management";
        return record.ToJsonString();
    }

    /// <summary>Request parameters or response elements as CloudTrail writes them: lower-case first letters, sensitive values hidden.</summary>
    private static JsonObject? Members(TrailEntry e, string? json, Func<OperationModel, Shape?> shapeOf)
    {
        if (json is null || e.Service is null) return null;
        var model = ServiceModel.Load(e.Service);
        var node = JsonNode.Parse(json)!.AsObject();
        return TrailRedaction.Render(model.Operation(e.EventName) is { } operation ? shapeOf(operation) : null, node);
    }

    private static JsonObject UserIdentity(TrailEntry e)
    {
        if (e.Caller is not { } caller) return new JsonObject { ["type"] = "AWSService", ["invokedBy"] = e.InvokedBy };
        var identity = caller.Kind switch
        {
            PrincipalKind.Root => new JsonObject { ["type"] = "Root", ["principalId"] = caller.AccountId, ["arn"] = caller.Arn, ["accountId"] = caller.AccountId },
            PrincipalKind.User => new JsonObject
            {
                ["type"] = "IAMUser", ["principalId"] = caller.UserId, ["arn"] = caller.Arn, ["accountId"] = caller.AccountId, ["userName"] = e.Username,
            },
            PrincipalKind.AssumedRole => new JsonObject { ["type"] = "AssumedRole", ["principalId"] = caller.UserId, ["arn"] = caller.Arn, ["accountId"] = caller.AccountId },
            PrincipalKind.FederatedUser => new JsonObject { ["type"] = "FederatedUser", ["principalId"] = caller.UserId, ["arn"] = caller.Arn, ["accountId"] = caller.AccountId },
            _ => new JsonObject { ["type"] = "Unknown" },
        };
        if (e.AccessKeyId is { } key) identity["accessKeyId"] = key;
        if (caller.Kind == PrincipalKind.AssumedRole) identity["sessionContext"] = SessionContext(e, caller);
        return identity;
    }

    /// <summary>The role behind an assumed-role session (<c>sessionIssuer</c>), as CloudTrail describes it.</summary>
    private static JsonObject SessionContext(TrailEntry e, Caller caller)
    {
        // arn:aws:sts::<account>:assumed-role/<role name>/<session name>; the session's user id is <role id>:<session name>.
        var parts = caller.Arn.Split('/');
        var roleName = parts.Length >= 3 ? parts[^2] : "";
        return new JsonObject
        {
            ["sessionIssuer"] = new JsonObject
            {
                ["type"] = "Role",
                ["principalId"] = caller.UserId.Split(':')[0],
                ["arn"] = e.IssuerArn ?? $"arn:aws:iam::{caller.AccountId}:role/{roleName}",
                ["accountId"] = caller.AccountId,
                ["userName"] = roleName,
            },
            ["attributes"] = new JsonObject { ["mfaAuthenticated"] = "false" },
        };
    }

    private static IReadOnlyList<TrailResource> ResourcesOf(JsonElement request)
    {
        List<TrailResource>? found = null;
        foreach (var member in request.EnumerateObject())
            if (member.Value.ValueKind == JsonValueKind.String && ResourceMembers.TryGetValue(member.Name, out var type)
                && member.Value.GetString() is { } name && name != TrailRedaction.Hidden)
                (found ??= []).Add(new TrailResource(type, name));
        return found is null ? [] : found;
    }
}
