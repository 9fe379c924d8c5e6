using System.Net.Http.Json;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SSO;
using Amazon.SSOOIDC;
using Amazon.SSOOIDC.Model;

namespace Emulator.Tests.Support;

/// <summary>Real AWS SDK for .NET clients pointed at a listening emulator, and the device flow as the AWS CLI runs it.</summary>
public static class SsoSdk
{
    public const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

    public static AmazonSSOOIDCClient Oidc(Uri endpoint) =>
        new(new AnonymousAWSCredentials(), new AmazonSSOOIDCConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public static AmazonSSOClient Portal(Uri endpoint) =>
        new(new AnonymousAWSCredentials(), new AmazonSSOConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public static AmazonSecurityTokenServiceClient Sts(Uri endpoint, AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public static async Task<(RegisterClientResponse Client, StartDeviceAuthorizationResponse Device)> StartAsync(AmazonSSOOIDCClient oidc, string startUrl)
    {
        var client = await oidc.RegisterClientAsync(new RegisterClientRequest { ClientName = "emulator-tests", ClientType = "public" });
        var device = await oidc.StartDeviceAuthorizationAsync(new StartDeviceAuthorizationRequest
        {
            ClientId = client.ClientId, ClientSecret = client.ClientSecret, StartUrl = startUrl,
        });
        return (client, device);
    }

    public static Task<CreateTokenResponse> RedeemAsync(AmazonSSOOIDCClient oidc, RegisterClientResponse client, StartDeviceAuthorizationResponse device) =>
        oidc.CreateTokenAsync(new CreateTokenRequest
        {
            ClientId = client.ClientId, ClientSecret = client.ClientSecret, GrantType = DeviceCodeGrant, DeviceCode = device.DeviceCode,
        });

    /// <summary>POST /_emulator/sso/device/approve.</summary>
    public static Task<HttpResponseMessage> ApproveAsync(HttpClient http, string userCode, string userName, string password) =>
        http.PostAsJsonAsync("/_emulator/sso/device/approve", new { userCode, userName, password });

    /// <summary>The whole device flow for the world's user: register, start, approve through the control plane, redeem.</summary>
    public static async Task<CreateTokenResponse> SignInAsync(SsoWorld world, HttpClient http, string userName = SsoWorld.UserName, string password = SsoWorld.Password)
    {
        using var oidc = Oidc(world.Endpoint);
        var (client, device) = await StartAsync(oidc, world.StartUrl);
        (await ApproveAsync(http, device.UserCode, userName, password)).EnsureSuccessStatusCode();
        return await RedeemAsync(oidc, client, device);
    }
}
