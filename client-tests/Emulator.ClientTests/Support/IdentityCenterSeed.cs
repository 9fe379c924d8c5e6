using System.Text;
using System.Text.Json.Nodes;
using Emulator.Hosting;

namespace Emulator.ClientTests.Support;

/// <summary>What a seeded Identity Center offers a signing-in user.</summary>
public sealed record SeededIdentityCenter(
    string InstanceArn, string IdentityStoreId, string StartUrl, string PortalUrl, string AccountId, string RoleName, string UserName, string Password);

/// <summary>
/// An organization (management account 111111111111), IAM Identity Center, a user with a password, a permission set and an
/// assignment of it to the management account — all through the public APIs (signed by header only) and the control plane.
/// </summary>
public static class IdentityCenterSeed
{
    public const string Management = "111111111111";

    public static async Task<SeededIdentityCenter> SeedAsync(EmulatorServer emulator, string userName = "alice", string password = "Correct-Horse-42",
        string permissionSet = "AdministratorAccess")
    {
        using var http = new HttpClient { BaseAddress = emulator.Endpoint };
        await Call(http, "AWSOrganizationsV20161128", "CreateOrganization", new { FeatureSet = "ALL" }, "organizations");
        var setup = await Post(http, "/_emulator/sso/setup", new { accountId = Management });
        var (instanceArn, identityStoreId) = ((string)setup["instanceArn"]!, (string)setup["identityStoreId"]!);
        var user = await Call(http, "AWSIdentityStore", "CreateUser", new
        {
            IdentityStoreId = identityStoreId, UserName = userName, DisplayName = "Alice",
            Name = new { GivenName = "Alice", FamilyName = "Tester" },
        }, "identitystore");
        await Post(http, "/_emulator/sso/users", new { identityStoreId, userName, password });
        var created = await Call(http, "SWBExternalService", "CreatePermissionSet",
            new { InstanceArn = instanceArn, Name = permissionSet, SessionDuration = "PT1H" }, "sso");
        var assignment = await Call(http, "SWBExternalService", "CreateAccountAssignment", new
        {
            InstanceArn = instanceArn, TargetId = Management, TargetType = "AWS_ACCOUNT",
            PermissionSetArn = (string)created["PermissionSet"]!["PermissionSetArn"]!, PrincipalType = "USER", PrincipalId = (string)user["UserId"]!,
        }, "sso");
        var requestId = (string)assignment["AccountAssignmentCreationStatus"]!["RequestId"]!;
        var status = await Call(http, "SWBExternalService", "DescribeAccountAssignmentCreationStatus",
            new { InstanceArn = instanceArn, AccountAssignmentCreationRequestId = requestId }, "sso");
        ((string)status["AccountAssignmentCreationStatus"]!["Status"]!).Should().Be("SUCCEEDED");
        return new SeededIdentityCenter(instanceArn, identityStoreId, (string)setup["startUrl"]!, (string)setup["portalUrl"]!,
            Management, permissionSet, userName, password);
    }

    /// <summary>A JSON-protocol AWS call signed (by header only) as the management account's root user.</summary>
    private static async Task<JsonObject> Call(HttpClient http, string targetPrefix, string operation, object input, string signingService)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(input), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", $"{targetPrefix}.{operation}");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={Management}/20260101/us-east-1/{signingService}/aws4_request, SignedHeaders=host, Signature=0");
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().BeLessThan(300, $"{operation} should succeed: {body}");
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A control plane call (/_emulator/...).</summary>
    public static async Task<JsonObject> Post(HttpClient http, string path, object input)
    {
        var response = await http.PostAsync(path, new StringContent(System.Text.Json.JsonSerializer.Serialize(input), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().BeLessThan(300, $"POST {path} should succeed: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
