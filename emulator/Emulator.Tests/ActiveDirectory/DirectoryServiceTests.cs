using System.Net;
using Emulator.Tests.Support;

namespace Emulator.Tests.ActiveDirectory;

/// <summary>ds against the Samba DC: a directory goes Requested → Creating → Active, or Failed with the reason.</summary>
[Collection(SambaDcCollection.Name)]
public sealed class DirectoryServiceTests(SambaDc dc) : IDisposable
{
    private readonly EmulatorFactory _factory = new(AdWorld.Settings(dc));

    public void Dispose() => _factory.Dispose();

    private AwsClient Client(string account = "111111111111") => _factory.Client(account);

    [Fact]
    public async Task ConnectDirectory_with_the_right_service_account_becomes_Active()
    {
        var id = await AdWorld.Connect(Client());
        id.Should().MatchRegex("^d-[0-9a-f]{10}$");
        var first = (await AdWorld.Ds(Client(), "DescribeDirectories", new { DirectoryIds = new[] { id } })).EnsureSuccess()
            .Json["DirectoryDescriptions"]![0]!;
        ((string)first["Stage"]!).Should().BeOneOf("Requested", "Creating", "Active");

        var description = await AdWorld.WaitForStage(Client(), id);
        ((string)description["Stage"]!).Should().Be("Active");
        ((string)description["Type"]!).Should().Be("ADConnector");
        ((string)description["Name"]!).Should().Be(SambaDc.DnsName);
        ((string)description["ConnectSettings"]!["CustomerUserName"]!).Should().Be(SambaDc.ServiceUser);
        description["DnsIpAddrs"]!.AsArray().Select(ip => (string)ip!).Should().Equal(SambaDc.Address);
        description.ContainsKey("StageReason").Should().BeFalse();
    }

    [Fact]
    public async Task ConnectDirectory_over_plain_LDAP_becomes_Active_when_the_DC_allows_simple_binds_without_TLS()
    {
        using var plain = new EmulatorFactory(new Dictionary<string, string> { ["Emulator:AdLdapSecurity"] = "plain" });
        var id = await AdWorld.Connect(plain.Client("111111111111"));
        ((string)(await AdWorld.WaitForStage(plain.Client("111111111111"), id))["Stage"]!).Should().Be("Active");
    }

    [Fact]
    public async Task ConnectDirectory_over_LDAPS_without_the_operators_CA_fails_as_unreachable()
    {
        using var untrusted = new EmulatorFactory(new Dictionary<string, string> { ["Emulator:AdLdapSecurity"] = "ldaps" });
        var id = await AdWorld.Connect(untrusted.Client("111111111111"));
        var description = await AdWorld.WaitForStage(untrusted.Client("111111111111"), id);
        ((string)description["Stage"]!).Should().Be("Failed"); // the DC's certificate is not trusted: libldap reports "server unavailable"
        ((string)description["StageReason"]!).Should().Contain("unable to reach a domain controller");
    }

    [Fact]
    public async Task ConnectDirectory_with_a_wrong_service_password_fails_with_the_reason()
    {
        var id = await AdWorld.Connect(Client(), password: "Wrong!Pass123");
        var description = await AdWorld.WaitForStage(Client(), id);
        ((string)description["Stage"]!).Should().Be("Failed");
        ((string)description["StageReason"]!).Should().Contain("service account credentials are invalid");
    }

    [Fact]
    public async Task ConnectDirectory_to_an_unreachable_host_fails_with_the_reason()
    {
        var id = await AdWorld.Connect(Client(), dnsIp: "127.0.0.2"); // nothing listens there
        var description = await AdWorld.WaitForStage(Client(), id);
        ((string)description["Stage"]!).Should().Be("Failed");
        ((string)description["StageReason"]!).Should().Contain("unable to reach a domain controller").And.Contain("127.0.0.2");
    }

    [Fact]
    public async Task ConnectDirectory_refuses_IPv6_DNS_addresses_and_a_missing_IPv4_list()
    {
        var answer = await AdWorld.Ds(Client(), "ConnectDirectory", new
        {
            Name = SambaDc.DnsName, Password = "x", Size = "Small",
            ConnectSettings = new { VpcId = "vpc-0123456789abcdef0", SubnetIds = new[] { "subnet-01234567" }, CustomerUserName = "svc",
                CustomerDnsIpsV6 = new[] { "::1" } },
        });
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("InvalidParameterException");
    }

    [Fact]
    public async Task CreateMicrosoftAD_points_at_the_local_dc_and_binds_as_Admin()
    {
        var created = (await AdWorld.Ds(Client(), "CreateMicrosoftAD", new
        {
            Name = SambaDc.DnsName, ShortName = SambaDc.NetBiosName, Password = SambaDc.ManagedAdminPassword, Edition = "Standard",
            VpcSettings = new { VpcId = "vpc-0123456789abcdef0", SubnetIds = new[] { "subnet-01234567", "subnet-89abcdef" } },
        })).EnsureSuccess();
        var description = await AdWorld.WaitForStage(Client(), (string)created.Json["DirectoryId"]!);
        ((string)description["Stage"]!).Should().Be("Active");
        ((string)description["Type"]!).Should().Be("MicrosoftAD");
        ((string)description["Edition"]!).Should().Be("Standard");
        description["DnsIpAddrs"]!.AsArray().Select(ip => (string)ip!).Should().Equal(SambaDc.Address);
        ((string)description["VpcSettings"]!["VpcId"]!).Should().Be("vpc-0123456789abcdef0");
    }

    [Fact]
    public async Task CreateMicrosoftAD_without_a_configured_dc_is_unsupported()
    {
        using var bare = new EmulatorFactory();
        var answer = await AdWorld.Ds(bare.Client("111111111111"), "CreateMicrosoftAD", new
        {
            Name = SambaDc.DnsName, Password = SambaDc.ManagedAdminPassword,
            VpcSettings = new { VpcId = "vpc-0123456789abcdef0", SubnetIds = new[] { "subnet-01234567" } },
        });
        answer.ErrorCode.Should().Be("UnsupportedOperationException");
        answer.ErrorMessage.Should().Contain("--ad-dc-address");
    }

    [Fact]
    public async Task DescribeDirectories_pages_and_answers_only_the_callers_directories()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await AdWorld.Connect(Client(), dnsIp: "127.0.0.2"));
        await AdWorld.Connect(Client("222222222222"), dnsIp: "127.0.0.2");

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = (await AdWorld.Ds(Client(), "DescribeDirectories", token is null ? new { Limit = 2 } : new { Limit = 2, NextToken = token })).EnsureSuccess().Json;
            page["DirectoryDescriptions"]!.AsArray().Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(page["DirectoryDescriptions"]!.AsArray().Select(d => (string)d!["DirectoryId"]!));
            token = (string?)page["NextToken"];
        }
        while (token is not null);
        seen.Should().BeEquivalentTo(ids);

        var unknown = await AdWorld.Ds(Client(), "DescribeDirectories", new { DirectoryIds = new[] { "d-0000000000" } });
        unknown.ErrorCode.Should().Be("EntityDoesNotExistException");
        (await AdWorld.Ds(Client(), "DescribeDirectories", new { NextToken = "bogus" })).ErrorCode.Should().Be("InvalidNextTokenException");
    }

    [Fact]
    public async Task CreateAlias_sets_the_access_url_once_and_DeleteDirectory_removes_the_directory()
    {
        var id = await AdWorld.Connect(Client(), dnsIp: "127.0.0.2");
        var alias = "corp" + Guid.NewGuid().ToString("N")[..8];
        (await AdWorld.Ds(Client(), "CreateAlias", new { DirectoryId = id, Alias = alias })).EnsureSuccess().Json["Alias"]!.GetValue<string>().Should().Be(alias);
        var description = await AdWorld.WaitForStage(Client(), id);
        ((string)description["AccessUrl"]!).Should().Be($"{alias}.awsapps.com");
        (await AdWorld.Ds(Client(), "CreateAlias", new { DirectoryId = id, Alias = alias + "x" })).ErrorCode.Should().Be("InvalidParameterException");
        var other = await AdWorld.Connect(Client(), dnsIp: "127.0.0.2");
        (await AdWorld.Ds(Client(), "CreateAlias", new { DirectoryId = other, Alias = alias })).ErrorCode.Should().Be("EntityAlreadyExistsException");

        (await AdWorld.Ds(Client(), "DeleteDirectory", new { DirectoryId = id })).EnsureSuccess().Json["DirectoryId"]!.GetValue<string>().Should().Be(id);
        (await AdWorld.Ds(Client(), "DescribeDirectories", new { DirectoryIds = new[] { id } })).ErrorCode.Should().Be("EntityDoesNotExistException");
        (await AdWorld.Ds(Client(), "DeleteDirectory", new { DirectoryId = id })).ErrorCode.Should().Be("EntityDoesNotExistException");
        (await AdWorld.Ds(Client("222222222222"), "DeleteDirectory", new { DirectoryId = other })).ErrorCode.Should().Be("EntityDoesNotExistException");
    }
}
