using System.Net;
using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Iam;

/// <summary>CreateServiceLinkedRole, DeleteServiceLinkedRole and GetServiceLinkedRoleDeletionStatus outside an organization.</summary>
public sealed class ServiceLinkedRoleTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _client;

    public ServiceLinkedRoleTests() => _client = _factory.Client("333333333333");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateServiceLinkedRole_for_sso_creates_AWSServiceRoleForSSO_with_its_policy_and_trust()
    {
        var answer = await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "sso.amazonaws.com"));
        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.XmlValue("RoleName").Should().Be(SsoRole);
        answer.XmlValue("Path").Should().Be(SsoRoleArnPath);
        answer.XmlValue("Arn").Should().Be("arn:aws:iam::333333333333:role/aws-service-role/sso.amazonaws.com/AWSServiceRoleForSSO");
        WebUtility.UrlDecode(answer.XmlValue("AssumeRolePolicyDocument")).Should().Contain("\"Service\":\"sso.amazonaws.com\"");

        var attached = await _client.Iam("ListAttachedRolePolicies", ("RoleName", SsoRole));
        attached.XmlValues("PolicyArn").Should().Equal("arn:aws:iam::aws:policy/aws-service-role/AWSSSOServiceRolePolicy");
    }

    [Fact]
    public async Task CreateServiceLinkedRole_uses_the_given_description()
    {
        var answer = await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "sso.amazonaws.com"), ("Description", "mine"));
        answer.XmlValue("Description").Should().Be("mine");
        (await _client.Iam("GetRole", ("RoleName", SsoRole))).XmlValue("Description").Should().Be("mine");
    }

    [Fact]
    public async Task CreateServiceLinkedRole_when_the_role_exists_is_InvalidInput()
    {
        (await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "sso.amazonaws.com"))).EnsureSuccess();
        var answer = await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "sso.amazonaws.com"));
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("InvalidInput");
        answer.ErrorMessage.Should().Be("Service role name AWSServiceRoleForSSO has been taken in this account, please try a different suffix.");
    }

    [Fact]
    public async Task CreateServiceLinkedRole_with_a_custom_suffix_for_sso_is_InvalidInput()
    {
        var answer = await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "sso.amazonaws.com"), ("CustomSuffix", "mine"));
        answer.ErrorCode.Should().Be("InvalidInput");
        answer.ErrorMessage.Should().Be("Custom suffix is not allowed for sso.amazonaws.com");
        (await _client.Iam("GetRole", ("RoleName", SsoRole))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task CreateServiceLinkedRole_for_an_unknown_service_is_InvalidInput_naming_it()
    {
        var answer = await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "coffee.amazonaws.com"));
        answer.ErrorCode.Should().Be("InvalidInput");
        answer.ErrorMessage.Should().Be("Invalid service name: coffee.amazonaws.com");
    }

    [Fact]
    public async Task DeleteServiceLinkedRole_outside_an_organization_succeeds_at_once()
    {
        (await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "sso.amazonaws.com"))).EnsureSuccess();
        var taskId = (await _client.Iam("DeleteServiceLinkedRole", ("RoleName", SsoRole))).EnsureSuccess().XmlValue("DeletionTaskId")!;
        (await _client.Iam("GetServiceLinkedRoleDeletionStatus", ("DeletionTaskId", taskId))).XmlValue("Status").Should().Be("SUCCEEDED");
        (await _client.Iam("GetRole", ("RoleName", SsoRole))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task DeleteServiceLinkedRole_of_an_unknown_role_is_NoSuchEntity()
    {
        var answer = await _client.Iam("DeleteServiceLinkedRole", ("RoleName", SsoRole));
        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task DeleteServiceLinkedRole_of_a_customer_role_is_NoSuchEntity_and_keeps_it()
    {
        await CreateRole(_client, "plain");
        var answer = await _client.Iam("DeleteServiceLinkedRole", ("RoleName", "plain"));
        answer.ErrorCode.Should().Be("NoSuchEntity");
        answer.ErrorMessage.Should().Be("There is no service-linked role with name plain.");
        (await _client.Iam("GetRole", ("RoleName", "plain"))).EnsureSuccess();
    }

    [Fact]
    public async Task GetServiceLinkedRoleDeletionStatus_of_an_unknown_task_is_NoSuchEntity()
    {
        var answer = await _client.Iam("GetServiceLinkedRoleDeletionStatus",
            ("DeletionTaskId", "task/aws-service-role/sso.amazonaws.com/AWSServiceRoleForSSO/ec720f7a-c0ba-4838-be33-f72e1873dd52"));
        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task GetServiceLinkedRoleDeletionStatus_of_a_malformed_id_is_InvalidInput()
    {
        var answer = await _client.Iam("GetServiceLinkedRoleDeletionStatus", ("DeletionTaskId", "not-a-task"));
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("InvalidInput");
    }

    [Fact]
    public async Task GetServiceLinkedRoleDeletionStatus_is_not_visible_to_another_account()
    {
        (await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "sso.amazonaws.com"))).EnsureSuccess();
        var taskId = (await _client.Iam("DeleteServiceLinkedRole", ("RoleName", SsoRole))).XmlValue("DeletionTaskId")!;
        (await _factory.Client("444444444444").Iam("GetServiceLinkedRoleDeletionStatus", ("DeletionTaskId", taskId)))
            .ErrorCode.Should().Be("NoSuchEntity");
    }
}
