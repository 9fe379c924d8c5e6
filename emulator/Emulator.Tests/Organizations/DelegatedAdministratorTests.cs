using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>RegisterDelegatedAdministrator, DeregisterDelegatedAdministrator, ListDelegatedAdministrators, ListDelegatedServicesForAccount.</summary>
public sealed class DelegatedAdministratorTests : IDisposable
{
    private const string Management = "111111111111";
    private const string GuardDuty = "guardduty.amazonaws.com";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public DelegatedAdministratorTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private Task<AwsAnswer> Register(string accountId, string principal) =>
        _management.Organizations("RegisterDelegatedAdministrator", new { AccountId = accountId, ServicePrincipal = principal });

    [Fact]
    public async Task RegisterDelegatedAdministrator_lists_the_account_and_its_services()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Security");

        (await Register(member, GuardDuty)).EnsureSuccess();

        var admins = (await _management.Organizations("ListDelegatedAdministrators")).EnsureSuccess().Json["DelegatedAdministrators"]!.AsArray();
        admins.Should().ContainSingle();
        ((string)admins[0]!["Id"]!).Should().Be(member);
        ((string)admins[0]!["Name"]!).Should().Be("Security");
        admins[0]!["DelegationEnabledDate"]!.GetValue<double>().Should().BeGreaterThan(0);
        var services = (await _management.Organizations("ListDelegatedServicesForAccount", new { AccountId = member })).EnsureSuccess();
        services.Json["DelegatedServices"]!.AsArray().Select(s => (string)s!["ServicePrincipal"]!).Should().Equal(GuardDuty);
    }

    [Fact]
    public async Task A_delegated_administrator_may_call_the_read_operations()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Security");
        (await Register(member, GuardDuty)).EnsureSuccess();
        var admin = _management.As(member);

        (await admin.Organizations("ListAccounts")).EnsureSuccess().Json["Accounts"]!.AsArray().Should().HaveCount(2);
        (await admin.Organizations("ListRoots")).EnsureSuccess();
        (await admin.Organizations("DescribeAccount", new { AccountId = Management })).EnsureSuccess();
        (await admin.Organizations("ListDelegatedAdministrators")).EnsureSuccess();
        (await admin.Organizations("CreateAccount", new { AccountName = "x", Email = "x@example.com" })).ErrorCode.Should().Be("AccessDeniedException");
    }

    [Fact]
    public async Task ListDelegatedAdministrators_filters_by_service_principal()
    {
        await _management.CreateOrganization();
        var a = await _management.CreateAccount("A");
        var b = await _management.CreateAccount("B");
        (await Register(a, GuardDuty)).EnsureSuccess();
        (await Register(b, "securityhub.amazonaws.com")).EnsureSuccess();

        var answer = (await _management.Organizations("ListDelegatedAdministrators", new { ServicePrincipal = GuardDuty })).EnsureSuccess();

        answer.Json["DelegatedAdministrators"]!.AsArray().Select(d => (string)d!["Id"]!).Should().Equal(a);
    }

    [Fact]
    public async Task RegisterDelegatedAdministrator_of_the_management_account_is_CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR()
    {
        await _management.CreateOrganization();
        var answer = await Register(Management, GuardDuty);
        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR");
    }

    [Fact]
    public async Task RegisterDelegatedAdministrator_for_an_unknown_principal_is_UNRECOGNIZED_SERVICE_PRINCIPAL()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Security");
        var answer = await Register(member, "stacksets.cloudformation.amazonaws.com");
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("UNRECOGNIZED_SERVICE_PRINCIPAL");
    }

    [Fact]
    public async Task RegisterDelegatedAdministrator_for_sso_without_trusted_access_is_SERVICE_ACCESS_NOT_ENABLED()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Security");
        var answer = await Register(member, OrganizationsSteps.Sso);
        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("SERVICE_ACCESS_NOT_ENABLED");
    }

    [Fact]
    public async Task RegisterDelegatedAdministrator_for_sso_allows_exactly_one()
    {
        await _management.CreateOrganization();
        var a = await _management.CreateAccount("A");
        var b = await _management.CreateAccount("B");
        (await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso })).EnsureSuccess();
        (await Register(a, OrganizationsSteps.Sso)).EnsureSuccess();

        var answer = await Register(b, OrganizationsSteps.Sso);

        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE");
    }

    [Fact]
    public async Task RegisterDelegatedAdministrator_twice_is_AccountAlreadyRegistered()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Security");
        (await Register(member, GuardDuty)).EnsureSuccess();

        (await Register(member, GuardDuty)).ErrorCode.Should().Be("AccountAlreadyRegisteredException");
    }

    [Fact]
    public async Task RegisterDelegatedAdministrator_of_an_account_outside_the_organization_is_AccountNotFound()
    {
        await _management.CreateOrganization();
        (await Register("999999999999", GuardDuty)).ErrorCode.Should().Be("AccountNotFoundException");
    }

    [Fact]
    public async Task DeregisterDelegatedAdministrator_removes_the_registration()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Security");
        (await Register(member, GuardDuty)).EnsureSuccess();

        (await _management.Organizations("DeregisterDelegatedAdministrator", new { AccountId = member, ServicePrincipal = GuardDuty })).EnsureSuccess();

        (await _management.Organizations("ListDelegatedAdministrators")).Json["DelegatedAdministrators"]!.AsArray().Should().BeEmpty();
        (await _management.Organizations("ListDelegatedServicesForAccount", new { AccountId = member })).ErrorCode.Should().Be("AccountNotRegisteredException");
        (await _management.Organizations("RemoveAccountFromOrganization", new { AccountId = member })).EnsureSuccess();
    }

    [Fact]
    public async Task DeregisterDelegatedAdministrator_of_an_unregistered_account_is_AccountNotRegistered()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Security");
        var answer = await _management.Organizations("DeregisterDelegatedAdministrator", new { AccountId = member, ServicePrincipal = GuardDuty });
        answer.ErrorCode.Should().Be("AccountNotRegisteredException");
    }

    [Fact]
    public async Task RegisterDelegatedAdministrator_in_a_consolidated_billing_organization_is_ORGANIZATION_NOT_IN_ALL_FEATURES_MODE()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        var member = await _management.CreateAccount("Security");
        (await Register(member, GuardDuty)).Reason().Should().Be("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE");
    }

    [Fact]
    public async Task ListDelegatedAdministrators_for_an_unknown_principal_is_UNRECOGNIZED_SERVICE_PRINCIPAL()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("ListDelegatedAdministrators", new { ServicePrincipal = "coffee.amazonaws.com" });
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("UNRECOGNIZED_SERVICE_PRINCIPAL");
    }
}
