using System.Diagnostics;
using Emulator.Services.Authorization;
using Xunit.Abstractions;

namespace Emulator.Tests.Authorization;

/// <summary>The evaluator's cost per request with 0, 10 and 50 identity-policy statements (a micro-benchmark; the figure is printed).</summary>
public class EvaluationCostTests(ITestOutputHelper output)
{
    private static Policy WithStatements(int count) => PolicyParser.Parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[" +
        string.Join(',', Enumerable.Range(0, count).Select(i =>
            $"{{\"Effect\":\"Allow\",\"Action\":[\"iam:Get{i}*\",\"iam:List{i}*\"],\"Resource\":\"arn:aws:iam::111122223333:role/team{i}/*\",\"Condition\":{{\"StringEquals\":{{\"aws:PrincipalTag/team\":\"t{i}\"}}}}}}")) +
        "]}");

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(50)]
    public void Evaluation_costs_microseconds(int statements)
    {
        var policies = new PolicySet { Identity = statements == 0 ? [] : [WithStatements(statements)] };
        var request = new RequestContext("iam:GetRole", "arn:aws:iam::111122223333:role/app").With("aws:PrincipalTag/team", "x");
        for (var i = 0; i < 2_000; i++) PolicyEvaluator.Evaluate(policies, request);
        const int rounds = 20_000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) PolicyEvaluator.Evaluate(policies, request);
        var microseconds = watch.Elapsed.TotalMicroseconds / rounds;
        output.WriteLine($"{statements} statements: {microseconds:F2} µs per evaluation");
        microseconds.Should().BeLessThan(1_000);
    }
}
