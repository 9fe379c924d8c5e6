using System.Text.RegularExpressions;
using Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace Emulator.Tests.Auth;

/// <summary>
/// The credential scope is read from the Authorization header by hand (no regular expression per request); it must
/// find exactly what the regular expression it replaced found, which this compares against.
/// </summary>
public sealed class SigV4CredentialTests
{
    private static readonly Regex Scope = new(@"Credential=(?<key>[^/,\s]+)/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request");

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/eu-west-1/organizations/aws4_request,SignedHeaders=host")]
    [InlineData("Credential=/20260101/us-east-1/iam/aws4_request")]
    [InlineData("Credential=a b/20260101/us-east-1/iam/aws4_request")]
    [InlineData("Credential=key/2026010/us-east-1/iam/aws4_request")]
    [InlineData("Credential=key/2026010x/us-east-1/iam/aws4_request")]
    [InlineData("Credential=key/٢٠٢٦٠١٠١/us-east-1/iam/aws4_request")]
    [InlineData("Credential=key/20260101//iam/aws4_request")]
    [InlineData("Credential=key/20260101/us-east-1//aws4_request")]
    [InlineData("Credential=key/20260101/us-east-1/iam/aws4_reques")]
    [InlineData("Credential=bad,key/20260101/x/y/aws4_request Credential=good/20260101/us east,1/iam/aws4_requestZZ")]
    [InlineData("credential=key/20260101/us-east-1/iam/aws4_request")]
    [InlineData("Credential=key/20260101/us-east-1/iam/sub/aws4_request")]
    [InlineData("Credential=Credential=k/20260101/r/s/aws4_request")]
    [InlineData("")]
    public void The_scope_is_what_the_regular_expression_found(string authorization)
    {
        Read(authorization).Should().Be(Expected(authorization));
    }

    [Fact]
    public void Any_header_gives_what_the_regular_expression_found()
    {
        var random = new Random(20261130);
        var pieces = new[] { "Credential=", "/", "20260101", "2026", "k", ",", " ", "\u00a0", "us-east-1", "iam", "aws4_request", "x", "٣" };
        for (var i = 0; i < 5_000; i++)
        {
            // A valid header with a few of its pieces replaced, dropped or doubled.
            var tokens = new List<string> { "AWS4 ", "Credential=", "k", "/", "20260101", "/", "us-east-1", "/", "iam", "/", "aws4_request", ",", " Signature=0" };
            for (var change = random.Next(0, 4); change > 0; change--)
            {
                var at = random.Next(tokens.Count);
                switch (random.Next(3))
                {
                    case 0: tokens[at] = pieces[random.Next(pieces.Length)]; break;
                    case 1: tokens.RemoveAt(at); break;
                    default: tokens.Insert(at, tokens[at]); break;
                }
            }
            var header = string.Concat(tokens);
            Read(header).Should().Be(Expected(header), "the header was \"{0}\"", header);
        }
    }

    private static (string, string, string)? Expected(string authorization) =>
        Scope.Match(authorization) is { Success: true } match ? (match.Groups["key"].Value, match.Groups["region"].Value, match.Groups["service"].Value) : null;

    private static (string, string, string)? Read(string authorization)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = authorization;
        return SigV4Credential.From(context.Request) is { } credential ? (credential.AccessKeyId, credential.Region, credential.Service) : null;
    }
}
