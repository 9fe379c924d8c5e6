// In-process start cost: `dotnet run -c Release --project emulator/bench/startasync [-- <starts>]`.
// Times EmulatorServer.StartAsync() (to a listening server), the first CreateOrganization on it, and DisposeAsync, for
// the first start in the process and for each later one; prints the first, then the minimum and median of the rest.
using System.Diagnostics;
using System.Text;
using Emulator.Hosting;

var starts = args.Length > 0 ? int.Parse(args[0]) : 20;
using var http = new HttpClient();
var rows = new List<(double Start, double FirstAnswer, double Stop)>();
for (var i = 0; i < starts; i++)
{
    var watch = Stopwatch.StartNew();
    var emulator = await EmulatorServer.StartAsync();
    var started = watch.Elapsed.TotalMilliseconds;
    using var request = new HttpRequestMessage(HttpMethod.Post, emulator.Endpoint)
    {
        Content = new StringContent("{\"FeatureSet\":\"ALL\"}", Encoding.UTF8, "application/x-amz-json-1.1"),
    };
    request.Headers.Add("X-Amz-Target", "AWSOrganizationsV20161128.CreateOrganization");
    request.Headers.TryAddWithoutValidation("Authorization",
        "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0");
    watch.Restart();
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    var answered = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    await emulator.DisposeAsync();
    rows.Add((started, answered, watch.Elapsed.TotalMilliseconds));
}

static string Figures(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? "n/a" : $"{sorted[0]:F1} / {sorted[sorted.Count / 2]:F1}";
}

var later = rows.Skip(1).ToList();
Console.WriteLine($"| in-process ({starts} starts) | first start, ms | later starts, min / median ms |");
Console.WriteLine("|---|---|---|");
Console.WriteLine($"| EmulatorServer.StartAsync() | {rows[0].Start:F1} | {Figures(later.Select(r => r.Start))} |");
Console.WriteLine($"| first CreateOrganization after it | {rows[0].FirstAnswer:F1} | {Figures(later.Select(r => r.FirstAnswer))} |");
Console.WriteLine($"| DisposeAsync() | {rows[0].Stop:F1} | {Figures(later.Select(r => r.Stop))} |");
