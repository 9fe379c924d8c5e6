using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Support;

namespace Emulator.Tests.ActiveDirectory;

/// <summary>
/// An <see cref="SsoWorld"/> whose identity source is the test DC: ds ConnectDirectory (svc-aws), waited to Active by
/// polling DescribeDirectories, then POST /_emulator/sso/identity-source. All through public APIs and the control plane.
/// </summary>
public sealed class AdWorld
{
    public const string DsTarget = "DirectoryService_20150416";

    private AdWorld(SsoWorld sso, HttpClient http) { Sso = sso; Http = http; }

    public SsoWorld Sso { get; }
    public HttpClient Http { get; }
    public string DirectoryId { get; private set; } = "";
    public JsonObject LastSync { get; private set; } = [];

    /// <summary>The settings an emulator needs to reach the test DC over LDAPS with the lab's CA.</summary>
    public static Dictionary<string, string> Settings(SambaDc dc, string security = "ldaps") => new()
    {
        ["Emulator:AdCaFile"] = dc.CaFile, ["Emulator:AdLdapSecurity"] = security, ["Emulator:AdDcAddress"] = SambaDc.Address,
    };

    public static async Task<AdWorld> CreateAsync(HttpClient http, object? syncScope = null)
    {
        var world = new AdWorld(await SsoWorld.CreateAsync(http), http);
        world.DirectoryId = await Connect(world.Sso.Management);
        (await WaitForStage(world.Sso.Management, world.DirectoryId))["Stage"]!.GetValue<string>().Should().Be("Active");
        await world.UseDirectory(syncScope);
        return world;
    }

    public static Task<AwsAnswer> Ds(AwsClient client, string operation, object input) => client.Json(DsTarget, operation, input, "ds");

    public Task<AwsAnswer> Ds(string operation, object input) => Ds(Sso.Management, operation, input);

    public static async Task<string> Connect(AwsClient client, string password = SambaDc.ServicePassword, string dnsIp = SambaDc.Address)
    {
        var answer = (await Ds(client, "ConnectDirectory", new
        {
            Name = SambaDc.DnsName, ShortName = SambaDc.NetBiosName, Password = password, Size = "Small",
            ConnectSettings = new { VpcId = "vpc-0123456789abcdef0", SubnetIds = new[] { "subnet-01234567", "subnet-89abcdef" },
                CustomerDnsIps = new[] { dnsIp }, CustomerUserName = SambaDc.ServiceUser },
        })).EnsureSuccess();
        return (string)answer.Json["DirectoryId"]!;
    }

    /// <summary>Polls DescribeDirectories until the directory leaves Requested/Creating (at most 30 s); answers its description.</summary>
    public static Task<JsonObject> WaitForStage(AwsClient client, string directoryId) => Eventually.Until(
        async () => (await Ds(client, "DescribeDirectories", new { DirectoryIds = new[] { directoryId } })).EnsureSuccess()
            .Json["DirectoryDescriptions"]![0]!.AsObject(),
        description => (string)description["Stage"]! is not ("Requested" or "Creating"), TimeSpan.FromSeconds(30));

    public async Task UseDirectory(object? syncScope = null, string? directoryId = "")
    {
        var response = await Http.PostAsJsonAsync("/_emulator/sso/identity-source",
            new { instanceArn = Sso.InstanceArn, directoryId = directoryId == "" ? DirectoryId : directoryId, syncScope });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"identity-source: {(int)response.StatusCode} {body}");
        LastSync = JsonNode.Parse(body)!.AsObject();
    }

    public async Task<JsonObject> Sync()
    {
        var response = await Http.PostAsJsonAsync("/_emulator/sso/identity-source/sync", new { instanceArn = Sso.InstanceArn });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sync: {(int)response.StatusCode} {body}");
        return LastSync = JsonNode.Parse(body)!.AsObject();
    }

    public Task<AwsAnswer> Ids(string operation, object input) => Sso.Management.Json("AWSIdentityStore", operation, input, "identitystore");

    public async Task<string> UserId(string userName) =>
        (string)(await Ids("GetUserId", new
        {
            Sso.IdentityStoreId,
            AlternateIdentifier = new { UniqueAttribute = new { AttributePath = "userName", AttributeValue = userName } },
        })).EnsureSuccess().Json["UserId"]!;

    public async Task<string> GroupId(string displayName) =>
        (string)(await Ids("GetGroupId", new
        {
            Sso.IdentityStoreId,
            AlternateIdentifier = new { UniqueAttribute = new { AttributePath = "displayName", AttributeValue = displayName } },
        })).EnsureSuccess().Json["GroupId"]!;

    /// <summary>The user names of a group's members (ListGroupMemberships, then DescribeUser).</summary>
    public async Task<List<string>> MemberNames(string groupName)
    {
        var memberships = (await Ids("ListGroupMemberships", new { Sso.IdentityStoreId, GroupId = await GroupId(groupName) })).EnsureSuccess()
            .Json["GroupMemberships"]!.AsArray();
        var names = new List<string>();
        foreach (var membership in memberships)
            names.Add((string)(await Ids("DescribeUser", new { Sso.IdentityStoreId, UserId = (string)membership!["MemberId"]!["UserId"]! }))
                .EnsureSuccess().Json["UserName"]!);
        return names.Order(StringComparer.Ordinal).ToList();
    }

    public static string Upn(string sam) => $"{sam}@{SambaDc.DnsName}";
}
