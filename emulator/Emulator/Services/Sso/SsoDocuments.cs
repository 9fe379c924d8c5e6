using LiteDB;
using Emulator.Services.Sso;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<SsoInstanceDoc> SsoInstances => Collection<SsoInstanceDoc>("sso_instances");
        public ILiteCollection<SsoUserDoc> SsoUsers => Collection<SsoUserDoc>("sso_users");
        public ILiteCollection<SsoGroupDoc> SsoGroups => Collection<SsoGroupDoc>("sso_groups");
        public ILiteCollection<SsoGroupMembershipDoc> SsoGroupMemberships => Collection<SsoGroupMembershipDoc>("sso_group_memberships");
        public ILiteCollection<PermissionSetDoc> PermissionSets => Collection<PermissionSetDoc>("sso_permission_sets");
        public ILiteCollection<AccountAssignmentDoc> AccountAssignments => Collection<AccountAssignmentDoc>("sso_account_assignments");
        public ILiteCollection<ProvisionedPermissionSetDoc> ProvisionedPermissionSets => Collection<ProvisionedPermissionSetDoc>("sso_provisioned_permission_sets");
    }
}

namespace Emulator.Services.Sso
{
    /// <summary>An IAM Identity Center instance: the organization instance (from setup) or an account instance (CreateInstance).</summary>
    public sealed class SsoInstanceDoc
    {
        /// <summary>"ssoins-" + 16 lower-case hex.</summary>
        [BsonId] public string Id { get; set; } = "";
        public string IdentityStoreId { get; set; } = "";
        public string OwnerAccountId { get; set; } = "";

        /// <summary>Set for the organization instance; null for an account instance.</summary>
        public string? OrganizationId { get; set; }
        public string? Name { get; set; }
        public DateTimeOffset CreatedDate { get; set; }
        public string Status { get; set; } = "ACTIVE";

        /// <summary>The ds directory that is the identity source; null = the Identity Center directory.</summary>
        public string? IdentitySourceDirectoryId { get; set; }

        /// <summary>The sync scope: group and user sAMAccountNames (both empty = every user and group).</summary>
        public List<string> SyncScopeGroups { get; set; } = [];
        public List<string> SyncScopeUsers { get; set; } = [];
        public DateTimeOffset? LastSyncAt { get; set; }

        public string InstanceArn => $"arn:aws:sso:::instance/{Id}";
    }

    /// <summary>A directory user. Attributes beyond the ones SSO itself reads are kept as the identitystore JSON they came in.</summary>
    public sealed class SsoUserDoc
    {
        [BsonId] public string UserId { get; set; } = "";
        public string IdentityStoreId { get; set; } = "";
        public string UserName { get; set; } = "";
        public string? DisplayName { get; set; }

        /// <summary>The primary email address, shown by the portal.</summary>
        public string? Email { get; set; }

        /// <summary>The identitystore User members other than UserId, IdentityStoreId and UserName, as JSON.</summary>
        public string AttributesJson { get; set; } = "{}";

        /// <summary>The objectGUID of the directory user this user was synchronised from; null in the Identity Center directory.</summary>
        public string? DirectoryObjectGuid { get; set; }

        /// <summary>ASP.NET Core PasswordHasher output (salted PBKDF2); null for users who cannot sign in.</summary>
        public string? PasswordHash { get; set; }
    }

    public sealed class SsoGroupDoc
    {
        [BsonId] public string GroupId { get; set; } = "";
        public string IdentityStoreId { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string? Description { get; set; }
        public string AttributesJson { get; set; } = "{}";

        /// <summary>The objectGUID of the directory group this group was synchronised from; null in the Identity Center directory.</summary>
        public string? DirectoryObjectGuid { get; set; }
    }

    public sealed class SsoGroupMembershipDoc
    {
        [BsonId] public string MembershipId { get; set; } = "";
        public string IdentityStoreId { get; set; } = "";
        public string GroupId { get; set; } = "";
        public string UserId { get; set; } = "";
    }

    public sealed class PermissionSetDoc
    {
        /// <summary>"arn:aws:sso:::permissionSet/ssoins-…/ps-…".</summary>
        [BsonId] public string PermissionSetArn { get; set; } = "";
        public string InstanceArn { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public string SessionDuration { get; set; } = "PT1H";
        public string? RelayState { get; set; }
        public DateTimeOffset CreatedDate { get; set; }
        public List<string> ManagedPolicyArns { get; set; } = [];
        public string? InlinePolicy { get; set; }
        public Dictionary<string, string> Tags { get; set; } = [];

        /// <summary>Customer managed policies by name and path, resolved in each account the permission set is provisioned to.</summary>
        public List<PolicyReferenceDoc> CustomerManagedPolicies { get; set; } = [];

        /// <summary>The permissions boundary: an AWS managed policy ARN, or a customer managed policy reference (one of the two).</summary>
        public string? BoundaryManagedPolicyArn { get; set; }
        public PolicyReferenceDoc? BoundaryReference { get; set; }
    }

    /// <summary>A customer managed policy by name and path ("/" by default), as sso-admin names it.</summary>
    public sealed class PolicyReferenceDoc
    {
        public string Name { get; set; } = "";
        public string Path { get; set; } = "/";

        public string ArnIn(string accountId) => $"arn:aws:iam::{accountId}:policy{Path}{Name}";
    }

    public sealed class AccountAssignmentDoc
    {
        /// <summary>"{instanceArn}|{accountId}|{permissionSetArn}|{principalType}|{principalId}".</summary>
        [BsonId] public string Id { get; set; } = "";
        public string InstanceArn { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string PermissionSetArn { get; set; } = "";
        public string PrincipalType { get; set; } = "USER";
        public string PrincipalId { get; set; } = "";
        public DateTimeOffset CreatedDate { get; set; }

        public static string Key(string instanceArn, string accountId, string permissionSetArn, string principalType, string principalId) =>
            $"{instanceArn}|{accountId}|{permissionSetArn}|{principalType}|{principalId}";
    }

    /// <summary>A permission set provisioned into an account: the AWSReservedSSO_* role that carries it there.</summary>
    public sealed class ProvisionedPermissionSetDoc
    {
        /// <summary>"{accountId}|{permissionSetArn}".</summary>
        [BsonId] public string Id { get; set; } = "";
        public string InstanceArn { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string PermissionSetArn { get; set; } = "";
        public string RoleName { get; set; } = "";
        public DateTimeOffset ProvisionedDate { get; set; }

        public static string Key(string accountId, string permissionSetArn) => $"{accountId}|{permissionSetArn}";
    }
}
