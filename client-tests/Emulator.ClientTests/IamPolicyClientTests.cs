using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.ClientTests.Support;

namespace Emulator.ClientTests;

/// <summary>
/// Authorization with real clients: an Identity Center user whose permission set is ViewOnlyAccess lists but cannot
/// delete (AWS CLI, exact message); the policy simulator and customer managed policies through boto3.
/// </summary>
public sealed class IamPolicyClientTests : EmulatorTest
{
    [Fact]
    public async Task An_Identity_Center_user_with_ViewOnlyAccess_can_list_but_not_delete()
    {
        var seeded = await IdentityCenterSeed.SeedAsync(Emulator, permissionSet: "ViewOnly");
        var permissionSetArn = (await Aws(Management, "sso-admin", "list-permission-sets", "--instance-arn", seeded.InstanceArn))
            .Json().GetProperty("PermissionSets")[0].GetString()!;
        (await Aws(Management, "sso-admin", "attach-managed-policy-to-permission-set", "--instance-arn", seeded.InstanceArn,
            "--permission-set-arn", permissionSetArn, "--managed-policy-arn", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess")).ShouldSucceed();
        (await Aws(Management, "sso-admin", "provision-permission-set", "--instance-arn", seeded.InstanceArn,
            "--permission-set-arn", permissionSetArn, "--target-type", "ALL_PROVISIONED_ACCOUNTS")).ShouldSucceed();
        var alice = await RoleCredentials(seeded);

        var identity = (await Aws(alice, "sts", "get-caller-identity")).Json().GetProperty("Arn").GetString()!;
        (await Aws(alice, "iam", "list-roles")).ShouldSucceed();
        (await Aws(alice, "organizations", "list-accounts")).ShouldSucceed();
        var delete = await Aws(alice, "iam", "delete-role", "--role-name", "AWSServiceRoleForSSO");
        delete.ShouldFailWith("AccessDenied", "DeleteRole").Stderr.Should().Contain(
            $"User: {identity} is not authorized to perform: iam:DeleteRole on resource: role AWSServiceRoleForSSO because no identity-based policy allows the iam:DeleteRole action");
        (await Aws(alice, "organizations", "create-organizational-unit", "--parent-id", "r-none", "--name", "x"))
            .ShouldFailWith("AccessDeniedException", "CreateOrganizationalUnit");
    }

    [Fact]
    public async Task The_policy_simulator_through_boto3() => await RunScript("iam_policy_simulator.py");

    [Fact]
    public async Task Customer_managed_policies_and_groups_through_boto3() => await RunScript("iam_customer_policies.py");

    private async Task RunScript(string script)
    {
        var result = await Boto3Script.Run(Emulator.Endpoint, script, Management);
        result.ExitCode.Should().Be(0, "the boto3 script should pass:\n{0}", result);
        result.Stdout.Should().Contain("PASS", "the script should report that it ran to the end:\n{0}", result);
    }

    /// <summary>What `aws sso login` and the SSO credential provider do: device authorization approved as the user, then the role's credentials.</summary>
    private async Task<Credentials> RoleCredentials(SeededIdentityCenter seeded)
    {
        using var http = new HttpClient { BaseAddress = Emulator.Endpoint };
        async Task<JsonObject> Post(string path, object body)
        {
            var response = await http.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            response.IsSuccessStatusCode.Should().BeTrue($"POST {path}: {text}");
            return JsonNode.Parse(text)!.AsObject();
        }
        var client = await Post("/client/register", new { clientName = "client-tests", clientType = "public" });
        var (clientId, clientSecret) = ((string)client["clientId"]!, (string)client["clientSecret"]!);
        var device = await Post("/device_authorization", new { clientId, clientSecret, startUrl = seeded.StartUrl });
        await IdentityCenterSeed.Post(http, "/_emulator/sso/device/approve", new { userCode = (string)device["userCode"]!, userName = seeded.UserName, password = seeded.Password });
        var token = await Post("/token", new { clientId, clientSecret, grantType = "urn:ietf:params:oauth:grant-type:device_code", deviceCode = (string)device["deviceCode"]! });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/federation/credentials?account_id={seeded.AccountId}&role_name={seeded.RoleName}");
        request.Headers.Add("x-amz-sso_bearer_token", (string)token["accessToken"]!);
        var answer = await http.SendAsync(request);
        var credentials = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["roleCredentials"]!;
        return new Credentials((string)credentials["accessKeyId"]!, (string)credentials["secretAccessKey"]!, (string)credentials["sessionToken"]!);
    }
}
