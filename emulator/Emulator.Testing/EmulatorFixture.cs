using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Hosting;
using Emulator.Tests.Support;
using Xunit;

namespace Emulator.Testing;

/// <summary>
/// One emulator for an xunit test class (<c>IClassFixture&lt;EmulatorFixture&gt;</c>) or collection
/// (<c>ICollectionFixture&lt;EmulatorFixture&gt;</c>): a free loopback port, in-memory state, gone after the last test.
/// Point AWS SDK clients at <see cref="Endpoint"/>; a 12-digit access key id makes the caller that account's root user.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    public const string ManagementAccountId = "111111111111";

    private EmulatorServer? _server;

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator starts in InitializeAsync.");

    /// <summary>The base URL for clients, e.g. http://127.0.0.1:41234/ (ServiceURL in the .NET SDK).</summary>
    public Uri Endpoint => Server.Endpoint;

    /// <summary>The account of callers whose key is not an account id (e.g. "test").</summary>
    protected virtual string DefaultAccount => "000000000000";

    public virtual async Task InitializeAsync() => _server = await EmulatorServer.StartAsync(defaultAccount: DefaultAccount);

    public virtual async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>An organization with all features whose management account is <paramref name="managementAccountId"/>; answers its id.</summary>
    public async Task<string> CreateOrganizationAsync(string managementAccountId = ManagementAccountId)
    {
        var answer = await CallAsync(managementAccountId, "organizations", "AWSOrganizationsV20161128.CreateOrganization", new { FeatureSet = "ALL" });
        return answer["Organization"]!["Id"]!.GetValue<string>();
    }

    /// <summary>A member account created by the management account (waits for CreateAccount to finish); answers its id.</summary>
    public async Task<string> CreateAccountAsync(string name, string managementAccountId = ManagementAccountId)
    {
        var requestId = (await CallAsync(managementAccountId, "organizations", "AWSOrganizationsV20161128.CreateAccount",
            new { Email = $"{name}-{Guid.NewGuid():N}@example.com", AccountName = name }))["CreateAccountStatus"]!["Id"]!.GetValue<string>();
        var status = await Eventually.Until(
            async () => (await CallAsync(managementAccountId, "organizations", "AWSOrganizationsV20161128.DescribeCreateAccountStatus",
                new { CreateAccountRequestId = requestId }))["CreateAccountStatus"]!,
            settled => settled["State"]!.GetValue<string>() != "IN_PROGRESS", TimeSpan.FromSeconds(4));
        if (status["State"]!.GetValue<string>() != "SUCCEEDED") throw new InvalidOperationException($"CreateAccount did not succeed: {status}");
        return status["AccountId"]!.GetValue<string>();
    }

    /// <summary>The seeded organization most tests start from: the management account and the named members.</summary>
    public async Task<SeededOrganization> SeedOrganizationAsync(params string[] memberNames)
    {
        var organizationId = await CreateOrganizationAsync();
        var members = new List<string>();
        foreach (var name in memberNames) members.Add(await CreateAccountAsync(name));
        return new SeededOrganization(organizationId, ManagementAccountId, members);
    }

    /// <summary>IAM Identity Center's console "Enable" for the organization (POST /_emulator/sso/setup).</summary>
    public async Task<IdentityCenter> EnableIdentityCenterAsync(string managementAccountId = ManagementAccountId)
    {
        using var http = new HttpClient { BaseAddress = Endpoint };
        var response = await http.PostAsJsonAsync("/_emulator/sso/setup", new { accountId = managementAccountId });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"IAM Identity Center setup failed: {body}");
        return new IdentityCenter(body["instanceArn"]!.GetValue<string>(), body["identityStoreId"]!.GetValue<string>(),
            body["startUrl"]!.GetValue<string>(), body["portalUrl"]!.GetValue<string>());
    }

    /// <summary>
    /// An IAM user of the account with an AWS managed policy attached (AdministratorAccess by default) and an access key:
    /// the caller for what root users may not do, e.g. sts:AssumeRole. IAM policies are enforced, as on AWS.
    /// </summary>
    public async Task<AccessKey> CreateIamUserAsync(string accountId, string userName, string policyArn = "arn:aws:iam::aws:policy/AdministratorAccess")
    {
        await QueryAsync(accountId, "iam", new() { ["Action"] = "CreateUser", ["Version"] = "2010-05-08", ["UserName"] = userName });
        await QueryAsync(accountId, "iam", new() { ["Action"] = "AttachUserPolicy", ["Version"] = "2010-05-08", ["UserName"] = userName, ["PolicyArn"] = policyArn });
        var key = System.Xml.Linq.XDocument.Parse(await QueryAsync(accountId, "iam",
            new() { ["Action"] = "CreateAccessKey", ["Version"] = "2010-05-08", ["UserName"] = userName }));
        string Value(string name) => key.Descendants().First(e => e.Name.LocalName == name).Value;
        return new AccessKey(Value("AccessKeyId"), Value("SecretAccessKey"));
    }

    /// <summary>A Query (IAM, STS) AWS call signed (by header only) as an account's root user; answers the XML.</summary>
    public async Task<string> QueryAsync(string accountId, string signingService, Dictionary<string, string> form)
    {
        using var http = new HttpClient { BaseAddress = Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accountId}/20260101/us-east-1/{signingService}/aws4_request, SignedHeaders=host, Signature=0");
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{form["Action"]} failed ({(int)response.StatusCode}): {text}");
        return text;
    }

    /// <summary>A JSON 1.1 AWS call signed (by header only; signatures are not verified) as an account's root user.</summary>
    public async Task<JsonNode> CallAsync(string accountId, string signingService, string target, object input)
    {
        using var http = new HttpClient { BaseAddress = Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(input), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accountId}/20260101/us-east-1/{signingService}/aws4_request, SignedHeaders=host, Signature=0");
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{target} failed ({(int)response.StatusCode}): {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}

public sealed record SeededOrganization(string OrganizationId, string ManagementAccountId, IReadOnlyList<string> MemberAccountIds);

public sealed record AccessKey(string AccessKeyId, string SecretAccessKey);

public sealed record IdentityCenter(string InstanceArn, string IdentityStoreId, string StartUrl, string PortalUrl);
