// Evaluation cost per request: `dotnet run -c Release --project emulator/bench/eval [-- <rounds>]` on a quiet machine.
// Each case evaluates one identity-based policy of N statements (Action wildcards, a Resource ARN pattern and a
// StringEquals condition each, as in real customer policies) against iam:GetRole, the way enforcement does per request.
using System.Diagnostics;
using Emulator.Services.Authorization;

var rounds = args.Length > 0 ? int.Parse(args[0]) : 200_000;

static Policy WithStatements(int count, bool lastAllows) => PolicyParser.Parse(
    "{\"Version\":\"2012-10-17\",\"Statement\":[" +
    string.Join(',', Enumerable.Range(0, count).Select(i => lastAllows && i == count - 1
        ? "{\"Effect\":\"Allow\",\"Action\":\"iam:Get*\",\"Resource\":\"arn:aws:iam::111122223333:role/*\"}"
        : $"{{\"Effect\":\"Allow\",\"Action\":[\"iam:Get{i}*\",\"iam:List{i}*\"],\"Resource\":\"arn:aws:iam::111122223333:role/team{i}/*\",\"Condition\":{{\"StringEquals\":{{\"aws:PrincipalTag/team\":\"t{i}\"}}}}}}")) +
    "]}");

var request = new RequestContext("iam:GetRole", "arn:aws:iam::111122223333:role/app")
    .With("aws:PrincipalTag/team", "x").With("aws:PrincipalAccount", "111122223333");

Console.WriteLine($"| statements | decision | µs per evaluation ({rounds:N0} rounds) |");
Console.WriteLine("|---|---|---|");
foreach (var (statements, lastAllows) in new[] { (0, false), (10, false), (10, true), (50, false), (50, true) })
{
    var policies = new PolicySet { Identity = statements == 0 ? [] : [WithStatements(statements, lastAllows)] };
    var decision = PolicyEvaluator.Evaluate(policies, request).Decision;
    for (var i = 0; i < rounds / 10; i++) PolicyEvaluator.Evaluate(policies, request);
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < rounds; i++) PolicyEvaluator.Evaluate(policies, request);
    Console.WriteLine($"| {statements} | {decision} | {watch.Elapsed.TotalMicroseconds / rounds:F2} |");
}
