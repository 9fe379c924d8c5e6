using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core;
using Emulator.Hosting;
using Emulator.Services;
using Emulator.Services.Sso;
using Emulator.State;
using Emulator.Tests.Support;

namespace Emulator.Tests.TrustModel;

/// <summary>
/// The emulator's operations without HTTP: an in-memory <see cref="StateStore"/>, the registered operation tables (so
/// the trust model's table-level guards apply exactly as they do behind the endpoint) and a <see cref="ManualClock"/>.
/// Callers are account root users; state is built and read only through operations.
/// </summary>
public sealed class DirectWorld : IDisposable
{
    private static readonly ServiceCatalog Catalog = new();

    /// <param name="stateFile">A LiteDB file for durable state (as the emulator runs); null keeps the state in memory.</param>
    public DirectWorld(string? stateFile = null) => Store = new StateStore(stateFile);

    public StateStore Store { get; }
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => Store.Dispose();

    /// <summary>Runs the operation as the account's root user; AWS errors are thrown as <see cref="AwsException"/>.</summary>
    public JsonNode? Call(string service, string operation, string accountId, object? input = null)
    {
        var handler = Catalog.Named(service).Operations.Handlers[operation];
        var members = JsonSerializer.SerializeToNode(input ?? new { })!.AsObject();
        OperationContext Context(Tx tx) => new(Caller.Root(accountId), tx, Clock.Now, new EmulatorOptions { InMemory = true });
        return handler.Writes
            ? Store.Write(tx => handler.Invoke(Context(tx), members))
            : Store.Read(tx => handler.Invoke(Context(tx), members));
    }

    /// <summary>The AWS error the operation answers (fails the test when it succeeds).</summary>
    public AwsException Refusal(string service, string operation, string accountId, object? input = null)
    {
        var call = () => Call(service, operation, accountId, input);
        return call.Should().Throw<AwsException>().Which;
    }

    public JsonNode? Organizations(string operation, string accountId, object? input = null) => Call("organizations", operation, accountId, input);
    public JsonNode? Iam(string operation, string accountId, object? input = null) => Call("iam", operation, accountId, input);

    public string CreateOrganization(string managementAccountId, string featureSet = "ALL") =>
        (string)Organizations("CreateOrganization", managementAccountId, new { FeatureSet = featureSet })!["Organization"]!["Id"]!;

    /// <summary>CreateAccount, then the id DescribeCreateAccountStatus reports.</summary>
    public string CreateAccount(string managementAccountId, string name)
    {
        var requestId = (string)Organizations("CreateAccount", managementAccountId,
            new { AccountName = name, Email = $"{name.ToLowerInvariant()}@example.com" })!["CreateAccountStatus"]!["Id"]!;
        var status = Organizations("DescribeCreateAccountStatus", managementAccountId, new { CreateAccountRequestId = requestId })!["CreateAccountStatus"]!;
        return (string)status["AccountId"]!;
    }

    /// <summary>InviteAccountToOrganization, accepted by the invited account.</summary>
    public void Invite(string managementAccountId, string accountId)
    {
        var handshakeId = (string)Organizations("InviteAccountToOrganization", managementAccountId,
            new { Target = new { Type = "ACCOUNT", Id = accountId } })!["Handshake"]!["Id"]!;
        Organizations("AcceptHandshake", accountId, new { HandshakeId = handshakeId });
    }

    public void EnableTrustedAccess(string managementAccountId, string servicePrincipal = "sso.amazonaws.com") =>
        Organizations("EnableAWSServiceAccess", managementAccountId, new { ServicePrincipal = servicePrincipal });

    public void DisableTrustedAccess(string managementAccountId, string servicePrincipal = "sso.amazonaws.com") =>
        Organizations("DisableAWSServiceAccess", managementAccountId, new { ServicePrincipal = servicePrincipal });

    /// <summary>The console's "Enable IAM Identity Center" (the same code as POST /_emulator/sso/setup); returns the instance ARN.</summary>
    public string EnableIdentityCenter(string managementAccountId) =>
        Store.Write(tx => IdentityCenterSetup.Enable(tx, managementAccountId, Clock.Now)).Instance!.InstanceArn;

    public bool HasRole(string accountId, string roleName)
    {
        try { Iam("GetRole", accountId, new { RoleName = roleName }); return true; }
        catch (AwsException e) when (e.Code == "NoSuchEntity") { return false; }
    }

    /// <summary>DeleteServiceLinkedRole, then the task's status (SUCCEEDED or FAILED).</summary>
    public string DeleteServiceLinkedRole(string accountId, string roleName)
    {
        var taskId = (string)Iam("DeleteServiceLinkedRole", accountId, new { RoleName = roleName })!["DeletionTaskId"]!;
        return (string)Iam("GetServiceLinkedRoleDeletionStatus", accountId, new { DeletionTaskId = taskId })!["Status"]!;
    }
}
