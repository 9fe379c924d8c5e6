using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.Services.Authorization;

/// <summary>One AWS managed policy as AWS publishes it (default version only).</summary>
public sealed record AwsManagedPolicy(string PolicyName, string Arn, string Path, string DefaultVersionId,
    DateTimeOffset CreateDate, DateTimeOffset UpdateDate, string Document);

/// <summary>
/// Every AWS managed policy (<c>arn:aws:iam::aws:policy/...</c>) with its real document, from the embedded
/// snapshot of iann0036/iam-dataset (MIT; see NOTICE beside this file). Loaded once, on first use.
/// </summary>
public static class AwsManagedPolicies
{
    public const string ArnPrefix = "arn:aws:iam::aws:policy/";

    private static readonly Lazy<IReadOnlyDictionary<string, AwsManagedPolicy>> ByArn = new(Load);

    public static IReadOnlyCollection<AwsManagedPolicy> All => (IReadOnlyCollection<AwsManagedPolicy>)ByArn.Value.Values;

    public static AwsManagedPolicy? Find(string arn) => ByArn.Value.GetValueOrDefault(arn);

    private static IReadOnlyDictionary<string, AwsManagedPolicy> Load()
    {
        using var resource = typeof(AwsManagedPolicies).Assembly.GetManifestResourceStream("Authorization.aws-managed-policies.json.gz")
            ?? throw new InvalidOperationException("The AWS managed policies resource is missing.");
        using var json = new GZipStream(resource, CompressionMode.Decompress);
        var policies = JsonNode.Parse(json)!.AsArray();
        return policies.Select(p => new AwsManagedPolicy(
                (string)p!["PolicyName"]!, (string)p["Arn"]!, (string)p["Path"]!, (string)p["DefaultVersionId"]!,
                DateTimeOffset.Parse((string)p["CreateDate"]!, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse((string)p["UpdateDate"]!, System.Globalization.CultureInfo.InvariantCulture),
                p["Document"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })))
            .ToDictionary(p => p.Arn, StringComparer.Ordinal);
    }
}
