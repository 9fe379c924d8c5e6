using System.Net;
using Emulator.Services.Iam;
using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Iam;

/// <summary>CreateServiceLinkedRole for the services of the catalog: names, paths, trust, policy, custom suffixes.</summary>
public sealed class ServiceLinkedRoleCatalogTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _client;

    public ServiceLinkedRoleCatalogTests() => _client = _factory.Client("333333333333");

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("autoscaling.amazonaws.com", "AWSServiceRoleForAutoScaling", "AutoScalingServiceRolePolicy")]
    [InlineData("elasticbeanstalk.amazonaws.com", "AWSServiceRoleForElasticBeanstalk", "AWSElasticBeanstalkServiceRolePolicy")]
    [InlineData("custom-resource.application-autoscaling.amazonaws.com", "AWSServiceRoleForApplicationAutoScaling_CustomResource", "AWSApplicationAutoScalingCustomResourcePolicy")]
    [InlineData("ecs.amazonaws.com", "AWSServiceRoleForECS", "AmazonECSServiceRolePolicy")]
    public async Task CreateServiceLinkedRole_creates_the_services_role_with_its_path_trust_and_policy(string service, string roleName, string policy)
    {
        var answer = (await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", service))).EnsureSuccess();
        answer.XmlValue("RoleName").Should().Be(roleName);
        answer.XmlValue("Path").Should().Be($"/aws-service-role/{service}/");
        answer.XmlValue("Arn").Should().Be($"arn:aws:iam::333333333333:role/aws-service-role/{service}/{roleName}");
        WebUtility.UrlDecode(answer.XmlValue("AssumeRolePolicyDocument")).Should().Contain($"\"Service\":\"{service}\"");
        (await _client.Iam("ListAttachedRolePolicies", ("RoleName", roleName))).XmlValues("PolicyArn")
            .Should().Equal($"arn:aws:iam::aws:policy/aws-service-role/{policy}");
    }

    [Fact]
    public async Task CreateServiceLinkedRole_with_a_custom_suffix_where_the_service_allows_it_names_the_role_with_an_underscore()
    {
        var answer = (await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "autoscaling.amazonaws.com"), ("CustomSuffix", "web"))).EnsureSuccess();
        answer.XmlValue("RoleName").Should().Be("AWSServiceRoleForAutoScaling_web");
        (await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "autoscaling.amazonaws.com"))).EnsureSuccess();
        var again = await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "autoscaling.amazonaws.com"), ("CustomSuffix", "web"));
        again.ErrorMessage.Should().Be("Service role name AWSServiceRoleForAutoScaling_web has been taken in this account, please try a different suffix.");
    }

    [Fact]
    public async Task CreateServiceLinkedRole_with_a_custom_suffix_for_elasticbeanstalk_is_InvalidInput()
    {
        var answer = await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "elasticbeanstalk.amazonaws.com"), ("CustomSuffix", "x"));
        answer.ErrorCode.Should().Be("InvalidInput");
        answer.ErrorMessage.Should().Be("Custom suffix is not allowed for elasticbeanstalk.amazonaws.com");
    }

    [Fact]
    public async Task CreateServiceLinkedRole_principal_is_case_sensitive()
    {
        var answer = await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "AutoScaling.amazonaws.com"));
        answer.ErrorCode.Should().Be("InvalidInput");
        answer.ErrorMessage.Should().Be("Invalid service name: AutoScaling.amazonaws.com");
    }

    [Fact]
    public async Task DeleteServiceLinkedRole_of_a_catalog_role_succeeds()
    {
        (await _client.Iam("CreateServiceLinkedRole", ("AWSServiceName", "elasticbeanstalk.amazonaws.com"))).EnsureSuccess();
        var taskId = (await _client.Iam("DeleteServiceLinkedRole", ("RoleName", "AWSServiceRoleForElasticBeanstalk"))).EnsureSuccess().XmlValue("DeletionTaskId");
        taskId.Should().StartWith("task/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk/");
    }

    [Fact]
    public void Catalog_entries_are_unique_and_named_as_AWS_names_linked_roles()
    {
        var entries = ServiceLinkedRoleCatalog.Entries;
        entries.Should().HaveCountGreaterThan(100);
        entries.Select(e => e.ServicePrincipal).Should().OnlyHaveUniqueItems();
        entries.Should().AllSatisfy(e =>
        {
            e.RoleName.Should().StartWith("AWSServiceRoleFor");
            e.ServicePrincipal.Should().EndWith(".amazonaws.com");
        });
        ServiceLinkedRoleCatalog.Find("sso.amazonaws.com")!.RoleName.Should().Be(SsoRole);
    }
}
