using System.Net;
using Emulator.Tests.Support;

namespace Emulator.Tests.Iam;

/// <summary>AttachUserPolicy, DetachUserPolicy, ListAttachedUserPolicies.</summary>
public sealed class UserPolicyTests : IDisposable
{
    private const string Admin = "arn:aws:iam::aws:policy/AdministratorAccess";
    private const string ReadOnly = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _client;

    public UserPolicyTests() => _client = _factory.Client("111111111111");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AttachUserPolicy_lists_the_policies_in_attachment_order_and_attaching_twice_changes_nothing()
    {
        (await _client.Iam("CreateUser", ("UserName", "operator"))).EnsureSuccess();
        (await _client.Iam("AttachUserPolicy", ("UserName", "operator"), ("PolicyArn", Admin))).EnsureSuccess();
        (await _client.Iam("AttachUserPolicy", ("UserName", "operator"), ("PolicyArn", ReadOnly))).EnsureSuccess();
        (await _client.Iam("AttachUserPolicy", ("UserName", "operator"), ("PolicyArn", Admin))).EnsureSuccess();

        var listed = (await _client.Iam("ListAttachedUserPolicies", ("UserName", "operator"))).EnsureSuccess();
        listed.XmlValues("PolicyArn").Should().Equal(Admin, ReadOnly);
        listed.XmlValues("PolicyName").Should().Equal("AdministratorAccess", "ViewOnlyAccess");

        var filtered = (await _client.Iam("ListAttachedUserPolicies", ("UserName", "operator"), ("PathPrefix", "/job-function/"))).EnsureSuccess();
        filtered.XmlValues("PolicyArn").Should().Equal(ReadOnly);
    }

    [Fact]
    public async Task DetachUserPolicy_of_a_policy_that_is_not_attached_is_NoSuchEntity()
    {
        (await _client.Iam("CreateUser", ("UserName", "operator"))).EnsureSuccess();
        var answer = await _client.Iam("DetachUserPolicy", ("UserName", "operator"), ("PolicyArn", Admin));
        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task A_user_with_attached_policies_cannot_be_deleted_until_they_are_detached()
    {
        (await _client.Iam("CreateUser", ("UserName", "operator"))).EnsureSuccess();
        (await _client.Iam("AttachUserPolicy", ("UserName", "operator"), ("PolicyArn", Admin))).EnsureSuccess();

        var refused = await _client.Iam("DeleteUser", ("UserName", "operator"));
        refused.Status.Should().Be(HttpStatusCode.Conflict);
        refused.ErrorMessage.Should().Be("Cannot delete entity, must detach all policies first.");

        (await _client.Iam("DetachUserPolicy", ("UserName", "operator"), ("PolicyArn", Admin))).EnsureSuccess();
        (await _client.Iam("DeleteUser", ("UserName", "operator"))).EnsureSuccess();
    }

    [Fact]
    public async Task AttachUserPolicy_for_an_unknown_user_is_NoSuchEntity()
    {
        var answer = await _client.Iam("AttachUserPolicy", ("UserName", "ghost"), ("PolicyArn", Admin));
        answer.ErrorCode.Should().Be("NoSuchEntity");
    }
}
