using LiteDB;
using Emulator.Services.Sts;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<SessionDoc> Sessions => Collection<SessionDoc>("sessions");
    }
}

namespace Emulator.Services.Sts
{
    /// <summary>Temporary credentials the emulator issued (AssumeRole, GetSessionToken, SSO GetRoleCredentials): the key is the principal.</summary>
    public sealed class SessionDoc
    {
        [BsonId] public string Id { get; set; } = "";
        public string SecretAccessKey { get; set; } = "";
        public string SessionToken { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string Kind { get; set; } = "AssumedRole";
        public string Arn { get; set; } = "";
        public string UserId { get; set; } = "";
        public DateTimeOffset Expiration { get; set; }
    }
}
