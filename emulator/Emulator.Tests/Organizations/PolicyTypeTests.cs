using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>EnablePolicyType, DisablePolicyType and the root's PolicyTypes.</summary>
public sealed class PolicyTypeTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public PolicyTypeTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private async Task<AwsAnswer> Enable(string type, string? rootId = null) =>
        await _management.Organizations("EnablePolicyType", new { RootId = rootId ?? await _management.RootId(), PolicyType = type });

    [Fact]
    public async Task EnablePolicyType_returns_the_root_and_ListRoots_shows_the_type_enabled()
    {
        await _management.CreateOrganization();

        var answer = (await Enable("SERVICE_CONTROL_POLICY")).EnsureSuccess();
        (await Enable("TAG_POLICY")).EnsureSuccess();

        answer.Json["Root"]!["PolicyTypes"]!.ToJsonString().Should().Be("""[{"Type":"SERVICE_CONTROL_POLICY","Status":"ENABLED"}]""");
        var root = (await _management.Organizations("ListRoots")).EnsureSuccess().Json["Roots"]![0]!;
        root["PolicyTypes"]!.AsArray().Select(t => (string)t!["Type"]!).Should().Equal("SERVICE_CONTROL_POLICY", "TAG_POLICY");
        root["PolicyTypes"]!.AsArray().Select(t => (string)t!["Status"]!).Should().OnlyContain(s => s == "ENABLED");
    }

    [Fact]
    public async Task Trusted_access_for_Security_Hub_cannot_be_disabled_while_its_policy_type_is_enabled()
    {
        await _management.CreateOrganization();
        (await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "securityhub.amazonaws.com" })).EnsureSuccess();
        (await Enable("SECURITYHUB_POLICY")).EnsureSuccess();

        var refused = await _management.Organizations("DisableAWSServiceAccess", new { ServicePrincipal = "securityhub.amazonaws.com" });
        refused.ErrorCode.Should().Be("ConstraintViolationException");
        ((string)refused.Json["Reason"]!).Should().Be("POLICY_TYPE_ENABLED_FOR_THIS_SERVICE");

        (await _management.Organizations("DisablePolicyType", new { RootId = await _management.RootId(), PolicyType = "SECURITYHUB_POLICY" })).EnsureSuccess();
        (await _management.Organizations("DisableAWSServiceAccess", new { ServicePrincipal = "securityhub.amazonaws.com" })).EnsureSuccess();
    }

    [Fact]
    public async Task EnablePolicyType_twice_is_PolicyTypeAlreadyEnabled()
    {
        await _management.CreateOrganization();
        (await Enable("SERVICE_CONTROL_POLICY")).EnsureSuccess();

        var answer = await Enable("SERVICE_CONTROL_POLICY");

        answer.ErrorCode.Should().Be("PolicyTypeAlreadyEnabledException");
    }

    [Fact]
    public async Task EnablePolicyType_for_an_unknown_root_is_RootNotFound()
    {
        await _management.CreateOrganization();
        (await Enable("SERVICE_CONTROL_POLICY", "r-zzzz")).ErrorCode.Should().Be("RootNotFoundException");
    }

    [Fact]
    public async Task EnablePolicyType_in_a_consolidated_billing_organization_is_PolicyTypeNotAvailableForOrganization()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        (await Enable("SERVICE_CONTROL_POLICY")).ErrorCode.Should().Be("PolicyTypeNotAvailableForOrganizationException");
    }

    [Fact]
    public async Task EnablePolicyType_with_an_unknown_type_is_InvalidInput()
    {
        await _management.CreateOrganization();
        var answer = await Enable("COFFEE_POLICY");
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("INVALID_ENUM");
    }

    [Fact]
    public async Task EnablePolicyType_from_a_member_account_is_AccessDenied()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Member");
        var rootId = await _management.RootId();

        var answer = await _management.As(member).Organizations("EnablePolicyType", new { RootId = rootId, PolicyType = "SERVICE_CONTROL_POLICY" });

        answer.ErrorCode.Should().Be("AccessDeniedException");
    }

    [Fact]
    public async Task DisablePolicyType_removes_the_type_from_the_root()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();
        (await Enable("SERVICE_CONTROL_POLICY")).EnsureSuccess();

        var answer = (await _management.Organizations("DisablePolicyType", new { RootId = rootId, PolicyType = "SERVICE_CONTROL_POLICY" })).EnsureSuccess();

        answer.Json["Root"]!["PolicyTypes"]!.AsArray().Should().BeEmpty();
        (await _management.Organizations("ListRoots")).Json["Roots"]![0]!["PolicyTypes"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task DisablePolicyType_that_is_not_enabled_is_PolicyTypeNotEnabled()
    {
        await _management.CreateOrganization();
        var rootId = await _management.RootId();

        var answer = await _management.Organizations("DisablePolicyType", new { RootId = rootId, PolicyType = "TAG_POLICY" });

        answer.ErrorCode.Should().Be("PolicyTypeNotEnabledException");
    }
}
