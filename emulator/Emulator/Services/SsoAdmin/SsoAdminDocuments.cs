using LiteDB;
using Emulator.Services.SsoAdmin;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<SsoRequestDoc> SsoRequests => Collection<SsoRequestDoc>("sso_requests");
        public ILiteCollection<SsoInstanceTagsDoc> SsoInstanceTags => Collection<SsoInstanceTagsDoc>("sso_instance_tags");
    }
}

namespace Emulator.Services.SsoAdmin
{
    /// <summary>
    /// An asynchronous sso-admin request (assignment creation/deletion, permission-set provisioning). The emulator does
    /// the work inside the call, so the stored status is final (SUCCEEDED or FAILED); only the call's own answer says IN_PROGRESS.
    /// </summary>
    public sealed class SsoRequestDoc
    {
        /// <summary>Lower-case UUID.</summary>
        [BsonId] public string RequestId { get; set; } = "";

        /// <summary>CREATE_ASSIGNMENT, DELETE_ASSIGNMENT or PROVISION.</summary>
        public string Kind { get; set; } = "";
        public string InstanceArn { get; set; } = "";
        public string Status { get; set; } = "SUCCEEDED";
        public string? FailureReason { get; set; }
        public string PermissionSetArn { get; set; } = "";
        public string? TargetId { get; set; }
        public string? TargetType { get; set; }
        public string? PrincipalType { get; set; }
        public string? PrincipalId { get; set; }
        public DateTimeOffset CreatedDate { get; set; }

        public const string CreateAssignment = "CREATE_ASSIGNMENT";
        public const string DeleteAssignment = "DELETE_ASSIGNMENT";
        public const string Provision = "PROVISION";
    }
}

namespace Emulator.Services.SsoAdmin
{
    /// <summary>The tags of an instance (permission sets keep theirs in PermissionSetDoc.Tags).</summary>
    public sealed class SsoInstanceTagsDoc
    {
        /// <summary>The instance ARN.</summary>
        [BsonId] public string InstanceArn { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = [];
    }
}
