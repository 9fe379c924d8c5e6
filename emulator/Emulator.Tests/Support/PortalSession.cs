using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Emulator.Tests.Support;

/// <summary>
/// The AWS access portal as the AWS CLI reaches it, over plain HTTP (so it works with the in-process test server): the
/// SSO OIDC device flow approved through POST /_emulator/sso/device/approve, then the portal API with the bearer token.
/// </summary>
public sealed class PortalSession
{
    private readonly HttpClient _http;

    private PortalSession(HttpClient http, string? refusal, string token) { _http = http; Refusal = refusal; Token = token; }

    /// <summary>Why the sign-in failed ("sign-in refused: …" or "approval: &lt;status&gt;"), or null when it succeeded.</summary>
    public string? Refusal { get; }

    /// <summary>The SSO access token (empty when refused).</summary>
    public string Token { get; }

    /// <summary>Registers a client, starts the device authorization for the start URL, approves it as the user and redeems the token.</summary>
    public static async Task<PortalSession> SignInAsync(HttpClient http, string startUrl, string userName, string password)
    {
        var client = await PostJson(http, "/client/register", new { clientName = "emulator-tests", clientType = "public" });
        var (clientId, clientSecret) = ((string)client["clientId"]!, (string)client["clientSecret"]!);
        JsonObject device;
        try { device = await PostJson(http, "/device_authorization", new { clientId, clientSecret, startUrl }); }
        catch (InvalidOperationException failure) { return new PortalSession(http, $"sign-in refused: {failure.Message}", ""); }
        var approval = await SsoSdk.ApproveAsync(http, (string)device["userCode"]!, userName, password);
        if (!approval.IsSuccessStatusCode) return new PortalSession(http, $"approval: {(int)approval.StatusCode}", "");
        var token = await PostJson(http, "/token", new { clientId, clientSecret, grantType = SsoSdk.DeviceCodeGrant, deviceCode = (string)device["deviceCode"]! });
        return new PortalSession(http, null, (string)token["accessToken"]!);
    }

    /// <summary>Every (account, role) pair the portal lists (ListAccounts, then ListAccountRoles per account), or the error type it answers.</summary>
    public async Task<PortalView> ViewAsync()
    {
        if (Refusal is not null) return new PortalView(Refusal, []);
        var accounts = await Get("/assignment/accounts?max_result=100");
        if (accounts.ErrorType is { } refused) return new PortalView(refused, []);
        var roles = new List<(string AccountId, string RoleName)>();
        foreach (var account in accounts.Body["accountList"]!.AsArray())
        {
            var accountId = (string)account!["accountId"]!;
            var listed = await Get($"/assignment/roles?account_id={accountId}&max_result=100");
            roles.AddRange(listed.Body["roleList"]!.AsArray().Select(r => (accountId, (string)r!["roleName"]!)));
        }
        return new PortalView(null, roles);
    }

    /// <summary>GetRoleCredentials: temporary credentials of the role session named after the user.</summary>
    public async Task<AwsClient> RoleCredentialsAsync(string accountId, string roleName)
    {
        var answer = await Get($"/federation/credentials?account_id={accountId}&role_name={roleName}");
        if (answer.ErrorType is { } refused) throw new InvalidOperationException($"GetRoleCredentials: {refused}");
        var credentials = answer.Body["roleCredentials"]!;
        return new AwsClient(_http, (string)credentials["accessKeyId"]!, (string)credentials["sessionToken"]!);
    }

    private async Task<(string? ErrorType, JsonObject Body)> Get(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-amz-sso_bearer_token", Token);
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.Single() : null;
        return (response.IsSuccessStatusCode ? null : errorType ?? ((int)response.StatusCode).ToString(), JsonNode.Parse(text)!.AsObject());
    }

    private static async Task<JsonObject> PostJson(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

/// <summary>The portal as a signed-in user sees it: the error it answers (e.g. ForbiddenException), or every (account, role) pair.</summary>
public sealed record PortalView(string? ErrorType, IReadOnlyList<(string AccountId, string RoleName)> Roles);
