using LiteDB;
using Emulator.Services.DirectoryService;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<DirectoryDoc> Directories => Collection<DirectoryDoc>("ds_directories");
    }
}

namespace Emulator.Services.DirectoryService
{
    /// <summary>The stages a directory goes through here (a subset of ds's DirectoryStage).</summary>
    public static class DirectoryStages
    {
        public const string Requested = "Requested";
        public const string Creating = "Creating";
        public const string Active = "Active";
        public const string Failed = "Failed";
    }

    /// <summary>
    /// A directory registered with ConnectDirectory (an AD Connector to the customer's DCs at <see cref="DnsIpAddrs"/>) or
    /// CreateMicrosoftAD (the operator's local DC, --ad-dc-address). The service account's password is kept as given: the
    /// emulator binds with it for every sync.
    /// </summary>
    public sealed class DirectoryDoc
    {
        /// <summary>"d-" + 10 lower-case hex.</summary>
        [BsonId] public string DirectoryId { get; set; } = "";
        public string OwnerAccountId { get; set; } = "";

        /// <summary>ADConnector or MicrosoftAD.</summary>
        public string Type { get; set; } = "ADConnector";

        /// <summary>The directory's DNS name, e.g. corp.example.com; also the UPN suffix the service account binds with.</summary>
        public string Name { get; set; } = "";

        /// <summary>The NetBIOS name (DOMAIN in DOMAIN\user).</summary>
        public string? ShortName { get; set; }
        public string? Description { get; set; }
        public string? Size { get; set; }
        public string? Edition { get; set; }
        public string? Alias { get; set; }
        public List<string> DnsIpAddrs { get; set; } = [];
        public string ServiceUserName { get; set; } = "";
        public string ServicePassword { get; set; } = "";
        public string VpcId { get; set; } = "";
        public List<string> SubnetIds { get; set; } = [];
        public string Stage { get; set; } = DirectoryStages.Requested;
        public string? StageReason { get; set; }
        public DateTimeOffset LaunchTime { get; set; }
        public DateTimeOffset StageLastUpdatedDateTime { get; set; }

        /// <summary>NetBIOS name given, else the first label of the DNS name, upper-cased (what AD derives by default).</summary>
        public string NetBiosName => ShortName ?? Name.Split('.')[0].ToUpperInvariant();

        /// <summary>DC=corp,DC=example,DC=com for corp.example.com.</summary>
        public string BaseDn => string.Join(",", Name.Split('.').Select(label => "DC=" + label));
    }
}
