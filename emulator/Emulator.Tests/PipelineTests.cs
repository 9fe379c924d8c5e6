using System.Net;
using System.Text;
using Emulator.Tests.Support;

namespace Emulator.Tests;

/// <summary>The request pipeline: routing, protocol errors, validation, request ids, body limits.</summary>
public sealed class PipelineTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_answer_carries_a_request_id()
    {
        var answer = await _factory.Client().Sts("GetCallerIdentity");
        answer.Response.Headers.GetValues("x-amzn-RequestId").Single().Should().MatchRegex("^[0-9a-f-]{36}$");
        answer.XmlValue("RequestId").Should().Be(answer.Response.Headers.GetValues("x-amzn-RequestId").Single());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_SerializationException()
    {
        var answer = await _factory.Client().Json("AWSOrganizationsV20161128", "DescribeOrganization", "{not json", "organizations");
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("SerializationException");
    }

    [Fact]
    public async Task A_member_of_the_wrong_type_is_a_SerializationException()
    {
        var answer = await _factory.Client().Organizations("ListAWSServiceAccessForOrganization", new { MaxResults = "ten" });
        answer.ErrorCode.Should().Be("SerializationException");
    }

    [Fact]
    public async Task An_unknown_json_operation_is_UnknownOperationException()
    {
        var answer = await _factory.Client().Organizations("MakeCoffee");
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("UnknownOperationException");
    }

    [Fact]
    public async Task An_unknown_target_prefix_is_UnknownOperationException()
    {
        var answer = await _factory.Client().Json("DynamoDB_20120810", "ListTables", null, "dynamodb");
        answer.ErrorCode.Should().Be("UnknownOperationException");
    }

    [Fact]
    public async Task An_unknown_query_action_is_InvalidAction_in_xml()
    {
        var answer = await _factory.Client().Iam("MakeCoffee");
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("InvalidAction");
        answer.Xml.Name.LocalName.Should().Be("ErrorResponse");
        answer.Xml.Name.NamespaceName.Should().Be("https://iam.amazonaws.com/doc/2010-05-08/");
    }

    [Fact]
    public async Task A_modelled_operation_the_emulator_lacks_names_itself_in_the_services_protocol()
    {
        var json = await _factory.Client().Organizations("CreateGovCloudAccount", new { Email = "x@example.com", AccountName = "x" });
        json.Status.Should().Be(HttpStatusCode.NotImplemented);
        json.ErrorCode.Should().Be("NotImplemented");
        json.ErrorMessage.Should().Contain("organizations:CreateGovCloudAccount");

        var query = await _factory.Client().Iam("ListServerCertificates");
        query.Status.Should().Be(HttpStatusCode.NotImplemented);
        query.ErrorCode.Should().Be("NotImplemented");
        query.ErrorMessage.Should().Contain("iam:ListServerCertificates");
    }

    [Fact]
    public async Task A_signed_service_called_without_credentials_is_refused()
    {
        var http = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent([new("Action", "GetCallerIdentity"), new("Version", "2011-06-15")]),
        };
        var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<Code>MissingAuthenticationToken</Code>");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_in_protocol_and_the_server_keeps_answering()
    {
        var client = _factory.Client();
        var huge = "{\"ServicePrincipal\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        var answer = await client.Json("AWSOrganizationsV20161128", "EnableAWSServiceAccess", huge, "organizations");
        answer.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        answer.ErrorCode.Should().Be("RequestEntityTooLarge");

        (await client.Sts("GetCallerIdentity")).EnsureSuccess();
    }

    [Fact]
    public async Task Constraint_violations_are_the_services_own_validation_error()
    {
        var organizations = await _factory.Client().Organizations("ListAWSServiceAccessForOrganization", new { MaxResults = 21 });
        organizations.ErrorCode.Should().Be("InvalidInputException");
        organizations.Json["Reason"]!.GetValue<string>().Should().Be("MAX_VALUE_EXCEEDED");

        var iam = await _factory.Client().Iam("GetRole", ("RoleName", "bad name!"));
        iam.ErrorCode.Should().Be("ValidationError");
        iam.ErrorMessage.Should().Be(
            "1 validation error detected: Value 'bad name!' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    }

    [Fact]
    public async Task A_missing_required_member_is_reported_by_name()
    {
        var answer = await _factory.Client().Organizations("EnableAWSServiceAccess", new { });
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Json["Reason"]!.GetValue<string>().Should().Be("INPUT_REQUIRED");
        answer.ErrorMessage.Should().Contain("'servicePrincipal'");
    }

    [Fact]
    public async Task Json_errors_whose_shape_has_a_RequestId_member_carry_the_request_id()
    {
        var answer = await _factory.Client().Json("AWSIdentityStore", "DescribeUser",
            new { IdentityStoreId = "d-0123456789", UserId = "0123456789-9039c8fc-c296-4863-a233-a59111da7aa3" }, "identitystore");
        answer.ErrorCode.Should().Be("ResourceNotFoundException");
        answer.Json["RequestId"]!.GetValue<string>().Should().Be(answer.Response.Headers.GetValues("x-amzn-RequestId").Single());
    }
}
