using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Support;

namespace Emulator.Tests.Trail;

/// <summary>Issue 11: the organization-wide listing, the event stream, their Swagger entries and the console page's HTTP side.</summary>
public sealed class TrailControlPlaneTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public TrailControlPlaneTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_listing_is_organization_wide_and_filters_by_account_and_errors()
    {
        await _management.CreateOrganization();
        var dev = await _management.CreateAccount("Dev");
        (await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso })).EnsureSuccess();
        (await _management.As(dev).Iam("DeleteRole", ("RoleName", "AWSServiceRoleForSSO"))).ErrorCode.Should().Be("UnmodifiableEntity");
        var http = _factory.CreateClient();

        var all = (await http.GetFromJsonAsync<JsonObject>("/_emulator/events.json"))!["events"]!.AsArray();
        all.Select(e => (string)e!["accountId"]!).Should().Contain([Management, dev]);
        var devOnly = (await http.GetFromJsonAsync<JsonObject>($"/_emulator/events.json?account={dev}"))!["events"]!.AsArray();
        devOnly.Should().NotBeEmpty().And.OnlyContain(e => (string)e!["accountId"]! == dev);
        devOnly.Should().Contain(e => (string)e!["eventType"]! == "AwsServiceEvent" && (string)e["record"]!["userIdentity"]!["invokedBy"]! == "sso.amazonaws.com");

        var errors = await Eventually.Until( // refused calls are recorded a moment later
            async () => (await http.GetFromJsonAsync<JsonObject>("/_emulator/events.json?errorsOnly=true"))!["events"]!.AsArray(),
            found => found.Count >= 2, TimeSpan.FromSeconds(5));
        errors.Should().HaveCount(2, "the refused DeleteRole and the service's refusal").And.OnlyContain(e => (string)e!["errorCode"]! == "UnmodifiableEntity");
    }

    [Fact]
    public async Task The_stream_sends_each_event_recorded_after_since_with_its_event_id()
    {
        await _management.CreateOrganization();
        var http = _factory.CreateClient();
        var first = (string)(await http.GetFromJsonAsync<JsonObject>("/_emulator/events.json"))!["events"]![0]!["eventId"]!;
        (await _management.Iam("CreateUser", ("UserName", "streamed"))).EnsureSuccess();

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await http.GetAsync($"/_emulator/events?since={first}", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        string? id = null, data = null;
        while (data is null && await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
        }
        var record = JsonNode.Parse(data!)!;
        record["eventName"]!.GetValue<string>().Should().Be("CreateUser");
        record["eventID"]!.GetValue<string>().Should().Be(id);
    }

    [Fact]
    public async Task Swagger_documents_the_trail_endpoints()
    {
        var document = await _factory.CreateClient().GetFromJsonAsync<JsonObject>("/_emulator/swagger/v1/swagger.json");
        document!["paths"]!.AsObject().Select(p => p.Key).Should().Contain(["/_emulator/events", "/_emulator/events.json"]);
    }

    [Fact]
    public async Task The_console_renders_without_javascript_and_refuses_a_toggle_without_its_antiforgery_token()
    {
        var organization = await _management.CreateOrganization();
        var http = _factory.CreateClient();

        var page = await http.GetStringAsync("/_emulator/console");
        page.Should().Contain((string)organization["Id"]!).And.Contain("__RequestVerificationToken").And.NotContain("<script src");

        var forged = await http.PostAsync("/_emulator/console/trusted-access", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organizationId"] = (string)organization["Id"]!, ["servicePrincipal"] = OrganizationsSteps.Sso, ["change"] = "enable",
        }));
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var listed = (await _management.Organizations("ListAWSServiceAccessForOrganization")).EnsureSuccess();
        listed.Json["EnabledServicePrincipals"]!.AsArray().Should().BeEmpty("a forged form changes nothing");
    }
}
