using LiteDB;
using Emulator.Services.Iam;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<AccountAliasDoc> AccountAliases => Collection<AccountAliasDoc>("account_aliases");
        public ILiteCollection<PasswordPolicyDoc> PasswordPolicies => Collection<PasswordPolicyDoc>("password_policies");
        public ILiteCollection<InstanceProfileDoc> InstanceProfiles => Collection<InstanceProfileDoc>("instance_profiles");
    }
}

namespace Emulator.Services.Iam
{
    /// <summary>An account alias. Aliases are unique across all accounts, so the alias is the key.</summary>
    public sealed class AccountAliasDoc
    {
        [BsonId] public string Alias { get; set; } = "";
        public string AccountId { get; set; } = "";
    }

    /// <summary>The account's password policy for IAM users (one per account, keyed by account id).</summary>
    public sealed class PasswordPolicyDoc
    {
        [BsonId] public string AccountId { get; set; } = "";
        public int MinimumPasswordLength { get; set; }
        public bool RequireSymbols { get; set; }
        public bool RequireNumbers { get; set; }
        public bool RequireUppercaseCharacters { get; set; }
        public bool RequireLowercaseCharacters { get; set; }
        public bool AllowUsersToChangePassword { get; set; }
        public int? MaxPasswordAge { get; set; }
        public int? PasswordReusePrevention { get; set; }
        public bool HardExpiry { get; set; }
    }

    /// <summary>An instance profile: a container for at most one role.</summary>
    public sealed class InstanceProfileDoc
    {
        /// <summary>"{accountId}/{lower-case name}": names are unique per account, case-insensitively.</summary>
        [BsonId] public string Id { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string InstanceProfileName { get; set; } = "";
        public string InstanceProfileId { get; set; } = "";
        public string Path { get; set; } = "/";
        public DateTimeOffset CreateDate { get; set; }
        public List<string> RoleNames { get; set; } = [];
        public List<TagDoc> Tags { get; set; } = [];

        public string Arn => $"arn:aws:iam::{AccountId}:instance-profile{Path}{InstanceProfileName}";

        public static string Key(string accountId, string name) => $"{accountId}/{name.ToLowerInvariant()}";
    }
}
