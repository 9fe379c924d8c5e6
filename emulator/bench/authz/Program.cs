// Enforcement cost per call: `dotnet run -c Release --project emulator/bench/authz [-- <calls per round> <rounds>]`.
// Starts the emulator in process (in memory), makes what emulator/bench/enforcement.sh makes (an organization, the role
// bench-role, the IAM user bench-reader with ReadOnlyAccess and its access key), then runs, inside one store read as the
// endpoint does, exactly the endpoint's authorization for that user's DescribeOrganization and IAM GetRole
// (Callers.Identify + Authorizer.Check), and each of its steps alone. Reports µs per call (the minimum over the rounds,
// robust when other processes load the machine) and bytes allocated per call on this thread.
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Emulator.Hosting;
using Emulator.Services;
using Emulator.Services.Authorization;
using Emulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

var calls = args.Length > 0 ? int.Parse(args[0]) : 20_000;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 7;

var app = EmulatorApp.Build(["--in-memory", "--host", "127.0.0.1", "--port", "0"]);
await app.StartAsync();
var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var client = new HttpClient { BaseAddress = new Uri(url) };

async Task<string> Send(string service, HttpContent content, string? target = null)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
    request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0000");
    if (target is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
    using var response = await client.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{service} {target}: {response.StatusCode} {text}");
    return text;
}
Task<string> Iam(params (string, string)[] fields) => Send("iam", new FormUrlEncodedContent(
    fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)).Append(KeyValuePair.Create("Version", "2010-05-08"))));

await Send("organizations", new StringContent("""{"FeatureSet":"ALL"}""", null, "application/x-amz-json-1.1"), "AWSOrganizationsV20161128.CreateOrganization");
await Iam(("Action", "CreateRole"), ("RoleName", "bench-role"), ("AssumeRolePolicyDocument",
    """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
await Iam(("Action", "CreateUser"), ("UserName", "bench-reader"));
await Iam(("Action", "AttachUserPolicy"), ("UserName", "bench-reader"), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
var key = Regex.Match(await Iam(("Action", "CreateAccessKey"), ("UserName", "bench-reader")), "<AccessKeyId>([^<]+)</AccessKeyId>").Groups[1].Value;

var store = app.Services.GetRequiredService<StateStore>();
var options = app.Services.GetRequiredService<EmulatorOptions>();
var clock = app.Services.GetRequiredService<TimeProvider>();
var http = new DefaultHttpContext();
http.Connection.RemoteIpAddress = IPAddress.Loopback;

Console.WriteLine($"| Operation | step | µs per call (min of {rounds} × {calls:N0}) | bytes allocated per call |");
Console.WriteLine("|---|---|---|---|");
foreach (var (service, operation, body) in new[] { ("organizations", "DescribeOrganization", "{}"), ("iam", "GetRole", """{"RoleName":"bench-role"}""") })
{
    var model = ServiceCatalog.Shared.Named(service).Model;
    using var members = JsonDocument.Parse(body);
    var input = new ElementRequestMembers(members.RootElement);
    OperationContext Context(Tx tx)
    {
        var now = clock.GetUtcNow();
        return new OperationContext(Callers.Identify(tx, key, null, options, now).Caller!, tx, now, options);
    }
    var steps = new (string Name, Func<Tx, object?> Run)[]
    {
        ("store read + Callers.Identify (runs with enforcement off too)", tx => Context(tx)),
        ("Authorizer.Check, the whole enforcement step", tx => { Authorizer.Check(Context(tx), model, operation, input, http); return null; }),
    }.Concat(AuthorizationSteps.For(store, Context, model, operation, input));
    foreach (var (name, run) in steps)
    {
        var (micros, bytes) = Measure(() => store.Read(run));
        Console.WriteLine($"| {operation} | {name} | {micros:F2} | {bytes:N0} |");
    }
}
await app.StopAsync();

(double Micros, long Bytes) Measure(Action call)
{
    for (var warm = Stopwatch.StartNew(); warm.ElapsedMilliseconds < 1_000;) call(); // past the JIT's tiering
    var best = double.MaxValue;
    long bytes = 0;
    for (var round = 0; round < rounds; round++)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) call();
        best = Math.Min(best, watch.Elapsed.TotalMicroseconds / calls);
        bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / calls;
    }
    return (best, bytes);
}
