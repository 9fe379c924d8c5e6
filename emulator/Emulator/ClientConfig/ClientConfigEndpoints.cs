using Emulator.Portal;

namespace Emulator.ClientConfig;

public sealed record AwsDataPathResponse(string Endpoint, IReadOnlyDictionary<string, string> Files);

/// <summary>GET /_emulator/aws-data-path: the AWS_DATA_PATH folder's files for this emulator (what <c>Emulator cli-config</c> writes).</summary>
public static class ClientConfigEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGroup("/_emulator").WithTags("Control plane")
            .MapGet("/aws-data-path", (HttpRequest request, Emulator.Hosting.EmulatorOptions options) =>
            {
                var endpoint = PortalUrls.BaseUrl(request, options);
                return TypedResults.Ok(new AwsDataPathResponse(endpoint, AwsDataPath.Files(endpoint)));
            })
            .WithName("AwsDataPath")
            .WithSummary("Endpoint rule sets that send botocore-based clients (AWS CLI v1/v2, boto3) to this emulator.")
            .WithDescription("files maps a path relative to an AWS_DATA_PATH folder (e.g. sso-oidc/2019-06-10/endpoint-rule-set-1.json) " +
                "to its content. Write each file under one folder and export AWS_DATA_PATH=<folder>: every command, `aws sso login`, " +
                "SSO profiles and `aws sso logout` then reach this emulator, also on AWS CLI v2 before 2.13, which ignores AWS_ENDPOINT_URL. " +
                "`Emulator cli-config --endpoint <url> --dir <folder>` writes the same folder.");
}
