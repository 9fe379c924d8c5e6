using LiteDB;
using Emulator.Services.Iam;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<ManagedPolicyDoc> ManagedPolicies => Collection<ManagedPolicyDoc>("managed_policies");
        public ILiteCollection<UserInlinePolicyDoc> UserInlinePolicies => Collection<UserInlinePolicyDoc>("user_inline_policies");
        public ILiteCollection<GroupDoc> Groups => Collection<GroupDoc>("groups");
        public ILiteCollection<SessionPolicyDoc> SessionPolicies => Collection<SessionPolicyDoc>("session_policies");
    }
}

namespace Emulator.Services.Iam
{
    /// <summary>A customer managed policy and its versions (at most five); the id is its ARN.</summary>
    public sealed class ManagedPolicyDoc
    {
        [BsonId] public string Arn { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string PolicyName { get; set; } = "";
        public string PolicyId { get; set; } = "";
        public string Path { get; set; } = "/";
        public string? Description { get; set; }
        public string DefaultVersionId { get; set; } = "v1";
        public int NextVersion { get; set; } = 2;
        public DateTimeOffset CreateDate { get; set; }
        public DateTimeOffset UpdateDate { get; set; }
        public List<PolicyVersionDoc> Versions { get; set; } = [];
        public List<TagDoc> Tags { get; set; } = [];

        public string? DocumentOf(string versionId) => Versions.FirstOrDefault(v => v.VersionId == versionId)?.Document;
    }

    public sealed class PolicyVersionDoc
    {
        public string VersionId { get; set; } = "";
        public string Document { get; set; } = "";
        public DateTimeOffset CreateDate { get; set; }
    }

    /// <summary>An IAM user's inline policy: id "{account}/{user lower}/{policy name}".</summary>
    public sealed class UserInlinePolicyDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string UserName { get; set; } = "";
        public string PolicyName { get; set; } = "";
        public string Document { get; set; } = "";

        public static string Key(string accountId, string userName, string policyName) => $"{UserDoc.Key(accountId, userName)}/{policyName}";
    }

    /// <summary>An IAM group: its members (user names), attached managed policies and inline policies.</summary>
    public sealed class GroupDoc
    {
        /// <summary>"{accountId}/{lower-case group name}".</summary>
        [BsonId] public string Id { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string GroupName { get; set; } = "";
        public string GroupId { get; set; } = "";
        public string Path { get; set; } = "/";
        public DateTimeOffset CreateDate { get; set; }
        public List<string> UserNames { get; set; } = [];
        public List<AttachedPolicyDoc> AttachedPolicies { get; set; } = [];
        public Dictionary<string, string> InlinePolicies { get; set; } = [];

        public string Arn => $"arn:aws:iam::{AccountId}:group{Path}{GroupName}";

        public static string Key(string accountId, string groupName) => $"{accountId}/{groupName.ToLowerInvariant()}";
    }

    /// <summary>The session policies an AssumeRole or GetFederationToken call passed (Policy, PolicyArns), by the issued access key id.</summary>
    public sealed class SessionPolicyDoc
    {
        [BsonId] public string AccessKeyId { get; set; } = "";

        /// <summary>GetFederationToken: the issuing IAM user's UserId (the account id for the root user); null for AssumeRole.</summary>
        public string? FederatedBy { get; set; }
        public string? Policy { get; set; }
        public List<string> PolicyArns { get; set; } = [];
    }
}
