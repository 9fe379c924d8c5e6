using System.Text.Json.Nodes;
using Emulator.ClientConfig;

namespace Emulator.Tests;

/// <summary>`Emulator cli-config`: the AWS_DATA_PATH folder of endpoint rule sets, one per emulated service.</summary>
public sealed class ClientConfigTests
{
    [Fact]
    public void Cli_config_writes_one_endpoint_rule_set_per_service_answering_the_emulator_unless_an_endpoint_is_given()
    {
        var dir = Directory.CreateTempSubdirectory("cli-config-").FullName;
        var output = new StringWriter();

        CliConfigCommand.Run(["--endpoint", "http://127.0.0.1:4711", "--dir", dir], output).Should().Be(0);

        output.ToString().Should().Contain($"export AWS_DATA_PATH={dir}");
        var files = Directory.GetFiles(dir, "endpoint-rule-set-1.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).ToList();
        files.Should().BeEquivalentTo(
            "organizations/2016-11-28/endpoint-rule-set-1.json", "iam/2010-05-08/endpoint-rule-set-1.json", "sts/2011-06-15/endpoint-rule-set-1.json",
            "sso-admin/2020-07-20/endpoint-rule-set-1.json", "identitystore/2020-06-15/endpoint-rule-set-1.json",
            "sso-oidc/2019-06-10/endpoint-rule-set-1.json", "sso/2019-06-10/endpoint-rule-set-1.json");
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "sso-oidc/2019-06-10/endpoint-rule-set-1.json")))!["rules"]!.AsArray();
        ((string)rules[0]!["conditions"]![0]!["fn"]!).Should().Be("isSet", "an explicit --endpoint-url still wins");
        ((string)rules[1]!["endpoint"]!["url"]!).Should().Be("http://127.0.0.1:4711");
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Cli_config_refuses_an_endpoint_that_is_not_an_http_url() =>
        FluentActions.Invoking(() => CliConfigCommand.Run(["--endpoint", "ftp://x", "--dir", "/tmp/unused"], TextWriter.Null))
            .Should().Throw<ArgumentException>().WithMessage("*http(s) URL*");
}
