using LiteDB;
using Emulator.Portal;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<PortalSessionDoc> PortalSessions => Collection<PortalSessionDoc>("portal_sessions");
    }
}

namespace Emulator.Portal
{
    /// <summary>A browser sign-in to the user portal. The cookie carries only the random id; signing out deletes the document.</summary>
    public sealed class PortalSessionDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string IdentityStoreId { get; set; } = "";
        public string UserId { get; set; } = "";

        /// <summary>Every POST form of this session carries it in a hidden field.</summary>
        public string CsrfToken { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
    }
}
