namespace Emulator.Services.Organizations;

/// <summary>The AWS-managed policies: the same in every organization, never updated or deleted by customers.</summary>
public static class AwsManagedPolicies
{
    public const string FullAwsAccessId = "p-FullAWSAccess";
    public const string RcpFullAwsAccessId = "p-RCPFullAWSAccess";

    public sealed record Managed(string Id, string Name, string Type, string Description, string Content)
    {
        public string Arn => $"arn:aws:organizations::aws:policy/{Type.ToLowerInvariant()}/{Id}";
    }

    public static readonly IReadOnlyDictionary<string, Managed> All = new Managed[]
    {
        new(FullAwsAccessId, "FullAWSAccess", PolicyTypes.ServiceControl, "Allows access to every operation",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""),
        // The RCP's description is UNCONFIRMED (taken to match FullAWSAccess).
        new(RcpFullAwsAccessId, "RCPFullAWSAccess", PolicyTypes.ResourceControl, "Allows access to every operation",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"""),
    }.ToDictionary(p => p.Id, StringComparer.Ordinal);

    public static Managed? Find(string policyId) => All.GetValueOrDefault(policyId);
}
