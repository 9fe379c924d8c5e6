using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Emulator.Tests.Support;
using LiteDB;

namespace Emulator.Tests.State;

/// <summary>
/// One writer per state file, and a file that is not the emulator's is never overwritten: each refusal is one line
/// on standard error, exit code 2, no stack trace, and the file is left byte for byte as it was.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-start-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static async Task<string> Refused(string why, params string[] args)
    {
        var (exitCode, error) = await EmulatorProcess.RunUntilExit(null, ["--port", EmulatorProcess.FreeTcpPort().ToString(), .. args]);
        exitCode.Should().Be(2, why);
        AssertOneLine(error);
        return error;
    }

    private static void AssertOneLine(string error)
    {
        error.Should().StartWith("error: ");
        error.Split('\n').Should().HaveCount(1, "the refusal is one line, without a stack trace: " + error);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public async Task A_second_process_on_the_same_file_exits_at_once_naming_the_file_and_the_holder()
    {
        var dataPath = PathOf("state.db");
        using var first = await EmulatorProcess.StartAsync(dataPath);
        var error = await Refused("the file is in use", "--data", dataPath);
        error.Should().Contain(dataPath).And.Contain($"pid {first.Id}");
    }

    [Fact]
    public void A_second_store_in_the_same_process_is_refused_too()
    {
        var dataPath = PathOf("state.db");
        using var first = new Emulator.State.StateStore(dataPath);
        var second = () => new Emulator.State.StateStore(dataPath);
        second.Should().Throw<Emulator.State.StateFileException>().WithMessage($"*{dataPath}*in use*");
    }

    [Theory]
    [InlineData("short text", "hello, this is not a database\n")]
    [InlineData("one page of zeros", null)]
    public async Task A_file_that_is_not_a_LiteDB_database_is_refused_and_left_alone(string kind, string? text)
    {
        var dataPath = PathOf("notes.txt");
        if (text is null) File.WriteAllBytes(dataPath, new byte[16384]); else File.WriteAllText(dataPath, text);
        var before = Hash(dataPath);
        var error = await Refused(kind, "--data", dataPath);
        error.Should().Contain("not an emulator state file").And.Contain("mv ");
        Hash(dataPath).Should().Be(before);
    }

    [Fact]
    public async Task A_truncated_state_file_is_refused_and_left_alone()
    {
        var dataPath = PathOf("state.db");
        using (var emulator = await EmulatorProcess.StartAsync(dataPath))
        {
            using var http = new HttpClient { BaseAddress = emulator.Endpoint };
            (await new AwsClient(http, "111111111111").Organizations("CreateOrganization", new { FeatureSet = "ALL" })).Status.Should().Be(HttpStatusCode.OK);
        }
        var log = PathOf("state-log.db");
        if (File.Exists(log)) File.Delete(log);
        using (var file = new FileStream(dataPath, FileMode.Open)) file.SetLength(5000);
        var before = Hash(dataPath);
        await Refused("the file is truncated", "--data", dataPath);
        Hash(dataPath).Should().Be(before);
    }

    [Fact]
    public async Task Another_applications_LiteDB_database_is_refused_and_left_alone()
    {
        var dataPath = PathOf("other.db");
        using (var other = new LiteDatabase(dataPath)) other.GetCollection("customers").Insert(new BsonDocument { ["_id"] = 1, ["name"] = "x" });
        var before = Hash(dataPath);
        var error = await Refused("a foreign LiteDB file", "--data", dataPath);
        error.Should().Contain("customers");
        Hash(dataPath).Should().Be(before);
    }

    [Fact]
    public async Task An_empty_file_starts_fresh()
    {
        var dataPath = PathOf("empty.db");
        File.WriteAllBytes(dataPath, []);
        using var emulator = await EmulatorProcess.StartAsync(dataPath);
        using var http = new HttpClient { BaseAddress = emulator.Endpoint };
        (await new AwsClient(http, "111111111111").Organizations("CreateOrganization", new { FeatureSet = "ALL" })).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_directory_is_refused()
    {
        var error = await Refused("a directory", "--data", _folder);
        error.Should().Contain("is a directory");
    }

    [Fact]
    public async Task A_device_is_refused()
    {
        var error = await Refused("a device", "--data", "/dev/full");
        error.Should().Contain("is a device");
    }

    [Fact]
    public async Task A_busy_port_is_one_line()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var (exitCode, error) = await EmulatorProcess.RunUntilExit(null, "--port", port.ToString(), "--in-memory");
        exitCode.Should().Be(2);
        AssertOneLine(error);
        error.Should().Contain(port.ToString());
    }

    [Fact]
    public async Task An_unwritable_home_is_one_line()
    {
        var home = PathOf("home");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, ".local"), "a file where the emulator wants a folder");
        var (exitCode, error) = await EmulatorProcess.RunUntilExit(
            new Dictionary<string, string> { ["HOME"] = home, ["XDG_DATA_HOME"] = "" }, "--port", EmulatorProcess.FreeTcpPort().ToString());
        exitCode.Should().Be(2);
        AssertOneLine(error);
    }
}
