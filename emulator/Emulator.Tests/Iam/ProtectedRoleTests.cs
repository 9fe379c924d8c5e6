using System.Net;
using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Iam;

/// <summary>
/// The lock on AWSServiceRoleForSSO (aws-facts §4.6, §9.3) over HTTP: customers may never change or delete a
/// service-linked role (description edits and tags are allowed); the DeleteServiceLinkedRole task fails while IAM
/// Identity Center has trusted access in the account's organization.
/// </summary>
public sealed class ProtectedRoleTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _client;

    public ProtectedRoleTests() => _client = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, (string, string)[]> MutatingOperations => new()
    {
        { "DeleteRole", [("RoleName", SsoRole)] },
        { "UpdateAssumeRolePolicy", [("RoleName", SsoRole), ("PolicyDocument", TrustLambda)] },
        { "AttachRolePolicy", [("RoleName", SsoRole), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess")] },
        { "DetachRolePolicy", [("RoleName", SsoRole), ("PolicyArn", "arn:aws:iam::aws:policy/aws-service-role/AWSSSOServiceRolePolicy")] },
        { "PutRolePolicy", [("RoleName", SsoRole), ("PolicyName", "extra"), ("PolicyDocument", AllowAll)] },
        { "DeleteRolePolicy", [("RoleName", SsoRole), ("PolicyName", "extra")] },
        { "PutRolePermissionsBoundary", [("RoleName", SsoRole), ("PermissionsBoundary", "arn:aws:iam::aws:policy/ReadOnlyAccess")] },
        { "DeleteRolePermissionsBoundary", [("RoleName", SsoRole)] },
        { "UpdateRole", [("RoleName", SsoRole), ("MaxSessionDuration", "7200")] },
    };

    [Theory]
    [MemberData(nameof(MutatingOperations))]
    public async Task Mutating_AWSServiceRoleForSSO_while_trusted_access_is_on_is_UnmodifiableEntity(string operation, (string, string)[] parameters)
    {
        await EnableSso(_client);
        var answer = await _client.Iam(operation, parameters);
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("UnmodifiableEntity");
        answer.ErrorMessage.Should().Be("Cannot perform the operation on the protected role 'AWSServiceRoleForSSO' - this role is only modifiable by AWS");

        var role = await _client.Iam("GetRole", ("RoleName", SsoRole));
        role.XmlValue("Path").Should().Be(SsoRoleArnPath);
        role.XmlValue("MaxSessionDuration").Should().Be("3600");
        (await _client.Iam("ListAttachedRolePolicies", ("RoleName", SsoRole))).XmlValues("PolicyName").Should().Equal("AWSSSOServiceRolePolicy");
        (await _client.Iam("ListRolePolicies", ("RoleName", SsoRole))).XmlValues("member").Should().BeEmpty();
    }

    [Fact]
    public async Task UpdateRole_and_UpdateRoleDescription_may_edit_the_description_of_the_locked_role()
    {
        await EnableSso(_client);
        (await _client.Iam("UpdateRole", ("RoleName", SsoRole), ("Description", "edited"))).EnsureSuccess();
        (await _client.Iam("GetRole", ("RoleName", SsoRole))).XmlValue("Description").Should().Be("edited");
        var answer = await _client.Iam("UpdateRoleDescription", ("RoleName", SsoRole), ("Description", "again"));
        answer.EnsureSuccess().XmlValue("Description").Should().Be("again");
    }

    [Fact]
    public async Task TagRole_and_UntagRole_are_allowed_on_the_locked_role()
    {
        await EnableSso(_client);
        (await _client.Iam("TagRole", ("RoleName", SsoRole), ("Tags.member.1.Key", "owner"), ("Tags.member.1.Value", "me"))).EnsureSuccess();
        (await _client.Iam("ListRoleTags", ("RoleName", SsoRole))).XmlValues("Key").Should().Equal("owner");
        (await _client.Iam("UntagRole", ("RoleName", SsoRole), ("TagKeys.member.1", "owner"))).EnsureSuccess();
        (await _client.Iam("ListRoleTags", ("RoleName", SsoRole))).XmlValues("Key").Should().BeEmpty();
    }

    [Fact]
    public async Task DeleteServiceLinkedRole_while_locked_is_a_FAILED_task_and_the_role_stays()
    {
        await EnableSso(_client);
        var delete = await _client.Iam("DeleteServiceLinkedRole", ("RoleName", SsoRole));
        delete.Status.Should().Be(HttpStatusCode.OK);
        var taskId = delete.XmlValue("DeletionTaskId")!;
        taskId.Should().MatchRegex("^task/aws-service-role/sso\\.amazonaws\\.com/AWSServiceRoleForSSO/[0-9a-f-]{36}$");

        var status = await _client.Iam("GetServiceLinkedRoleDeletionStatus", ("DeletionTaskId", taskId));
        status.XmlValue("Status").Should().Be("FAILED");
        status.XmlValue("Reason").Should().Contain("AWSServiceRoleForSSO").And.Contain("sso.amazonaws.com");
        status.XmlValue("Region").Should().Be("us-east-1");
        status.XmlValues("Resources").Should().ContainSingle().Which.Should().MatchRegex("^arn:aws:organizations::111111111111:organization/o-[a-z0-9]{10}$");

        (await _client.Iam("GetRole", ("RoleName", SsoRole))).EnsureSuccess();
    }

    [Fact]
    public async Task DeleteServiceLinkedRole_after_DisableAWSServiceAccess_succeeds_and_re_enabling_re_creates_the_role()
    {
        await EnableSso(_client);
        await DisableSso(_client);
        (await _client.Iam("GetRole", ("RoleName", SsoRole))).EnsureSuccess(); // disabling deletes nothing

        var taskId = (await _client.Iam("DeleteServiceLinkedRole", ("RoleName", SsoRole))).EnsureSuccess().XmlValue("DeletionTaskId")!;
        var status = await _client.Iam("GetServiceLinkedRoleDeletionStatus", ("DeletionTaskId", taskId));
        status.XmlValue("Status").Should().Be("SUCCEEDED");
        status.XmlValue("Reason").Should().BeNull();
        (await _client.Iam("GetRole", ("RoleName", SsoRole))).ErrorCode.Should().Be("NoSuchEntity");

        (await _client.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();
        var recreated = await _client.Iam("GetRole", ("RoleName", SsoRole));
        recreated.XmlValue("Arn").Should().Be($"arn:aws:iam::{Management}:role/aws-service-role/sso.amazonaws.com/AWSServiceRoleForSSO");
        (await _client.Iam("DeleteRole", ("RoleName", SsoRole))).ErrorCode.Should().Be("UnmodifiableEntity");
    }

    [Fact]
    public async Task Customer_changes_to_AWSServiceRoleForSSO_stay_refused_after_DisableAWSServiceAccess()
    {
        await EnableSso(_client);
        await DisableSso(_client);
        (await _client.Iam("PutRolePolicy", ("RoleName", SsoRole), ("PolicyName", "extra"), ("PolicyDocument", AllowAll))).ErrorCode.Should().Be("UnmodifiableEntity");
        (await _client.Iam("UpdateRole", ("RoleName", SsoRole), ("MaxSessionDuration", "7200"))).ErrorCode.Should().Be("UnmodifiableEntity");
        (await _client.Iam("DeleteRole", ("RoleName", SsoRole))).ErrorCode.Should().Be("UnmodifiableEntity");
    }
}
