using Emulator.Tests.Support;

namespace Emulator.Tests.Organizations;

/// <summary>Many clients at once: no duplicate ids, and no rule applied to half the accounts.</summary>
public sealed class ConcurrentClientsTests : IDisposable
{
    private readonly EmulatorFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Accounts_created_while_trusted_access_is_enabled_get_unique_ids_and_all_get_the_sso_role()
    {
        var management = _factory.Client("111111111111");
        await management.CreateOrganization();

        var creations = Enumerable.Range(0, 40)
            .Select(i => Task.Run(() => management.CreateAccount($"team{i}", $"team{i}@example.com"))).ToList();
        var enable = Task.Run(async () =>
            (await management.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = OrganizationsSteps.Sso })).EnsureSuccess());
        var accounts = await Task.WhenAll(creations);
        await enable;

        accounts.Should().OnlyHaveUniqueItems();
        var everyone = accounts.Append("111111111111").ToList();
        foreach (var account in everyone)
            (await _factory.Client(account).Iam("GetRole", ("RoleName", "AWSServiceRoleForSSO"))).EnsureSuccess();

        var listed = new List<string>();
        string? next = null;
        do
        {
            var page = (await management.Organizations("ListAccounts", new { NextToken = next })).EnsureSuccess().Json;
            listed.AddRange(page["Accounts"]!.AsArray().Select(a => (string)a!["Id"]!));
            next = (string?)page["NextToken"];
        } while (next is not null);
        listed.Should().BeEquivalentTo(everyone);
    }
}
