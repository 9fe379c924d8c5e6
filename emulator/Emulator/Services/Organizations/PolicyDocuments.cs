using LiteDB;
using Emulator.Services.Organizations;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<PolicyDoc> Policies => Collection<PolicyDoc>("organization_policies");
        public ILiteCollection<PolicyAttachmentDoc> PolicyAttachments => Collection<PolicyAttachmentDoc>("policy_attachments");
        public ILiteCollection<TagSetDoc> OrganizationTags => Collection<TagSetDoc>("organization_tags");
        public ILiteCollection<ResourcePolicyDoc> OrganizationResourcePolicies => Collection<ResourcePolicyDoc>("organization_resource_policies");
    }
}

namespace Emulator.Services.Organizations
{
    /// <summary>A customer-managed Organizations policy (AWS-managed ones live in <see cref="AwsManagedPolicies"/>).</summary>
    public sealed class PolicyDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string OrganizationId { get; set; } = "";
        public string Type { get; set; } = "";
        public string Name { get; set; } = "";
        public string Description { get; set; } = "";
        public string Content { get; set; } = "";
        public DateTimeOffset UpdatedAt { get; set; }
    }

    /// <summary>A policy attached to a root, OU or account.</summary>
    public sealed class PolicyAttachmentDoc
    {
        /// <summary>"{targetId}/{policyId}".</summary>
        [BsonId] public string Id { get; set; } = "";
        public string OrganizationId { get; set; } = "";
        public string PolicyId { get; set; } = "";
        public string PolicyType { get; set; } = "";
        public string TargetId { get; set; } = "";

        /// <summary>The organization's sequence at attach time: attachments are listed in the order they were made.</summary>
        public long Sequence { get; set; }
        public DateTimeOffset AttachedAt { get; set; }

        public static string Key(string targetId, string policyId) => $"{targetId}/{policyId}";
    }

    public sealed class TagEntryDoc
    {
        public string Key { get; set; } = "";
        public string Value { get; set; } = "";
    }

    /// <summary>The tags of one taggable resource (account, root, OU, policy or resource policy), by resource id.</summary>
    public sealed class TagSetDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string OrganizationId { get; set; } = "";
        public List<TagEntryDoc> Tags { get; set; } = [];
    }

    /// <summary>The organization's resource policy (one per organization; the id is the organization id).</summary>
    public sealed class ResourcePolicyDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string PolicyId { get; set; } = "";
        public string Content { get; set; } = "";
    }
}
