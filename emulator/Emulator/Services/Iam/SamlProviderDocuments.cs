using LiteDB;
using Emulator.Services.Iam;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<SamlProviderDoc> SamlProviders => Collection<SamlProviderDoc>("saml_providers");
    }
}

namespace Emulator.Services.Iam
{
    /// <summary>An IAM SAML identity provider. Names are unique per account (case-sensitively, as ARNs are).</summary>
    public sealed class SamlProviderDoc
    {
        /// <summary>"{accountId}/{name}".</summary>
        [BsonId] public string Id { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string Name { get; set; } = "";
        public string SAMLProviderUUID { get; set; } = "";
        public string SAMLMetadataDocument { get; set; } = "";
        public DateTimeOffset CreateDate { get; set; }
        public DateTimeOffset? ValidUntil { get; set; }
        public string? AssertionEncryptionMode { get; set; }
        public List<SamlPrivateKeyDoc> PrivateKeys { get; set; } = [];
        public List<TagDoc> Tags { get; set; } = [];

        /// <summary>The IAM Identity Center instance id that created this provider (AWSSSO_…_DO_NOT_DELETE); null for customer providers.</summary>
        public string? CreatedBySsoInstance { get; set; }

        public string Arn => $"arn:aws:iam::{AccountId}:saml-provider/{Name}";

        public static string Key(string accountId, string name) => $"{accountId}/{name}";
    }

    public sealed class SamlPrivateKeyDoc
    {
        public string KeyId { get; set; } = "";
        public DateTimeOffset Timestamp { get; set; }
    }
}
