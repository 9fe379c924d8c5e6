using LiteDB;
using Emulator.Services.Organizations;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<OrganizationDoc> Organizations => Collection<OrganizationDoc>("organizations");
        public ILiteCollection<AccountDoc> Accounts => Collection<AccountDoc>("accounts");
        public ILiteCollection<OrganizationalUnitDoc> OrganizationalUnits => Collection<OrganizationalUnitDoc>("organizational_units");
        public ILiteCollection<CreateAccountStatusDoc> CreateAccountStatuses => Collection<CreateAccountStatusDoc>("create_account_statuses");
        public ILiteCollection<HandshakeDoc> Handshakes => Collection<HandshakeDoc>("handshakes");
        public ILiteCollection<TrustedServiceDoc> TrustedServices => Collection<TrustedServiceDoc>("trusted_services");
        public ILiteCollection<DelegatedAdministratorDoc> DelegatedAdministrators => Collection<DelegatedAdministratorDoc>("delegated_administrators");
    }
}

namespace Emulator.Services.Organizations
{
    public sealed class OrganizationDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string FeatureSet { get; set; } = "ALL";
        public string ManagementAccountId { get; set; } = "";
        public string ManagementAccountEmail { get; set; } = "";
        public string RootId { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>The last number handed out by <see cref="OrganizationTree.NextSequence"/>: orders requests and handshakes.</summary>
        public long Sequence { get; set; }

        /// <summary>The policy types enabled in the root (none in a new organization).</summary>
        public List<string> EnabledPolicyTypes { get; set; } = [];

        public string Arn => $"arn:aws:organizations::{ManagementAccountId}:organization/{Id}";
    }

    /// <summary>An account the emulator knows: a member of an organization, or a standalone account that has left one or was invited.</summary>
    public sealed class AccountDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Email { get; set; } = "";
        public string? OrganizationId { get; set; }
        public string? ParentId { get; set; }
        public string? JoinedMethod { get; set; }
        public DateTimeOffset? JoinedTimestamp { get; set; }

        /// <summary>ACTIVE, PENDING_CLOSURE or SUSPENDED (the retiring Status); State adds CLOSED semantics on the wire.</summary>
        public string Status { get; set; } = "ACTIVE";
    }

    public sealed class OrganizationalUnitDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string OrganizationId { get; set; } = "";
        public string ParentId { get; set; } = "";
        public string Name { get; set; } = "";
    }

    public sealed class CreateAccountStatusDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string OrganizationId { get; set; } = "";
        public string AccountName { get; set; } = "";
        public long Sequence { get; set; }
        public string State { get; set; } = "SUCCEEDED";
        public string? AccountId { get; set; }
        public string? FailureReason { get; set; }
        public DateTimeOffset RequestedTimestamp { get; set; }
        public DateTimeOffset? CompletedTimestamp { get; set; }
    }

    public sealed class HandshakeDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string OrganizationId { get; set; } = "";
        public string ManagementAccountId { get; set; } = "";
        public long Sequence { get; set; }
        public string TargetType { get; set; } = "ACCOUNT";
        public string TargetId { get; set; } = "";
        public string State { get; set; } = "OPEN";
        public string Action { get; set; } = "INVITE";

        /// <summary>For APPROVE_ALL_FEATURES: the organization's ENABLE_ALL_FEATURES handshake.</summary>
        public string? ParentHandshakeId { get; set; }
        public string? Notes { get; set; }

        /// <summary>InviteAccountToOrganization's Tags, put on the account when it joins.</summary>
        public List<TagEntryDoc> Tags { get; set; } = [];
        public DateTimeOffset RequestedTimestamp { get; set; }
        public DateTimeOffset ExpirationTimestamp { get; set; }
    }

    public sealed class TrustedServiceDoc
    {
        /// <summary>"{organizationId}/{servicePrincipal}".</summary>
        [BsonId] public string Id { get; set; } = "";
        public string OrganizationId { get; set; } = "";
        public string ServicePrincipal { get; set; } = "";
        public DateTimeOffset DateEnabled { get; set; }

        public static string Key(string organizationId, string servicePrincipal) => $"{organizationId}/{servicePrincipal}";
    }

    public sealed class DelegatedAdministratorDoc
    {
        /// <summary>"{organizationId}/{accountId}/{servicePrincipal}".</summary>
        [BsonId] public string Id { get; set; } = "";
        public string OrganizationId { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string ServicePrincipal { get; set; } = "";
        public DateTimeOffset DelegationEnabledDate { get; set; }
    }
}
