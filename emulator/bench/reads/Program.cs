// Read path cost: `dotnet run -c Release --project emulator/bench/reads [-- <calls per round> <rounds> [<operation>]]`.
// Builds the emulator in process (in memory) on a server that has no sockets (InProcessServer), makes what
// emulator/bench/run.sh makes (an organization of 50 accounts, trusted access for sso, the role bench-role), then sends
// the benchmark's reads through the whole middleware pipeline (request ids, failure boundary, cross-site guard,
// routing, AwsEndpoint, the trail) exactly as wrk does. Reports the process's CPU µs per request (all threads: the
// trail's commit and the GC included; the minimum over the rounds, robust when other processes load the machine),
// bytes allocated per request and the answer's size, so a change that alters the wire shows.
// READS_DATA=<file>: state in that LiteDB file (deleted first), as run.sh runs the emulator: the reads' trail events are
// then saved by the store's committer, and its CPU counts in the figures.
using System.Diagnostics;
using System.Text;
using Emulator.Hosting;
using Microsoft.AspNetCore.Hosting.Server;

var calls = args.Length > 0 ? int.Parse(args[0]) : 20_000;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 7;
var only = args.Length > 2 ? args[2] : null; // one operation (for a profiler attached meanwhile)

var dataFile = Environment.GetEnvironmentVariable("READS_DATA");
if (dataFile is not null)
    foreach (var file in new[] { dataFile, Path.ChangeExtension(dataFile, null) + "-log" + Path.GetExtension(dataFile) }) File.Delete(file);
var app = EmulatorApp.Build(dataFile is null ? ["--in-memory"] : ["--data", dataFile], builder => builder.Services.AddSingleton<IServer, InProcessServer>());
await app.StartAsync();
var server = (InProcessServer)app.Services.GetRequiredService<IServer>();

const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
var requests = new Dictionary<string, InProcessRequest>
{
    ["DescribeOrganization"] = Json("DescribeOrganization", "{}"),
    ["ListAWSServiceAccessForOrganization"] = Json("ListAWSServiceAccessForOrganization", "{}"),
    ["GetRole"] = Iam("Action=GetRole&Version=2010-05-08&RoleName=bench-role"),
    ["ListAccounts"] = Json("ListAccounts", """{"MaxResults":20}"""),
};
await Expect(Json("CreateOrganization", """{"FeatureSet":"ALL"}"""));
for (var i = 1; i < 50; i++)
    await Expect(Json("CreateAccount", $$"""{"Email":"bench{{i}}@example.com","AccountName":"bench{{i}}"}"""));
await Expect(Json("EnableAWSServiceAccess", """{"ServicePrincipal":"sso.amazonaws.com"}"""));
await Expect(Iam("Action=CreateRole&Version=2010-05-08&RoleName=bench-role&AssumeRolePolicyDocument=" + Uri.EscapeDataString(Policy)));

Console.WriteLine($"| Operation | CPU µs per request (min of {rounds} × {calls:N0}) | bytes allocated per request | answer bytes |");
Console.WriteLine("|---|---|---|---|");
foreach (var (name, request) in requests.Where(r => only is null || r.Key == only))
{
    var answer = await Expect(request);
    var (micros, bytes) = await Measure(request);
    Console.WriteLine($"| {name} | {micros:F2} | {bytes:N0} | {answer.Length:N0} |");
}
if (Environment.GetEnvironmentVariable("READS_SHOW") is not null)
    foreach (var (name, request) in requests) Console.WriteLine($"{name}: {Encoding.UTF8.GetString(await Expect(request))}");
await app.StopAsync();

InProcessRequest Json(string operation, string body) =>
    new("organizations", "application/x-amz-json-1.1", "AWSOrganizationsV20161128." + operation, body);

InProcessRequest Iam(string body) => new("iam", "application/x-www-form-urlencoded", null, body);

async Task<byte[]> Expect(InProcessRequest request)
{
    var (status, body) = await server.Send(request);
    if (status != 200) throw new InvalidOperationException($"{request.Target ?? request.Body}: {status} {Encoding.UTF8.GetString(body)}");
    return body;
}

async Task<(double Micros, long Bytes)> Measure(InProcessRequest request)
{
    for (var warm = Stopwatch.StartNew(); warm.ElapsedMilliseconds < 3_000;) await server.Send(request); // past the JIT's tiering
    var best = double.MaxValue;
    long bytes = long.MaxValue;
    for (var round = 0; round < rounds; round++)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < calls; i++) await server.Send(request);
        best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / calls);
        bytes = Math.Min(bytes, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / calls);
    }
    return (best, bytes);
}
