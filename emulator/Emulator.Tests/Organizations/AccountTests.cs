using System.Net;
using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>CreateAccount and its status, ListAccounts, DescribeAccount, RemoveAccountFromOrganization, LeaveOrganization, CloseAccount.</summary>
public sealed class AccountTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public AccountTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateAccount_answers_IN_PROGRESS_with_a_request_id()
    {
        await _management.CreateOrganization();

        var answer = (await _management.Organizations("CreateAccount", new { AccountName = "Dev", Email = "dev@example.com" })).EnsureSuccess();

        var status = answer.Json["CreateAccountStatus"]!;
        ((string)status["Id"]!).Should().MatchRegex("^car-[a-z0-9]{8,32}$");
        ((string)status["State"]!).Should().Be("IN_PROGRESS");
        ((string)status["AccountName"]!).Should().Be("Dev");
        status["RequestedTimestamp"]!.GetValue<double>().Should().BeGreaterThan(0);
        status["AccountId"].Should().BeNull();
    }

    [Fact]
    public async Task DescribeCreateAccountStatus_is_SUCCEEDED_with_the_account_id_afterwards()
    {
        await _management.CreateOrganization();
        var created = (await _management.Organizations("CreateAccount", new { AccountName = "Dev", Email = "dev@example.com" })).EnsureSuccess();
        var requestId = (string)created.Json["CreateAccountStatus"]!["Id"]!;

        var answer = (await _management.Organizations("DescribeCreateAccountStatus", new { CreateAccountRequestId = requestId })).EnsureSuccess();

        var status = answer.Json["CreateAccountStatus"]!;
        ((string)status["State"]!).Should().Be("SUCCEEDED");
        ((string)status["AccountId"]!).Should().MatchRegex(@"^\d{12}$");
        status["CompletedTimestamp"]!.GetValue<double>().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task DescribeCreateAccountStatus_for_an_unknown_request_is_CreateAccountStatusNotFound()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("DescribeCreateAccountStatus", new { CreateAccountRequestId = "car-abcdefgh12" });
        answer.ErrorCode.Should().Be("CreateAccountStatusNotFoundException");
    }

    [Fact]
    public async Task CreateAccount_puts_the_account_under_the_root_as_CREATED()
    {
        var organization = await _management.CreateOrganization();
        var accountId = await _management.CreateAccount("Dev", "dev@example.com");
        var rootId = await _management.RootId();

        var account = (await _management.Organizations("DescribeAccount", new { AccountId = accountId })).EnsureSuccess().Json["Account"]!;

        ((string)account["Arn"]!).Should().Be($"arn:aws:organizations::{Management}:account/{organization["Id"]}/{accountId}");
        ((string)account["Name"]!).Should().Be("Dev");
        ((string)account["Email"]!).Should().Be("dev@example.com");
        ((string)account["Status"]!).Should().Be("ACTIVE");
        ((string)account["State"]!).Should().Be("ACTIVE");
        ((string)account["JoinedMethod"]!).Should().Be("CREATED");
        account["JoinedTimestamp"]!.GetValue<double>().Should().BeGreaterThan(0);
        account["Paths"]!.AsArray().Select(p => (string)p!).Should().Equal($"{organization["Id"]}/{rootId}/{accountId}/");
    }

    [Fact]
    public async Task CreateAccount_creates_the_access_role_trusting_the_management_account_and_the_organizations_SLR()
    {
        await _management.CreateOrganization();
        var accountId = await _management.CreateAccount("Dev");

        var role = (await _management.As(accountId).Iam("GetRole", ("RoleName", "OrganizationAccountAccessRole"))).EnsureSuccess();
        role.XmlValue("Path").Should().Be("/");
        role.XmlValue("Arn").Should().Be($"arn:aws:iam::{accountId}:role/OrganizationAccountAccessRole");
        WebUtility.UrlDecode(role.XmlValue("AssumeRolePolicyDocument")).Should().Contain($"\"AWS\":\"arn:aws:iam::{Management}:root\"");

        var slr = (await _management.As(accountId).Iam("GetRole", ("RoleName", "AWSServiceRoleForOrganizations"))).EnsureSuccess();
        slr.XmlValue("Path").Should().Be("/aws-service-role/organizations.amazonaws.com/");
    }

    [Fact]
    public async Task CreateAccount_uses_the_requested_role_name()
    {
        await _management.CreateOrganization();
        var accountId = await _management.CreateAccount("Dev", roleName: "Admin");

        (await _management.HasRole(accountId, "Admin")).Should().BeTrue();
        (await _management.HasRole(accountId, "OrganizationAccountAccessRole")).Should().BeFalse();
    }

    [Fact]
    public async Task CreateAccount_with_a_reserved_role_name_is_InvalidInput_INVALID_ROLE_NAME()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("CreateAccount",
            new { AccountName = "Dev", Email = "dev@example.com", RoleName = "AWSServiceRoleForX" });
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("INVALID_ROLE_NAME");
    }

    [Fact]
    public async Task CreateAccount_with_an_email_already_in_use_fails_with_EMAIL_ALREADY_EXISTS()
    {
        await _management.CreateOrganization();
        await _management.CreateAccount("Dev", "dev@example.com");

        var created = (await _management.Organizations("CreateAccount", new { AccountName = "Dev2", Email = "DEV@example.com" })).EnsureSuccess();
        ((string)created.Json["CreateAccountStatus"]!["State"]!).Should().Be("IN_PROGRESS");
        var requestId = (string)created.Json["CreateAccountStatus"]!["Id"]!;

        var status = (await _management.Organizations("DescribeCreateAccountStatus", new { CreateAccountRequestId = requestId })).EnsureSuccess().Json["CreateAccountStatus"]!;
        ((string)status["State"]!).Should().Be("FAILED");
        ((string)status["FailureReason"]!).Should().Be("EMAIL_ALREADY_EXISTS");
        status["AccountId"].Should().BeNull();
        (await _management.Organizations("ListAccounts")).Json["Accounts"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task ListCreateAccountStatus_filters_by_state_and_pages()
    {
        await _management.CreateOrganization();
        for (var i = 0; i < 3; i++) await _management.CreateAccount($"A{i}");
        await _management.Organizations("CreateAccount", new { AccountName = "Dup", Email = "a0@example.com" });

        var failed = (await _management.Organizations("ListCreateAccountStatus", new { States = new[] { "FAILED" } })).EnsureSuccess();
        failed.Json["CreateAccountStatuses"]!.AsArray().Select(s => (string)s!["AccountName"]!).Should().Equal("Dup");

        var first = (await _management.Organizations("ListCreateAccountStatus", new { MaxResults = 2 })).EnsureSuccess();
        first.Json["CreateAccountStatuses"]!.AsArray().Should().HaveCount(2);
        var token = (string)first.Json["NextToken"]!;
        var second = (await _management.Organizations("ListCreateAccountStatus", new { MaxResults = 2, NextToken = token })).EnsureSuccess();
        second.Json["CreateAccountStatuses"]!.AsArray().Select(s => (string)s!["AccountName"]!).Should().Equal("A2", "Dup");
        second.Json["NextToken"].Should().BeNull();
    }

    [Fact]
    public async Task ListAccounts_pages_by_20_by_default_with_NextToken()
    {
        await _management.CreateOrganization();
        for (var i = 0; i < 24; i++) await _management.CreateAccount($"A{i}");

        var first = (await _management.Organizations("ListAccounts")).EnsureSuccess();
        first.Json["Accounts"]!.AsArray().Should().HaveCount(20);
        var second = (await _management.Organizations("ListAccounts", new { NextToken = (string)first.Json["NextToken"]! })).EnsureSuccess();
        second.Json["Accounts"]!.AsArray().Should().HaveCount(5);
        second.Json["NextToken"].Should().BeNull();

        var all = first.Json["Accounts"]!.AsArray().Concat(second.Json["Accounts"]!.AsArray()).Select(a => (string)a!["Id"]!).ToList();
        all.Should().OnlyHaveUniqueItems().And.Contain(Management);
    }

    [Fact]
    public async Task ListAccounts_with_MaxResults_over_20_is_InvalidInput_MAX_VALUE_EXCEEDED()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("ListAccounts", new { MaxResults = 21 });
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("MAX_VALUE_EXCEEDED");
    }

    [Fact]
    public async Task ListAccounts_with_a_foreign_token_is_InvalidInput_INVALID_NEXT_TOKEN()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("ListAccounts", new { NextToken = "garbage!" });
        answer.ErrorCode.Should().Be("InvalidInputException");
        answer.Reason().Should().Be("INVALID_NEXT_TOKEN");
    }

    [Fact]
    public async Task DescribeAccount_of_an_account_outside_the_organization_is_AccountNotFound()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("DescribeAccount", new { AccountId = "999999999999" });
        answer.ErrorCode.Should().Be("AccountNotFoundException");
    }

    [Fact]
    public async Task RemoveAccountFromOrganization_makes_the_account_standalone_and_keeps_its_access_role()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Dev");

        var answer = await _management.Organizations("RemoveAccountFromOrganization", new { AccountId = member });

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Body.Should().BeEmpty();
        (await _management.As(member).Organizations("DescribeOrganization")).ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
        (await _management.Organizations("DescribeAccount", new { AccountId = member })).ErrorCode.Should().Be("AccountNotFoundException");
        (await _management.HasRole(member, "OrganizationAccountAccessRole")).Should().BeTrue();
    }

    [Fact]
    public async Task RemoveAccountFromOrganization_of_the_management_account_is_MasterCannotLeaveOrganization()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("RemoveAccountFromOrganization", new { AccountId = Management });
        answer.ErrorCode.Should().Be("MasterCannotLeaveOrganizationException");
    }

    [Fact]
    public async Task RemoveAccountFromOrganization_of_an_unknown_account_is_AccountNotFound()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("RemoveAccountFromOrganization", new { AccountId = "999999999999" });
        answer.ErrorCode.Should().Be("AccountNotFoundException");
    }

    [Fact]
    public async Task RemoveAccountFromOrganization_of_a_delegated_administrator_is_a_ConstraintViolation()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Dev");
        (await _management.Organizations("RegisterDelegatedAdministrator", new { AccountId = member, ServicePrincipal = "guardduty.amazonaws.com" })).EnsureSuccess();

        var answer = await _management.Organizations("RemoveAccountFromOrganization", new { AccountId = member });

        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG");
    }

    [Fact]
    public async Task LeaveOrganization_makes_the_member_standalone()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Dev");

        (await _management.As(member).Organizations("LeaveOrganization")).EnsureSuccess();

        (await _management.As(member).Organizations("DescribeOrganization")).ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
        var ids = (await _management.Organizations("ListAccounts")).Json["Accounts"]!.AsArray().Select(a => (string)a!["Id"]!);
        ids.Should().Equal(Management);
    }

    [Fact]
    public async Task LeaveOrganization_from_the_management_account_is_MasterCannotLeaveOrganization()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("LeaveOrganization");
        answer.ErrorCode.Should().Be("MasterCannotLeaveOrganizationException");
    }

    [Fact]
    public async Task LeaveOrganization_from_a_delegated_administrator_is_a_ConstraintViolation()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Dev");
        (await _management.Organizations("RegisterDelegatedAdministrator", new { AccountId = member, ServicePrincipal = "guardduty.amazonaws.com" })).EnsureSuccess();

        var answer = await _management.As(member).Organizations("LeaveOrganization");

        answer.Reason().Should().Be("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG");
    }

    [Fact]
    public async Task CloseAccount_suspends_the_account_which_stays_listed()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Dev");

        (await _management.Organizations("CloseAccount", new { AccountId = member })).EnsureSuccess();

        var accounts = (await _management.Organizations("ListAccounts")).Json["Accounts"]!.AsArray();
        var closed = accounts.Single(a => (string)a!["Id"]! == member)!;
        ((string)closed["Status"]!).Should().Be("SUSPENDED");
        ((string)closed["State"]!).Should().Be("SUSPENDED");
    }

    [Fact]
    public async Task CloseAccount_twice_is_AccountAlreadyClosed()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Dev");
        (await _management.Organizations("CloseAccount", new { AccountId = member })).EnsureSuccess();

        var answer = await _management.Organizations("CloseAccount", new { AccountId = member });

        answer.ErrorCode.Should().Be("AccountAlreadyClosedException");
    }

    [Fact]
    public async Task CloseAccount_of_the_management_account_is_a_ConstraintViolation()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("CloseAccount", new { AccountId = Management });
        answer.ErrorCode.Should().Be("ConstraintViolationException");
        answer.Reason().Should().Be("CANNOT_CLOSE_MANAGEMENT_ACCOUNT");
    }

    [Fact]
    public async Task CloseAccount_of_an_unknown_account_is_AccountNotFound()
    {
        await _management.CreateOrganization();
        var answer = await _management.Organizations("CloseAccount", new { AccountId = "999999999999" });
        answer.ErrorCode.Should().Be("AccountNotFoundException");
    }
}
