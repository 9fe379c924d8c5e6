using System.Security.Cryptography;
using Emulator.Services.Organizations;
using Emulator.State;
using Emulator.Tests.Support;
using LiteDB;

namespace Emulator.Tests.State;

/// <summary>
/// The state file's format: documents under storage keys, trail pages in binary, small commits in a journal (format 4);
/// a format-1 file, written by the emulator until 2026-11-30 with each document under its own id, and files of formats
/// 2 and 3 are upgraded in place when they are opened.
/// </summary>
public sealed class StateFileFormatTests : IDisposable
{
    // Fixtures/format-1.json holds every collection of a format-1 file (LiteDB's JSON of each document, as stored: each
    // under its own id), made by Fixtures/make-format-1.py against the emulator at c410314: an organization
    // managed by 000000000000 (the "test" key), accounts alpha (moved into the OU "workloads"), beta (tagged team=blue)
    // and gamma, trusted access for IAM Identity Center, and the IAM role "deployer" in the management account.
    private const string Alpha = "766275564057", Beta = "225120615177", Gamma = "708521088451";

    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-format-").FullName;

    private string DataPath => Path.Combine(_folder, "state.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Writes the fixture's documents, as they were stored, into a new LiteDB file in the test's temp folder.</summary>
    private void WriteFormat1File()
    {
        var dump = LiteDB.JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "State", "Fixtures", "format-1.json"))).AsDocument;
        using var db = new LiteDatabase(new ConnectionString { Filename = DataPath, Connection = ConnectionType.Direct });
        foreach (var (name, documents) in dump) db.GetCollection(name).InsertBulk(documents.AsArray.Select(d => d.AsDocument));
    }

    private EmulatorFactory Emulator() => new(new Dictionary<string, string> { ["Emulator:InMemory"] = "false", ["Emulator:DataPath"] = DataPath });

    [Fact]
    public async Task A_format_1_file_is_upgraded_in_place_and_answers_as_before()
    {
        WriteFormat1File();
        using (var emulator = Emulator())
        {
            var client = emulator.Client();
            var accounts = (await client.Organizations("ListAccounts")).EnsureSuccess().Json["Accounts"]!.AsArray();
            accounts.Select(a => (string)a!["Id"]!).Should().Contain([Alpha, Beta, Gamma]);
            accounts.Single(a => (string)a!["Id"]! == Beta)!["Email"]!.GetValue<string>().Should().Be("beta@example.com");

            var root = (string)(await client.Organizations("ListRoots")).EnsureSuccess().Json["Roots"]![0]!["Id"]!;
            var ou = (await client.Organizations("ListOrganizationalUnitsForParent", new { ParentId = root })).EnsureSuccess().Json["OrganizationalUnits"]!.AsArray().Single()!;
            ((string)ou["Name"]!).Should().Be("workloads");
            (await client.Organizations("ListAccountsForParent", new { ParentId = (string)ou["Id"]! })).EnsureSuccess()
                .Json["Accounts"]!.AsArray().Select(a => (string)a!["Id"]!).Should().Equal(Alpha);
            (await client.Organizations("ListTagsForResource", new { ResourceId = Beta })).EnsureSuccess()
                .Json["Tags"]!.ToJsonString().Should().Be("""[{"Key":"team","Value":"blue"}]""");
            (await client.Organizations("ListAWSServiceAccessForOrganization")).EnsureSuccess()
                .Json["EnabledServicePrincipals"]!.AsArray().Select(s => (string)s!["ServicePrincipal"]!).Should().Equal("sso.amazonaws.com");
            (await client.Iam("GetRole", ("RoleName", "deployer"))).EnsureSuccess().XmlValue("Description").Should().Be("format-1 fixture");
            foreach (var member in new[] { Alpha, Beta, Gamma })
                foreach (var role in new[] { "AWSServiceRoleForSSO", AccountCreationOperations.DefaultRoleName })
                    (await client.As(member).Iam("GetRole", ("RoleName", role))).EnsureSuccess();

            (await client.Organizations("CreateAccount", new { AccountName = "delta", Email = "delta@example.com" })).EnsureSuccess();
        }

        using (var db = new LiteDatabase(new ConnectionString { Filename = DataPath, Connection = ConnectionType.Direct }))
        {
            db.GetCollection("_emulator").FindById("format")["format"].AsString.Should().Be("aws-org-sso-emulator/4");
            var stored = db.GetCollection("accounts").FindAll().ToList();
            stored.Should().OnlyContain(d => d["_id"].IsNumber && d[StorageKeys.DocumentIdField].IsString);
            stored.Select(d => d[StorageKeys.DocumentIdField].AsString).Should().Contain([Alpha, Beta, Gamma]);
        }

        using var reopened = new StateStore(DataPath);
        reopened.Read(tx => tx.Accounts.FindBy(Indexes.AccountsByEmail, "delta@example.com").Single().Name).Should().Be("delta");
        reopened.Read(tx => tx.Accounts.FindById(Alpha)!.Name).Should().Be("alpha");
    }

    [Fact]
    public void New_documents_take_the_next_storage_key_whatever_their_ids()
    {
        var ids = new[] { "900000000000", "100000000000", "500000000000" };
        // Each store folds its journal when it closes, so each step reaches the collections before the next.
        using (var store = new StateStore(DataPath))
            foreach (var id in ids) store.Write(tx => tx.Accounts.Insert(new AccountDoc { Id = id, Name = id, Email = $"{id}@example.com" }));
        using (var store = new StateStore(DataPath))
            store.Write(tx => tx.Accounts.Delete(ids[1]));
        using (var store = new StateStore(DataPath))
            store.Write(tx => tx.Accounts.Insert(new AccountDoc { Id = ids[1], Name = "again", Email = "again@example.com" }));
        using var db = new LiteDatabase(new ConnectionString { Filename = DataPath, Connection = ConnectionType.Direct });
        db.GetCollection("accounts").FindAll().OrderBy(d => d["_id"].AsInt64)
            .Select(d => (d["_id"].AsInt64, d[StorageKeys.DocumentIdField].AsString))
            .Should().Equal((1L, ids[0]), (3L, ids[2]), (4L, ids[1]));
    }

    [Theory]
    [InlineData("aws-org-sso-emulator/2")]
    [InlineData("aws-org-sso-emulator/3")]
    public void A_format_2_or_3_file_takes_the_new_marker_and_keeps_its_documents_and_its_JSON_trail_pages(string format)
    {
        using (var store = new StateStore(DataPath))
            store.Write(tx => tx.Accounts.Insert(new AccountDoc { Id = Alpha, Name = "alpha", Email = "alpha@example.com" }));
        var jsonPage = new BsonDocument
        {
            ["_id"] = Services.Trail.TrailPages.Key(1),
            ["count"] = 1,
            ["events"] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes<IReadOnlyList<Services.Trail.TrailEntry>>(
                [new Services.Trail.TrailEntry
                {
                    Sequence = 1, EventId = "e-1", EventTime = DateTimeOffset.UtcNow, EventType = "AwsApiCall", AccountId = "000000000000",
                    EventSource = "organizations.amazonaws.com", EventName = "CreateAccount", Region = "us-east-1", RequestId = "r-1",
                    SourceIp = "127.0.0.1", UserAgent = "test",
                }],
                Services.Trail.TrailPageJson.Default.IReadOnlyListTrailEntry),
        };
        using (var db = new LiteDatabase(new ConnectionString { Filename = DataPath, Connection = ConnectionType.Direct }))
        {
            db.GetCollection(Services.Trail.TrailPages.Collection).DeleteAll();
            db.GetCollection(Services.Trail.TrailPages.Collection).Insert(jsonPage);
            db.GetCollection("_emulator").Upsert(new BsonDocument { ["_id"] = "format", ["format"] = format });
        }

        using (var reopened = new StateStore(DataPath))
        {
            reopened.Read(tx => tx.Accounts.FindById(Alpha)!.Name).Should().Be("alpha");
            reopened.Trail.Window.NewestFirst().Should().ContainSingle(e => e.EventId == "e-1" && e.EventName == "CreateAccount");
        }
        using var file = new LiteDatabase(new ConnectionString { Filename = DataPath, Connection = ConnectionType.Direct });
        file.GetCollection("_emulator").FindById("format")["format"].AsString.Should().Be("aws-org-sso-emulator/4");
    }

    [Fact]
    public void A_file_of_an_unknown_format_is_refused_and_left_alone()
    {
        WriteFormat1File();
        using (var db = new LiteDatabase(new ConnectionString { Filename = DataPath, Connection = ConnectionType.Direct }))
            db.GetCollection("_emulator").Upsert(new BsonDocument { ["_id"] = "format", ["format"] = "aws-org-sso-emulator/9" });
        var before = Hash();

        var open = () => new StateStore(DataPath);

        open.Should().Throw<StateFileException>().Which.Message.Should().Contain("aws-org-sso-emulator/9");
        Hash().Should().Be(before);
    }

    private string Hash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(DataPath)));
}
