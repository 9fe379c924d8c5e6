using System.Text.Json.Nodes;
using Emulator.Tests.Support;

namespace Emulator.Tests.Trail;

/// <summary>Issue 11: the trust model's own actions are service events in the member account's history.</summary>
public sealed class TrailServiceEventTests : IDisposable
{
    private const string Management = "111111111111";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _management;

    public TrailServiceEventTests() => _management = _factory.Client(Management);

    public void Dispose() => _factory.Dispose();

    private static List<JsonObject> ServiceEvents(IEnumerable<JsonObject> records, string eventName, string roleName) =>
        [.. records.Where(r => r.Text("eventType") == "AwsServiceEvent" && r.Text("eventName") == eventName && r.Text("requestParameters.roleName") == roleName)];

    private async Task<List<JsonObject>> History(string accountId) => [.. (await _management.As(accountId).Events()).Select(TrailSteps.Record)];

    [Fact]
    public async Task Trusted_access_fan_out_is_one_service_event_per_role_in_each_member_accounts_history()
    {
        await _management.CreateOrganization();
        var dev = await _management.CreateAccount("Dev");
        var prod = await _management.CreateAccount("Prod");

        (await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso })).EnsureSuccess();
        var enable = (await _management.Records("EnableAWSServiceAccess")).Single();

        foreach (var member in new[] { dev, prod })
        {
            var created = ServiceEvents(await History(member), "CreateServiceLinkedRole", "AWSServiceRoleForSSO");
            var record = created.Should().ContainSingle($"account {member} got exactly one AWSServiceRoleForSSO").Subject;
            record.Text("userIdentity.type").Should().Be("AWSService");
            record.Text("userIdentity.invokedBy").Should().Be("sso.amazonaws.com");
            record.Text("eventSource").Should().Be("iam.amazonaws.com");
            record.Text("recipientAccountId").Should().Be(member);
            record.Text("sharedEventID").Should().Be(enable.Text("eventID"), "the service event names the call that caused it");
            record.Text("serviceEventDetails.reason").Should().Contain("trusted access for sso.amazonaws.com was enabled");
        }
        var managementHistory = await History(Management);
        managementHistory.Should().OnlyContain(r => r.Text("recipientAccountId") == Management, "LookupEvents is the caller's own history");
        ServiceEvents(managementHistory, "CreateServiceLinkedRole", "AWSServiceRoleForSSO").Should().ContainSingle("the management account gets its role too");
    }

    [Fact]
    public async Task Joining_creates_the_organizations_role_and_each_trusted_services_role_as_service_events()
    {
        await _management.CreateOrganization();
        (await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso })).EnsureSuccess();
        var dev = await _management.CreateAccount("Dev");

        var history = await History(dev);
        ServiceEvents(history, "CreateServiceLinkedRole", "AWSServiceRoleForOrganizations").Should().ContainSingle()
            .Which.Text("userIdentity.invokedBy").Should().Be("organizations.amazonaws.com");
        ServiceEvents(history, "CreateServiceLinkedRole", "AWSServiceRoleForSSO").Should().ContainSingle()
            .Which.Text("serviceEventDetails.reason").Should().Contain("joined");
    }

    [Fact]
    public async Task A_refused_change_to_a_locked_role_is_a_service_event_beside_the_refused_call()
    {
        await _management.CreateOrganization();
        var dev = await _management.CreateAccount("Dev");
        (await _management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso })).EnsureSuccess();

        var refused = await _management.As(dev).Iam("DeleteRole", ("RoleName", "AWSServiceRoleForSSO"));
        refused.ErrorCode.Should().Be("UnmodifiableEntity");

        var records = await _management.As(dev).WaitForRecords("DeleteRole", r => r.Count == 2);
        var service = records.Should().ContainSingle(r => r.Text("eventType") == "AwsServiceEvent").Subject;
        service.Text("errorCode").Should().Be("UnmodifiableEntity");
        service.Text("userIdentity.invokedBy").Should().Be("sso.amazonaws.com");
        service.Text("serviceEventDetails.reason").Should().Contain("locked");
        var call = records.Should().ContainSingle(r => r.Text("eventType") == "AwsApiCall").Subject;
        call.Text("errorCode").Should().Be("UnmodifiableEntity");
        service.Text("sharedEventID").Should().Be(call.Text("eventID"));
        (await _management.HasRole(dev, "AWSServiceRoleForSSO")).Should().BeTrue();
    }

    [Fact]
    public async Task Account_removal_records_each_service_linked_role_and_reserved_role_deleted()
    {
        var http = _factory.CreateClient();
        var world = await SsoWorld.CreateAsync(http, Management);
        var roleName = await world.Assign(world.MemberAccountId, "AdministratorAccess");

        var afterAssignment = await History(world.MemberAccountId);
        ServiceEvents(afterAssignment, "CreateRole", roleName).Should().ContainSingle()
            .Which.Text("userIdentity.invokedBy").Should().Be("sso.amazonaws.com");

        var removed = await world.Management.Organizations("RemoveAccountFromOrganization", new { AccountId = world.MemberAccountId });
        removed.EnsureSuccess();

        var history = await History(world.MemberAccountId);
        ServiceEvents(history, "DeleteServiceLinkedRole", "AWSServiceRoleForSSO").Should().ContainSingle();
        ServiceEvents(history, "DeleteRole", roleName).Should().ContainSingle()
            .Which.Text("userIdentity.invokedBy").Should().Be("sso.amazonaws.com");
    }

    [Fact]
    public async Task A_refused_write_leaves_neither_its_service_events_nor_a_success_event()
    {
        await _management.CreateOrganization();
        var dev = await _management.CreateAccount("Dev");
        // Refused: trusted access cannot be enabled by a member account; nothing may be recorded as done.
        var refused = await _management.As(dev).Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso });
        refused.ErrorCode.Should().NotBeNull();

        var records = await _management.As(dev).WaitForRecords("EnableAWSServiceAccess", r => r.Count == 1);
        records.Should().ContainSingle().Which.Text("errorCode").Should().Be(refused.ErrorCode);
        ServiceEvents(await History(dev), "CreateServiceLinkedRole", "AWSServiceRoleForSSO").Should().BeEmpty();
        (await _management.HasRole(dev, "AWSServiceRoleForSSO")).Should().BeFalse();
    }
}
