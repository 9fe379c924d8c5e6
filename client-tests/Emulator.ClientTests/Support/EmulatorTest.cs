using System.Text.Json;
using Emulator.Hosting;
using Emulator.Tests.Support;

namespace Emulator.ClientTests.Support;

/// <summary>
/// Base for client tests: xunit makes one instance per test, so every test gets its own emulator (in-memory state,
/// free loopback port) and the CLI pointed at it. Helpers speak only through the real CLI, as a user would.
/// </summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    public const string ManagementAccountId = "111111111111";
    public const string Sso = "sso.amazonaws.com";
    public const string SsoRoleName = "AWSServiceRoleForSSO";

    protected EmulatorServer Emulator { get; private set; } = null!;
    protected AwsCli Cli { get; private set; } = null!;
    protected static Credentials Management => Credentials.Root(ManagementAccountId);

    protected virtual string DefaultAccount => "000000000000";

    /// <summary>The emulator's clock; null = the system clock (tests whose client polls by real time, e.g. aws sso login, keep it).</summary>
    protected virtual TimeProvider? Clock => null;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorServer.StartAsync(defaultAccount: DefaultAccount, clock: Clock);
        Cli = new AwsCli(Emulator.Endpoint);
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    /// <summary>From here on, this test drives the given CLI generation (the default is v1).</summary>
    protected void UseCli(CliGeneration generation) => Cli = new AwsCli(Emulator.Endpoint, generation);

    protected Task<ProcessResult> Aws(Credentials who, params string[] args) => Cli.Run(who, args);

    protected static string SsoRoleArn(string accountId) =>
        $"arn:aws:iam::{accountId}:role/aws-service-role/sso.amazonaws.com/{SsoRoleName}";

    protected static string ProtectedRoleMessage(string roleName) =>
        $"Cannot perform the operation on the protected role '{roleName}' - this role is only modifiable by AWS";

    protected async Task<string> CreateOrganization()
    {
        var output = (await Aws(Management, "organizations", "create-organization", "--feature-set", "ALL")).Json();
        return output.GetProperty("Organization").GetProperty("Id").GetString()!;
    }

    /// <summary>CreateAccount is asynchronous: poll DescribeCreateAccountStatus (bounded) until it settles.</summary>
    protected async Task<string> CreateAccount(string name, string email)
    {
        var status = await Settled((await Aws(Management, "organizations", "create-account", "--email", email, "--account-name", name))
            .Json().GetProperty("CreateAccountStatus"));
        status.GetProperty("State").GetString().Should().Be("SUCCEEDED", "account {0} should be created: {1}", name, status);
        return status.GetProperty("AccountId").GetString()!;
    }

    /// <summary>The CreateAccountStatus once it left IN_PROGRESS: polls describe-create-account-status (bounded, 10 s).</summary>
    protected async Task<JsonElement> Settled(JsonElement createAccountStatus) =>
        createAccountStatus.GetProperty("State").GetString() != "IN_PROGRESS" ? createAccountStatus : await Eventually.Until(
            async () => (await Aws(Management, "organizations", "describe-create-account-status",
                "--create-account-request-id", createAccountStatus.GetProperty("Id").GetString()!)).Json().GetProperty("CreateAccountStatus"),
            status => status.GetProperty("State").GetString() != "IN_PROGRESS", TimeSpan.FromSeconds(10));

    protected async Task EnableSsoTrustedAccess() =>
        (await Aws(Management, "organizations", "enable-aws-service-access", "--service-principal", Sso)).ShouldSucceed();

    protected async Task DisableSsoTrustedAccess() =>
        (await Aws(Management, "organizations", "disable-aws-service-access", "--service-principal", Sso)).ShouldSucceed();

    protected Task<ProcessResult> GetRole(string accountId, string roleName) =>
        Aws(Credentials.Root(accountId), "iam", "get-role", "--role-name", roleName);

    protected async Task<JsonElement> ExistingRole(string accountId, string roleName) =>
        (await GetRole(accountId, roleName)).Json().GetProperty("Role");

    protected async Task ShouldHaveNoRole(string accountId, string roleName) =>
        (await GetRole(accountId, roleName)).ShouldFailWith("NoSuchEntity", "GetRole")
            .Stderr.Should().Contain($"The role with name {roleName} cannot be found.");
}
