using Emulator.Services.Iam;
using Emulator.Services.Organizations;
using Emulator.State;
using Emulator.Tests.Support;

namespace Emulator.Tests.State;

/// <summary>Reset is one transaction: killed at any moment, the file holds the whole old state or the empty one.</summary>
public sealed class ResetAtomicityTests : IDisposable
{
    private const int Organizations = 40, RolesPerOrganization = 50;
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-reset-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_reset_killed_at_20_random_moments_leaves_the_old_state_or_the_empty_one()
    {
        var seed = Path.Combine(_folder, "seed.db");
        using (var store = new StateStore(seed)) Populate(store);

        var random = new Random(20261130);
        var outcomes = new List<string>();
        for (var trial = 0; trial < 20; trial++)
        {
            var dataPath = Path.Combine(_folder, $"trial-{trial}.db");
            File.Copy(seed, dataPath);
            using (var emulator = await EmulatorProcess.StartAsync(dataPath))
            {
                using var http = new HttpClient { BaseAddress = emulator.Endpoint };
                var reset = http.PostAsync("_emulator/reset", null);
                await Task.Delay(random.Next(0, 120));
                emulator.Kill();
                // The kill may land while the client connects: .NET then throws the bare SocketException (ENOTCONN).
                try { await reset; } catch (Exception error) when (error is HttpRequestException or System.Net.Sockets.SocketException) { }
            }

            using var reopened = new StateStore(dataPath);
            var (organizations, roles) = reopened.Read(tx => (tx.Organizations.Count(), tx.Roles.Count()));
            (organizations, roles).Should().BeOneOf([(Organizations, Organizations * RolesPerOrganization), (0, 0)],
                $"trial {trial} must hold all of the old state or none of it");
            outcomes.Add(organizations == 0 ? "empty" : "old");
        }
        outcomes.Should().HaveCount(20);
    }

    private static void Populate(StateStore store)
    {
        for (var o = 0; o < Organizations; o++)
        {
            var account = (200_000_000_000L + o).ToString();
            store.Write(tx =>
            {
                tx.Organizations.Insert(new OrganizationDoc { Id = $"o-{o:D10}", ManagementAccountId = account });
                for (var r = 0; r < RolesPerOrganization; r++)
                    tx.Roles.Insert(new RoleDoc { Id = RoleDoc.Key(account, $"Role{r}"), AccountId = account, RoleName = $"Role{r}" });
                return 0;
            });
        }
    }
}
