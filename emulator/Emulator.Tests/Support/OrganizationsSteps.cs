using System.Net;
using System.Text.Json.Nodes;

namespace Emulator.Tests.Support;

/// <summary>Common Organizations set-up steps, taken through the API exactly as a client would.</summary>
public static class OrganizationsSteps
{
    public const string Sso = "sso.amazonaws.com";

    /// <summary>Creates an organization with the client's account as management account; returns the organization.</summary>
    public static async Task<JsonObject> CreateOrganization(this AwsClient management, string featureSet = "ALL")
    {
        var answer = (await management.Organizations("CreateOrganization", new { FeatureSet = featureSet })).EnsureSuccess();
        return answer.Json["Organization"]!.AsObject();
    }

    public static async Task<string> RootId(this AwsClient management)
    {
        var answer = (await management.Organizations("ListRoots")).EnsureSuccess();
        return (string)answer.Json["Roots"]![0]!["Id"]!;
    }

    /// <summary>Creates an account and waits for it the way clients do (DescribeCreateAccountStatus); returns its id.</summary>
    public static async Task<string> CreateAccount(this AwsClient management, string name, string? email = null, string? roleName = null)
    {
        var created = (await management.Organizations("CreateAccount",
            new { AccountName = name, Email = email ?? $"{name.ToLowerInvariant()}@example.com", RoleName = roleName })).EnsureSuccess();
        var requestId = (string)created.Json["CreateAccountStatus"]!["Id"]!;
        var status = (await management.Organizations("DescribeCreateAccountStatus", new { CreateAccountRequestId = requestId })).EnsureSuccess();
        var state = (string)status.Json["CreateAccountStatus"]!["State"]!;
        if (state != "SUCCEEDED") throw new InvalidOperationException($"CreateAccount ended {state}: {status.Body}");
        return (string)status.Json["CreateAccountStatus"]!["AccountId"]!;
    }

    /// <summary>Invites an account by id and returns the handshake id.</summary>
    public static async Task<string> Invite(this AwsClient management, string accountId)
    {
        var answer = (await management.Organizations("InviteAccountToOrganization", new { Target = new { Type = "ACCOUNT", Id = accountId } })).EnsureSuccess();
        return (string)answer.Json["Handshake"]!["Id"]!;
    }

    /// <summary>Invites the account and accepts as that account.</summary>
    public static async Task Join(this AwsClient management, string accountId)
    {
        var handshakeId = await management.Invite(accountId);
        (await management.As(accountId).Organizations("AcceptHandshake", new { HandshakeId = handshakeId })).EnsureSuccess();
    }

    public static async Task<bool> HasRole(this AwsClient client, string accountId, string roleName)
    {
        var answer = await client.As(accountId).Iam("GetRole", ("RoleName", roleName));
        if (answer.Status == HttpStatusCode.NotFound) return false;
        answer.EnsureSuccess();
        return true;
    }

    public static string? Reason(this AwsAnswer answer) => (string?)answer.Json["Reason"];
}

/// <summary>Organizations policy steps: enabling a type, creating and attaching policies.</summary>
public static class PolicySteps
{
    public const string DenyLeave = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""";

    public static async Task EnablePolicyType(this AwsClient management, string type = "SERVICE_CONTROL_POLICY") =>
        (await management.Organizations("EnablePolicyType", new { RootId = await management.RootId(), PolicyType = type })).EnsureSuccess();

    /// <summary>Creates a policy and returns its id.</summary>
    public static async Task<string> CreatePolicy(this AwsClient client, string name, string content = DenyLeave, string type = "SERVICE_CONTROL_POLICY")
    {
        var answer = (await client.Organizations("CreatePolicy", new { Name = name, Description = "", Content = content, Type = type })).EnsureSuccess();
        return (string)answer.Json["Policy"]!["PolicySummary"]!["Id"]!;
    }

    public static async Task Attach(this AwsClient client, string policyId, string targetId) =>
        (await client.Organizations("AttachPolicy", new { PolicyId = policyId, TargetId = targetId })).EnsureSuccess();

    /// <summary>The ids of the policies of the type attached directly to the target.</summary>
    public static async Task<List<string>> PoliciesFor(this AwsClient client, string targetId, string type = "SERVICE_CONTROL_POLICY") =>
        (await client.Organizations("ListPoliciesForTarget", new { TargetId = targetId, Filter = type })).EnsureSuccess()
            .Json["Policies"]!.AsArray().Select(p => (string)p!["Id"]!).ToList();
}
