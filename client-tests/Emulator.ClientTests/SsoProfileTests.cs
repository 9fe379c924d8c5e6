using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Core;
using Emulator.Hosting;
using Emulator.Services.Iam;
using Emulator.Services.Sso;
using Emulator.State;
using Microsoft.Extensions.DependencyInjection;

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

        // The organization and trusted access through the Organizations API.
        var organization = await Organizations(http, "CreateOrganization", new { FeatureSet = "ALL" });
        var organizationId = (string)organization["Organization"]!["Id"]!;
        await Organizations(http, "EnableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" });

        // Identity Center: instance, user, permission set and assignment (written to the store until the sso-admin and
        // identitystore APIs merge; then: POST /_emulator/sso/setup, POST /_emulator/sso/users, CreateAccountAssignment).
        var (startUrl, accountId) = Seed(emulator, organizationId);

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
        result.Output.Should().Contain("OK sso_profile").And.Contain($"assumed-role/AWSReservedSSO_AdministratorAccess_");
    }

    private static (string StartUrl, string AccountId) Seed(EmulatorServer emulator, string organizationId)
    {
        var store = emulator.Services.GetRequiredService<StateStore>();
        return store.Write(tx =>
        {
            var now = DateTimeOffset.UtcNow;
            var instance = new SsoInstanceDoc
            {
                Id = "ssoins-" + Ids.LowerHex(16), IdentityStoreId = "d-" + Ids.LowerAlphanumeric(10),
                OwnerAccountId = Management, OrganizationId = organizationId, CreatedDate = now,
            };
            tx.SsoInstances.Insert(instance);
            var user = new SsoUserDoc { UserId = Guid.NewGuid().ToString(), IdentityStoreId = instance.IdentityStoreId, UserName = "alice", Email = "alice@example.com" };
            SsoDirectory.SetPassword(user, "Correct-Horse-42");
            tx.SsoUsers.Insert(user);
            var permissionSet = new PermissionSetDoc
            {
                PermissionSetArn = $"arn:aws:sso:::permissionSet/{instance.Id}/ps-{Ids.LowerHex(16)}",
                InstanceArn = instance.InstanceArn, Name = "AdministratorAccess", SessionDuration = "PT1H", CreatedDate = now,
            };
            tx.PermissionSets.Insert(permissionSet);
            tx.AccountAssignments.Insert(new AccountAssignmentDoc
            {
                Id = AccountAssignmentDoc.Key(instance.InstanceArn, Management, permissionSet.PermissionSetArn, "USER", user.UserId),
                InstanceArn = instance.InstanceArn, AccountId = Management, PermissionSetArn = permissionSet.PermissionSetArn,
                PrincipalId = user.UserId, CreatedDate = now,
            });
            var roleName = $"AWSReservedSSO_AdministratorAccess_{Ids.LowerHex(16)}";
            var role = RoleFactory.New(Management, roleName, "/aws-reserved/sso.amazonaws.com/",
                RoleFactory.TrustPolicy("Federated", $"arn:aws:iam::{Management}:saml-provider/AWSSSO_{Ids.LowerHex(16)}_DO_NOT_DELETE", "sts:AssumeRoleWithSAML"), now);
            role.ReservedBy = "sso.amazonaws.com";
            tx.Roles.Insert(role);
            tx.ProvisionedPermissionSets.Insert(new ProvisionedPermissionSetDoc
            {
                Id = ProvisionedPermissionSetDoc.Key(Management, permissionSet.PermissionSetArn), InstanceArn = instance.InstanceArn,
                AccountId = Management, PermissionSetArn = permissionSet.PermissionSetArn, RoleName = roleName, ProvisionedDate = now,
            });
            return (new Uri(emulator.Endpoint, $"start/{instance.IdentityStoreId}").ToString(), Management);
        });
    }

    private static async Task<JsonObject> Organizations(HttpClient http, string operation, object input)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") 
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(input), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", $"AWSOrganizationsV20161128.{operation}");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={Management}/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0");
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().BeLessThan(300, $"{operation} should succeed: {body}");
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!.AsObject();
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
