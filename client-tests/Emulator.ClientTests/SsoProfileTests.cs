using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Hosting;

namespace Emulator.ClientTests;

/// <summary>
/// A botocore SSO profile (sso_start_url, sso_region, sso_account_id, sso_role_name) resolving credentials from the
/// emulator's portal, after a device-flow sign-in: runs client-tests/python/sso_profile.py with python3 + boto3.
/// Self-contained: starts its own emulator; needs python3 with boto3 and fails (never skips) without them.
/// </summary>
public sealed class SsoProfileTests
{
    private const string Management = "111111111111";

    [Fact]
    public async Task A_botocore_sso_profile_resolves_role_credentials_from_the_portal()
    {
        await using var emulator = await EmulatorServer.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.Endpoint };

        // The organization, Identity Center, a user with a password, a permission set and an assignment — all through the
        // public APIs and the control plane.
        await Call(http, "AWSOrganizationsV20161128", "CreateOrganization", new { FeatureSet = "ALL" }, "organizations");
        var setup = await Post(http, "/_emulator/sso/setup", new { accountId = Management });
        var (instanceArn, identityStoreId, startUrl) = ((string)setup["instanceArn"]!, (string)setup["identityStoreId"]!, (string)setup["startUrl"]!);
        var user = await Call(http, "AWSIdentityStore", "CreateUser", new
        {
            IdentityStoreId = identityStoreId, UserName = "alice", DisplayName = "Alice",
            Name = new { GivenName = "Alice", FamilyName = "Tester" },
        }, "identitystore");
        await Post(http, "/_emulator/sso/users", new { identityStoreId, userName = "alice", password = "Correct-Horse-42" });
        var permissionSet = await Call(http, "SWBExternalService", "CreatePermissionSet",
            new { InstanceArn = instanceArn, Name = "AdministratorAccess", SessionDuration = "PT1H" }, "sso");
        var assignment = await Call(http, "SWBExternalService", "CreateAccountAssignment", new
        {
            InstanceArn = instanceArn, TargetId = Management, TargetType = "AWS_ACCOUNT",
            PermissionSetArn = (string)permissionSet["PermissionSet"]!["PermissionSetArn"]!, PrincipalType = "USER", PrincipalId = (string)user["UserId"]!,
        }, "sso");
        var requestId = (string)assignment["AccountAssignmentCreationStatus"]!["RequestId"]!;
        var status = await Call(http, "SWBExternalService", "DescribeAccountAssignmentCreationStatus",
            new { InstanceArn = instanceArn, AccountAssignmentCreationRequestId = requestId }, "sso");
        ((string)status["AccountAssignmentCreationStatus"]!["Status"]!).Should().Be("SUCCEEDED");
        var accountId = Management;

        var result = await RunPython("sso_profile.py", new Dictionary<string, string>
        {
            ["ENDPOINT"] = emulator.Endpoint.ToString().TrimEnd('/'),
            ["START_URL"] = startUrl,
            ["ACCOUNT_ID"] = accountId,
            ["ROLE_NAME"] = "AdministratorAccess",
            ["SSO_USER"] = "alice",
            ["SSO_PASSWORD"] = "Correct-Horse-42",
        });
        result.ExitCode.Should().Be(0, $"sso_profile.py should pass:\n{result.Output}");
        result.Output.Should().Contain("OK sso_profile").And.Contain("assumed-role/AWSReservedSSO_AdministratorAccess_").And.Contain("token refreshed");
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
    private static async Task<JsonObject> Post(HttpClient http, string path, object input)
    {
        var response = await http.PostAsync(path, new StringContent(System.Text.Json.JsonSerializer.Serialize(input), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().BeLessThan(300, $"POST {path} should succeed: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<(int ExitCode, string Output)> RunPython(string script, IDictionary<string, string> environment)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "python", script);
        File.Exists(path).Should().BeTrue($"{script} should be copied next to the tests ({path})");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("These tests need python3 with boto3 on PATH (e.g. `pip install boto3`).", missing);
        }
        using (process)
        {
            var output = new StringBuilder();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            output.Append(await stdout).Append(await stderr);
            return (process.ExitCode, output.ToString());
        }
    }
}
