using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Emulator.Tests.Support;

/// <summary>The answer to one AWS call: status, raw body, and the error code the way botocore would read it.</summary>
public sealed record AwsAnswer(HttpStatusCode Status, string Body, HttpResponseMessage Response)
{
    public JsonObject Json => JsonNode.Parse(Body.Length == 0 ? "{}" : Body)!.AsObject();

    public XElement Xml => XElement.Parse(Body);

    /// <summary>JSON: the x-amzn-ErrorType header; Query: Error/Code in the XML body.</summary>
    public string? ErrorCode => Response.Headers.TryGetValues("x-amzn-ErrorType", out var values)
        ? values.First()
        : Body.StartsWith("<ErrorResponse", StringComparison.Ordinal) ? Xml.Descendants().First(e => e.Name.LocalName == "Code").Value : null;

    public string? ErrorMessage => Response.Headers.Contains("x-amzn-ErrorType")
        ? (string?)Json["Message"]
        : Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;

    /// <summary>The text of the first element with this local name in a Query (XML) answer.</summary>
    public string? XmlValue(string name) => Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    public AwsAnswer EnsureSuccess()
    {
        if ((int)Status >= 300) throw new InvalidOperationException($"Expected success, got {(int)Status}: {Body}");
        return this;
    }
}

/// <summary>
/// Sends requests the way the AWS SDKs do (awsJson1_1 with X-Amz-Target, or Query form posts) with a SigV4-shaped
/// Authorization header naming the access key id (and X-Amz-Security-Token for temporary credentials). The emulator
/// does not verify signatures unless started with --verify-signatures.
/// </summary>
public sealed class AwsClient(HttpClient http, string accessKeyId, string? sessionToken = null)
{
    public HttpClient Http => http;

    public AwsClient As(string otherAccessKeyId, string? otherSessionToken = null) => new(http, otherAccessKeyId, otherSessionToken);

    public Task<AwsAnswer> Organizations(string operation, object? input = null) =>
        Json("AWSOrganizationsV20161128", operation, input, "organizations");

    public async Task<AwsAnswer> Json(string targetPrefix, string operation, object? input, string signingService)
    {
        var body = input is null ? "{}" : input as string ?? System.Text.Json.JsonSerializer.Serialize(input);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("X-Amz-Target", $"{targetPrefix}.{operation}");
        Sign(request, signingService);
        return await Send(request);
    }

    public Task<AwsAnswer> Iam(string action, params (string Key, string Value)[] parameters) =>
        Query("iam", "2010-05-08", action, parameters);

    public Task<AwsAnswer> Sts(string action, params (string Key, string Value)[] parameters) =>
        Query("sts", "2011-06-15", action, parameters);

    public async Task<AwsAnswer> Query(string service, string version, string action, (string Key, string Value)[] parameters)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        fields.AddRange(parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new FormUrlEncodedContent(fields) };
        Sign(request, service);
        return await Send(request);
    }

    private void Sign(HttpRequestMessage request, string service)
    {
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKeyId}/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000");
        if (sessionToken is not null) request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", sessionToken);
    }

    private async Task<AwsAnswer> Send(HttpRequestMessage request)
    {
        var response = await http.SendAsync(request);
        return new AwsAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
