using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>Invitations: InviteAccountToOrganization and the handshake lifecycle.</summary>
public sealed class HandshakeTests : IDisposable
{
    private const string Management = "111111111111";
    private const string Invitee = "222222222222";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public HandshakeTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private Task<AwsAnswer> As(string account, string operation, object? input = null) => _management.As(account).Organizations(operation, input);

    [Fact]
    public async Task InviteAccountToOrganization_returns_an_open_handshake_with_parties_and_resources()
    {
        var orgId = (string)(await _management.CreateOrganization())["Id"]!;

        var answer = (await _management.Organizations("InviteAccountToOrganization",
            new { Target = new { Type = "ACCOUNT", Id = Invitee }, Notes = "welcome" })).EnsureSuccess();

        var handshake = answer.Json["Handshake"]!;
        var id = (string)handshake["Id"]!;
        id.Should().MatchRegex("^h-[0-9a-z]{8,32}$");
        ((string)handshake["Arn"]!).Should().Be($"arn:aws:organizations::{Management}:handshake/{orgId}/invite/{id}");
        ((string)handshake["State"]!).Should().Be("OPEN");
        ((string)handshake["Action"]!).Should().Be("INVITE");
        handshake["Parties"]!.ToJsonString().Should().Be($$"""[{"Id":"{{orgId}}","Type":"ORGANIZATION"},{"Id":"{{Invitee}}","Type":"ACCOUNT"}]""");
        var requested = handshake["RequestedTimestamp"]!.GetValue<double>();
        handshake["ExpirationTimestamp"]!.GetValue<double>().Should().BeApproximately(requested + 15 * 24 * 3600, 0.001);
        var resources = handshake["Resources"]!.AsArray();
        resources.Select(r => (string)r!["Type"]!).Should().Equal("ORGANIZATION", "ACCOUNT", "NOTES");
        resources[0]!["Resources"]!.AsArray().Select(r => (string)r!["Type"]!).Should().Equal("MASTER_EMAIL", "MASTER_NAME", "ORGANIZATION_FEATURE_SET");
    }

    [Fact]
    public async Task InviteAccountToOrganization_of_a_member_is_HandshakeConstraintViolation_ALREADY_IN_AN_ORGANIZATION()
    {
        await _management.CreateOrganization();
        var member = await _management.CreateAccount("Dev");

        var answer = await _management.Organizations("InviteAccountToOrganization", new { Target = new { Type = "ACCOUNT", Id = member } });

        answer.ErrorCode.Should().Be("HandshakeConstraintViolationException");
        answer.Reason().Should().Be("ALREADY_IN_AN_ORGANIZATION");
    }

    [Fact]
    public async Task InviteAccountToOrganization_twice_is_DuplicateHandshake()
    {
        await _management.CreateOrganization();
        await _management.Invite(Invitee);

        var answer = await _management.Organizations("InviteAccountToOrganization", new { Target = new { Type = "ACCOUNT", Id = Invitee } });

        answer.ErrorCode.Should().Be("DuplicateHandshakeException");
    }

    [Fact]
    public async Task InviteAccountToOrganization_with_a_malformed_target_is_InvalidInput()
    {
        await _management.CreateOrganization();
        (await _management.Organizations("InviteAccountToOrganization", new { Target = new { Type = "ACCOUNT", Id = "abc" } }))
            .Reason().Should().Be("INVALID_PARTY_TYPE_TARGET");
        (await _management.Organizations("InviteAccountToOrganization", new { Target = new { Type = "EMAIL", Id = "not-an-email" } }))
            .Reason().Should().Be("INVALID_EMAIL_ADDRESS_TARGET");
    }

    [Fact]
    public async Task AcceptHandshake_joins_the_invited_account_as_INVITED_under_the_root()
    {
        var orgId = (string)(await _management.CreateOrganization())["Id"]!;
        var handshakeId = await _management.Invite(Invitee);

        var answer = (await As(Invitee, "AcceptHandshake", new { HandshakeId = handshakeId })).EnsureSuccess();

        ((string)answer.Json["Handshake"]!["State"]!).Should().Be("ACCEPTED");
        ((string)(await As(Invitee, "DescribeOrganization")).Json["Organization"]!["Id"]!).Should().Be(orgId);
        var account = (await _management.Organizations("DescribeAccount", new { AccountId = Invitee })).EnsureSuccess().Json["Account"]!;
        ((string)account["JoinedMethod"]!).Should().Be("INVITED");
        ((string)account["Email"]!).Should().Be($"{Invitee}@example.com");
        var rootId = await _management.RootId();
        (await _management.Organizations("ListParents", new { ChildId = Invitee })).Json["Parents"]![0]!["Id"]!.GetValue<string>().Should().Be(rootId);
        (await _management.HasRole(Invitee, "OrganizationAccountAccessRole")).Should().BeFalse();
    }

    [Theory]
    [InlineData("ALL", true)]
    [InlineData("CONSOLIDATED_BILLING", false)]
    public async Task AcceptHandshake_creates_AWSServiceRoleForOrganizations_in_an_all_features_organization(string featureSet, bool created)
    {
        await _management.CreateOrganization(featureSet);
        await _management.Join(Invitee);
        (await _management.HasRole(Invitee, "AWSServiceRoleForOrganizations")).Should().Be(created);
    }

    [Fact]
    public async Task AcceptHandshake_by_an_email_target_gives_the_account_that_email()
    {
        await _management.CreateOrganization();
        var invite = (await _management.Organizations("InviteAccountToOrganization", new { Target = new { Type = "EMAIL", Id = "juan@example.com" } })).EnsureSuccess();
        var handshakeId = (string)invite.Json["Handshake"]!["Id"]!;

        (await As(Invitee, "AcceptHandshake", new { HandshakeId = handshakeId })).EnsureSuccess();

        var account = (await _management.Organizations("DescribeAccount", new { AccountId = Invitee })).EnsureSuccess().Json["Account"]!;
        ((string)account["Email"]!).Should().Be("juan@example.com");
    }

    [Fact]
    public async Task AcceptHandshake_by_another_account_is_refused()
    {
        await _management.CreateOrganization();
        var handshakeId = await _management.Invite(Invitee);

        (await As("333333333333", "AcceptHandshake", new { HandshakeId = handshakeId })).ErrorCode.Should().Be("HandshakeNotFoundException");
        (await _management.Organizations("AcceptHandshake", new { HandshakeId = handshakeId })).ErrorCode.Should().Be("AccessDeniedException");
    }

    [Fact]
    public async Task AcceptHandshake_twice_is_HandshakeAlreadyInState_and_after_decline_InvalidHandshakeTransition()
    {
        await _management.CreateOrganization();
        var accepted = await _management.Invite(Invitee);
        (await As(Invitee, "AcceptHandshake", new { HandshakeId = accepted })).EnsureSuccess();
        (await As(Invitee, "AcceptHandshake", new { HandshakeId = accepted })).ErrorCode.Should().Be("HandshakeAlreadyInStateException");

        var declined = await _management.Invite("333333333333");
        (await As("333333333333", "DeclineHandshake", new { HandshakeId = declined })).EnsureSuccess();
        (await As("333333333333", "AcceptHandshake", new { HandshakeId = declined })).ErrorCode.Should().Be("InvalidHandshakeTransitionException");
    }

    [Fact]
    public async Task AcceptHandshake_of_an_unknown_handshake_is_HandshakeNotFound()
    {
        var answer = await As(Invitee, "AcceptHandshake", new { HandshakeId = "h-abcdefgh12" });
        answer.ErrorCode.Should().Be("HandshakeNotFoundException");
    }

    [Fact]
    public async Task AcceptHandshake_by_an_account_already_in_an_organization_is_ALREADY_IN_AN_ORGANIZATION()
    {
        await _management.CreateOrganization();
        var handshakeId = await _management.Invite(Invitee);
        await _factory.Client("444444444444").CreateOrganization();
        await _factory.Client("444444444444").Join(Invitee);

        var answer = await As(Invitee, "AcceptHandshake", new { HandshakeId = handshakeId });

        answer.ErrorCode.Should().Be("HandshakeConstraintViolationException");
        answer.Reason().Should().Be("ALREADY_IN_AN_ORGANIZATION");
    }

    [Fact]
    public async Task DeclineHandshake_leaves_the_account_standalone()
    {
        await _management.CreateOrganization();
        var handshakeId = await _management.Invite(Invitee);

        var answer = (await As(Invitee, "DeclineHandshake", new { HandshakeId = handshakeId })).EnsureSuccess();

        ((string)answer.Json["Handshake"]!["State"]!).Should().Be("DECLINED");
        (await As(Invitee, "DescribeOrganization")).ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
    }

    [Fact]
    public async Task CancelHandshake_by_the_management_account_cancels_and_the_invitee_cannot_cancel()
    {
        await _management.CreateOrganization();
        var handshakeId = await _management.Invite(Invitee);

        (await As(Invitee, "CancelHandshake", new { HandshakeId = handshakeId })).ErrorCode.Should().Be("AccessDeniedException");
        var answer = (await _management.Organizations("CancelHandshake", new { HandshakeId = handshakeId })).EnsureSuccess();

        ((string)answer.Json["Handshake"]!["State"]!).Should().Be("CANCELED");
        (await As(Invitee, "AcceptHandshake", new { HandshakeId = handshakeId })).ErrorCode.Should().Be("InvalidHandshakeTransitionException");
    }

    [Fact]
    public async Task DescribeHandshake_is_visible_to_both_parties_only()
    {
        await _management.CreateOrganization();
        var handshakeId = await _management.Invite(Invitee);

        (await _management.Organizations("DescribeHandshake", new { HandshakeId = handshakeId })).EnsureSuccess();
        (await As(Invitee, "DescribeHandshake", new { HandshakeId = handshakeId })).EnsureSuccess();
        (await As("333333333333", "DescribeHandshake", new { HandshakeId = handshakeId })).ErrorCode.Should().Be("HandshakeNotFoundException");
    }

    [Fact]
    public async Task ListHandshakesForAccount_lists_the_callers_invitations()
    {
        await _management.CreateOrganization();
        var handshakeId = await _management.Invite(Invitee);
        await _management.Invite("333333333333");

        var answer = (await As(Invitee, "ListHandshakesForAccount")).EnsureSuccess();

        answer.Json["Handshakes"]!.AsArray().Select(h => (string)h!["Id"]!).Should().Equal(handshakeId);
    }

    [Fact]
    public async Task ListHandshakesForOrganization_lists_every_invitation_with_paging_and_filter()
    {
        await _management.CreateOrganization();
        var first = await _management.Invite(Invitee);
        var second = await _management.Invite("333333333333");

        var page1 = (await _management.Organizations("ListHandshakesForOrganization", new { MaxResults = 1 })).EnsureSuccess();
        var page2 = (await _management.Organizations("ListHandshakesForOrganization",
            new { MaxResults = 1, NextToken = (string)page1.Json["NextToken"]! })).EnsureSuccess();
        page1.Json["Handshakes"]!.AsArray().Concat(page2.Json["Handshakes"]!.AsArray()).Select(h => (string)h!["Id"]!).Should().Equal(first, second);

        var filtered = (await _management.Organizations("ListHandshakesForOrganization", new { Filter = new { ActionType = "ENABLE_ALL_FEATURES" } })).EnsureSuccess();
        filtered.Json["Handshakes"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task ListHandshakesForOrganization_from_a_standalone_account_is_AWSOrganizationsNotInUse()
    {
        var answer = await As(Invitee, "ListHandshakesForOrganization");
        answer.ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
    }
}
