using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>The trust rules that touch Organizations: trusted access for sso.amazonaws.com and AWSServiceRoleForSSO.</summary>
public sealed class TrustedAccessTests : IDisposable
{
    private const string Management = "111111111111";
    private const string SsoRole = "AWSServiceRoleForSSO";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly EmulatorFactory _factory;
    private readonly AwsClient _management;

    public TrustedAccessTests()
    {
        _factory = new EmulatorFactory(_clock);
        _management = _factory.Client(Management);
    }

    public void Dispose() => _factory.Dispose();

    private async Task EnableSso() =>
        (await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso })).EnsureSuccess();

    [Fact]
    public async Task EnableAWSServiceAccess_for_sso_creates_AWSServiceRoleForSSO_in_every_account_including_management()
    {
        await _management.CreateOrganization();
        var created = await _management.CreateAccount("Dev");
        await _management.Join("222222222222");
        (await _management.HasRole(created, SsoRole)).Should().BeFalse();

        await EnableSso();

        foreach (var account in new[] { Management, created, "222222222222" })
        {
            var role = (await _management.As(account).Iam("GetRole", ("RoleName", SsoRole))).EnsureSuccess();
            role.XmlValue("Path").Should().Be("/aws-service-role/sso.amazonaws.com/");
            role.XmlValue("Arn").Should().Be($"arn:aws:iam::{account}:role/aws-service-role/sso.amazonaws.com/{SsoRole}");
        }
    }

    [Fact]
    public async Task EnableAWSServiceAccess_then_created_and_invited_accounts_get_the_sso_role_on_joining()
    {
        await _management.CreateOrganization();
        await EnableSso();

        var created = await _management.CreateAccount("Dev");
        await _management.Join("222222222222");

        (await _management.HasRole(created, SsoRole)).Should().BeTrue();
        (await _management.HasRole("222222222222", SsoRole)).Should().BeTrue();
    }

    [Fact]
    public async Task EnableAWSServiceAccess_twice_keeps_DateEnabled()
    {
        await _management.CreateOrganization();
        await EnableSso();
        var before = (await _management.Organizations("ListAWSServiceAccessForOrganization")).Json["EnabledServicePrincipals"]![0]!["DateEnabled"]!.GetValue<double>();
        _clock.Advance(TimeSpan.FromMinutes(1));

        await EnableSso();

        var after = (await _management.Organizations("ListAWSServiceAccessForOrganization")).Json["EnabledServicePrincipals"]!.AsArray();
        after.Should().ContainSingle();
        after[0]!["DateEnabled"]!.GetValue<double>().Should().Be(before);
    }

    [Fact]
    public async Task EnableAWSServiceAccess_for_an_unknown_principal_is_InvalidInput()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "stacksets.cloudformation.amazonaws.com" });
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.ErrorMessage.Should().Be("You specified an unrecognized service principal.");
        answer.Reason().Should().Be("UNRECOGNIZED_SERVICE_PRINCIPAL");
    }

    [Fact]
    public async Task EnableAWSServiceAccess_in_a_consolidated_billing_organization_is_ORGANIZATION_NOT_IN_ALL_FEATURES_MODE()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        var answer = await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso });
        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE");
        (await _management.HasRole(Management, SsoRole)).Should().BeFalse();
    }

    [Fact]
    public async Task CreateAccount_in_a_consolidated_billing_organization_creates_no_organizations_SLR()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        var created = await _management.CreateAccount("Dev");
        (await _management.HasRole(created, "AWSServiceRoleForOrganizations")).Should().BeFalse();
        (await _management.HasRole(created, "OrganizationAccountAccessRole")).Should().BeTrue();
    }

    [Fact]
    public async Task RemoveAccountFromOrganization_deletes_its_sso_role_keeps_the_access_role_and_leaves_it_standalone()
    {
        await _management.CreateOrganization();
        await EnableSso();
        var member = await _management.CreateAccount("Dev");
        (await _management.HasRole(member, SsoRole)).Should().BeTrue();

        (await _management.Organizations("RemoveAccountFromOrganization", new { AccountId = member })).EnsureSuccess();

        (await _management.HasRole(member, SsoRole)).Should().BeFalse();
        (await _management.HasRole(member, "OrganizationAccountAccessRole")).Should().BeTrue();
        (await _management.HasRole(Management, SsoRole)).Should().BeTrue();
        (await _management.As(member).Organizations("DescribeOrganization")).ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
    }

    [Fact]
    public async Task LeaveOrganization_deletes_the_members_sso_role()
    {
        await _management.CreateOrganization();
        await EnableSso();
        await _management.Join("222222222222");

        (await _management.As("222222222222").Organizations("LeaveOrganization")).EnsureSuccess();

        (await _management.HasRole("222222222222", SsoRole)).Should().BeFalse();
    }

    [Fact]
    public async Task EnableAWSServiceAccess_with_1000_accounts_creates_the_sso_role_in_all_of_them()
    {
        await _management.CreateOrganization();
        var accounts = new List<string>();
        for (var i = 0; i < 1000; i++) accounts.Add(await _management.CreateAccount($"Account{i:D4}"));

        await EnableSso();

        var listed = new List<string>();
        string? token = null;
        do
        {
            var page = (await _management.Organizations("ListAccounts", new { NextToken = token })).EnsureSuccess();
            listed.AddRange(page.Json["Accounts"]!.AsArray().Select(a => (string)a!["Id"]!));
            token = (string?)page.Json["NextToken"];
        } while (token is not null);
        listed.Should().HaveCount(1001).And.OnlyHaveUniqueItems();
        foreach (var account in new[] { accounts[0], accounts[499], accounts[999], Management })
            (await _management.HasRole(account, SsoRole)).Should().BeTrue();
    }
}
