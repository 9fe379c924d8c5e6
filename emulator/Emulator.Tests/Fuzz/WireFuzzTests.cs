using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using CsCheck;
using Emulator.Services;
using Emulator.Tests.Support;
using Xunit.Abstractions;

namespace Emulator.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the AWS endpoint: generated valid and invalid requests to every operation of every
/// vendored model (implemented or not) never answer 5xx (other than 501 NotImplemented for an operation the emulator
/// lacks) and never change a seeded organization. Seeded by CsCheck: a failure prints the request and the seed;
/// rerun with the environment variable CsCheck_Seed set to it.
/// </summary>
public sealed class WireFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Generated_requests_to_every_operation_never_fail_the_server_nor_touch_the_seeded_organization()
    {
        var http = _factory.CreateClient();
        var management = _factory.Client(Management);
        var organizationId = (string)(await management.CreateOrganization())["Id"]!;
        await management.CreateAccount("Fuzz");
        (await management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso })).EnsureSuccess();
        var before = await SeededOrganization(http, organizationId);

        var operations = new ServiceCatalog().All
            .SelectMany(s => s.Model.OperationNames.Select(name => (Model: s.Model, Operation: name))).ToArray();
        var statuses = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();

        var requests =
            from index in Gen.Int[0, operations.Length - 1]
            from seed in Gen.Int
            from caller in Gen.OneOf("test", "222222222222", "AKIAFUZZFUZZFUZZFUZZ")
            select new RequestGenerator(new Random(seed), caller).Build(operations[index].Model, operations[index].Operation);

        await requests.SampleAsync(async request =>
        {
            using var message = request.ToHttp();
            using var response = await http.SendAsync(message);
            var status = (int)response.StatusCode;
            var code = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First() : null;
            var body = await response.Content.ReadAsStringAsync();
            statuses.AddOrUpdate(status == 501 ? "501 NotImplemented" : $"{status / 100}xx", 1, (_, n) => n + 1);
            if (status == 501 && (code == "NotImplemented" || body.Contains("<Code>NotImplemented</Code>"))) return;
            if (status >= 500) throw new Xunit.Sdk.XunitException($"HTTP {status}: {body}");
        }, iter: 10_000, threads: 1, print: request => request.ToString());

        clock.Stop();
        output.WriteLine($"{statuses.Values.Sum()} requests in {clock.Elapsed.TotalSeconds:F1} s: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} = {s.Value}")));
        statuses.Values.Sum().Should().BeGreaterThanOrEqualTo(10_000);
        statuses.Keys.Should().Contain("2xx", "some generated requests are valid and succeed");
        (await SeededOrganization(http, organizationId)).Should().Be(before);
    }

    /// <summary>The organization, its accounts and their roles, as the control plane shows them.</summary>
    private static async Task<string> SeededOrganization(HttpClient http, string organizationId)
    {
        var state = JsonNode.Parse(await http.GetStringAsync("/_emulator/state"))!;
        var organization = state["organizations"]!.AsArray().Single(o => (string)o!["id"]! == organizationId)!.ToJsonString();
        var accounts = state["accounts"]!.AsArray().Where(a => (string?)a!["organizationId"] == organizationId).Select(a => a!.ToJsonString());
        return organization + "\n" + string.Join("\n", accounts);
    }
}
