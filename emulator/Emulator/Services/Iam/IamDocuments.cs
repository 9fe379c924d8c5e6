using LiteDB;
using Emulator.Services.Iam;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<RoleDoc> Roles => Collection<RoleDoc>("roles");
        public ILiteCollection<UserDoc> Users => Collection<UserDoc>("users");
        public ILiteCollection<AccessKeyDoc> AccessKeys => Collection<AccessKeyDoc>("access_keys");
        public ILiteCollection<DeletionTaskDoc> DeletionTasks => Collection<DeletionTaskDoc>("deletion_tasks");
    }
}

namespace Emulator.Services.Iam
{
    public sealed class RoleDoc
    {
        /// <summary>"{accountId}/{lower-case role name}": IAM role names are unique per account, case-insensitively.</summary>
        [BsonId] public string Id { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string RoleName { get; set; } = "";
        public string RoleId { get; set; } = "";
        public string Path { get; set; } = "/";
        public DateTimeOffset CreateDate { get; set; }
        public string AssumeRolePolicyDocument { get; set; } = "";
        public string? Description { get; set; }
        public int MaxSessionDuration { get; set; } = 3600;
        public string? PermissionsBoundaryArn { get; set; }
        public List<AttachedPolicyDoc> AttachedPolicies { get; set; } = [];
        public Dictionary<string, string> InlinePolicies { get; set; } = [];
        public List<TagDoc> Tags { get; set; } = [];

        /// <summary>The service principal a service-linked role belongs to, e.g. "sso.amazonaws.com"; null for customer roles.</summary>
        public string? LinkedService { get; set; }

        /// <summary>Set on roles a service manages for the customer (AWSReservedSSO_*): "sso.amazonaws.com".</summary>
        public string? ReservedBy { get; set; }

        public string Arn => $"arn:aws:iam::{AccountId}:role{Path}{RoleName}";

        public static string Key(string accountId, string roleName) => $"{accountId}/{roleName.ToLowerInvariant()}";
    }

    public sealed class AttachedPolicyDoc
    {
        public string PolicyName { get; set; } = "";
        public string PolicyArn { get; set; } = "";
    }

    public sealed class TagDoc
    {
        public string Key { get; set; } = "";
        public string Value { get; set; } = "";
    }

    public sealed class UserDoc
    {
        /// <summary>"{accountId}/{lower-case user name}".</summary>
        [BsonId] public string Id { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string UserName { get; set; } = "";
        public string UserId { get; set; } = "";
        public string Path { get; set; } = "/";
        public DateTimeOffset CreateDate { get; set; }
        public string? PermissionsBoundaryArn { get; set; }
        public List<AttachedPolicyDoc> AttachedPolicies { get; set; } = [];
        public List<TagDoc> Tags { get; set; } = [];

        public string Arn => $"arn:aws:iam::{AccountId}:user{Path}{UserName}";

        public static string Key(string accountId, string userName) => $"{accountId}/{userName.ToLowerInvariant()}";
    }

    public sealed class AccessKeyDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string SecretAccessKey { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string UserName { get; set; } = "";
        public string Status { get; set; } = "Active";
        public DateTimeOffset CreateDate { get; set; }
    }

    public sealed class DeletionTaskDoc
    {
        /// <summary>"task/aws-service-role/{service}/{role}/{uuid}".</summary>
        [BsonId] public string Id { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string RoleName { get; set; } = "";
        public string Status { get; set; } = "SUCCEEDED";
        public string? Reason { get; set; }
        public List<string> UsedByResources { get; set; } = [];
        public string? UsageRegion { get; set; }
    }
}
