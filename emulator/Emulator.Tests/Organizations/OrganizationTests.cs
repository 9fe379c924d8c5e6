using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>DeleteOrganization, ListRoots, DescribeOrganization and who may call what (aws-facts §1.4).</summary>
public sealed class OrganizationTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public OrganizationTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ListRoots_returns_the_root_with_no_policy_types_for_a_new_all_features_organization()
    {
        var organization = await _management.CreateOrganization();
        var orgId = (string)organization["Id"]!;

        var roots = (await _management.Organizations("ListRoots")).EnsureSuccess().Json["Roots"]!.AsArray();

        roots.Should().ContainSingle();
        var root = roots[0]!;
        var rootId = (string)root["Id"]!;
        rootId.Should().MatchRegex("^r-[0-9a-z]{4,32}$");
        ((string)root["Arn"]!).Should().Be($"arn:aws:organizations::{Management}:root/{orgId}/{rootId}");
        ((string)root["Name"]!).Should().Be("Root");
        root["PolicyTypes"]!.AsArray().Should().BeEmpty("Terraform's acceptance tests against AWS expect roots.0.policy_types.# = 0");
    }

    [Fact]
    public async Task ListRoots_has_no_policy_types_for_a_consolidated_billing_organization()
    {
        await _management.CreateOrganization("CONSOLIDATED_BILLING");
        var roots = (await _management.Organizations("ListRoots")).EnsureSuccess().Json["Roots"]!.AsArray();
        roots[0]!["PolicyTypes"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task ListRoots_from_a_member_account_is_AccessDenied()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Member");

        var answer = await _management.As(member).Organizations("ListRoots");

        answer.ErrorCode.Should().Be("AccessDeniedException");
        answer.ErrorMessage.Should().Be("You don't have permissions to access this resource.");
    }

    [Fact]
    public async Task ListRoots_from_a_standalone_account_is_AWSOrganizationsNotInUse()
    {
        var answer = await _management.Organizations("ListRoots");
        answer.ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
        answer.ErrorMessage.Should().Be("Your account is not a member of an organization.");
    }

    [Fact]
    public async Task DescribeOrganization_works_for_any_member_account()
    {
        var organization = await _management.CreateOrganization();
        var member = await _management.CreateAccount("Member");

        var answer = (await _management.As(member).Organizations("DescribeOrganization")).EnsureSuccess();

        ((string)answer.Json["Organization"]!["Id"]!).Should().Be((string)organization["Id"]!);
        ((string)answer.Json["Organization"]!["MasterAccountId"]!).Should().Be(Management);
    }

    [Theory]
    [InlineData("CreateAccount", """{"AccountName":"x","Email":"x@example.com"}""")]
    [InlineData("RemoveAccountFromOrganization", """{"AccountId":"111111111111"}""")]
    [InlineData("CloseAccount", """{"AccountId":"111111111111"}""")]
    [InlineData("EnableAWSServiceAccess", """{"ServicePrincipal":"sso.amazonaws.com"}""")]
    [InlineData("DisableAWSServiceAccess", """{"ServicePrincipal":"sso.amazonaws.com"}""")]
    [InlineData("RegisterDelegatedAdministrator", """{"AccountId":"111111111111","ServicePrincipal":"sso.amazonaws.com"}""")]
    [InlineData("DeregisterDelegatedAdministrator", """{"AccountId":"111111111111","ServicePrincipal":"sso.amazonaws.com"}""")]
    [InlineData("InviteAccountToOrganization", """{"Target":{"Type":"ACCOUNT","Id":"999999999999"}}""")]
    [InlineData("CreateOrganizationalUnit", """{"ParentId":"r-abcd","Name":"x"}""")]
    [InlineData("DeleteOrganization", null)]
    [InlineData("ListAccounts", null)]
    [InlineData("DescribeAccount", """{"AccountId":"111111111111"}""")]
    [InlineData("ListAWSServiceAccessForOrganization", null)]
    [InlineData("ListDelegatedAdministrators", null)]
    [InlineData("ListHandshakesForOrganization", null)]
    [InlineData("ListCreateAccountStatus", null)]
    public async Task Management_only_operations_from_a_member_are_AccessDenied(string operation, string? input)
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Member");

        var answer = await _management.As(member).Json("AWSOrganizationsV20161128", operation, input, "organizations");

        answer.ErrorCode.Should().Be("AccessDeniedException");
        answer.ErrorMessage.Should().Be("You don't have permissions to access this resource.");
    }

    [Theory]
    [InlineData("CreateAccount", """{"AccountName":"x","Email":"x@example.com"}""")]
    [InlineData("ListAccounts", null)]
    [InlineData("DeleteOrganization", null)]
    [InlineData("LeaveOrganization", null)]
    [InlineData("ListOrganizationalUnitsForParent", """{"ParentId":"r-abcd"}""")]
    public async Task Organization_operations_from_a_standalone_account_are_AWSOrganizationsNotInUse(string operation, string? input)
    {
        var answer = await _management.Json("AWSOrganizationsV20161128", operation, input, "organizations");
        answer.ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
    }

    [Fact]
    public async Task DeleteOrganization_with_only_the_management_account_makes_it_standalone()
    {
        await _management.CreateOrganization();

        (await _management.Organizations("DeleteOrganization")).EnsureSuccess();

        (await _management.Organizations("DescribeOrganization")).ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
        (await _management.Organizations("CreateOrganization")).EnsureSuccess();
    }

    [Fact]
    public async Task DeleteOrganization_with_member_accounts_is_OrganizationNotEmpty()
    {
        await _management.CreateOrganization();
        await _management.CreateAccount("Member");

        var answer = await _management.Organizations("DeleteOrganization");

        answer.ErrorCode.Should().Be("OrganizationNotEmptyException");
        answer.ErrorMessage.Should().Be("To delete an organization you must first remove all member accounts (except the master).");
    }

    [Fact]
    public async Task DeleteOrganization_succeeds_once_every_member_is_removed()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Member");
        (await _management.Organizations("RemoveAccountFromOrganization", new { AccountId = member })).EnsureSuccess();

        (await _management.Organizations("DeleteOrganization")).EnsureSuccess();

        (await _management.Organizations("ListAccounts")).ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
    }

    [Fact]
    public async Task DeleteOrganization_cancels_open_invitations()
    {
        await _management.CreateOrganization();
        var handshakeId = await _management.Invite("222222222222");

        (await _management.Organizations("DeleteOrganization")).EnsureSuccess();

        var handshake = (await _management.As("222222222222").Organizations("DescribeHandshake", new { HandshakeId = handshakeId })).EnsureSuccess();
        ((string)handshake.Json["Handshake"]!["State"]!).Should().Be("CANCELED");
    }
}
