namespace Emulator.Services.Organizations;

/// <summary>Authorization policies (SCP, RCP) are IAM-grammar documents; management policies use the @@operator syntax.</summary>
public enum PolicyKind { Authorization, Management }

/// <param name="MaxContentLength">Quota on the document size in characters.</param>
/// <param name="MaxPerTarget">Quota on policies of the type attached to one root, OU or account.</param>
/// <param name="AwsManagedPolicyId">The AWS-managed policy that enabling the type attaches everywhere, if any.</param>
/// <param name="ServicePrincipal">The service whose trusted access may not be disabled while the type is enabled
/// (POLICY_TYPE_ENABLED_FOR_THIS_SERVICE; the model's example is SECURITYHUB_POLICY).</param>
public sealed record PolicyTypeRule(string Type, PolicyKind Kind, int MaxContentLength, int MaxPerTarget, string? AwsManagedPolicyId = null, string? ServicePrincipal = null);

/// <summary>
/// Every policy type of the model, with its quotas (AWS Organizations quotas page: SCP/RCP 5,120 characters and 5 per
/// target; tag and backup 10,000 and 10; AI services opt-out 2,500 and 5; the newer management types are taken as
/// 10,000 and 10, UNCONFIRMED).
/// </summary>
public static class PolicyTypes
{
    public const string ServiceControl = "SERVICE_CONTROL_POLICY";
    public const string ResourceControl = "RESOURCE_CONTROL_POLICY";

    /// <summary>Policies of one type an organization may hold.</summary>
    public const int MaxPoliciesPerType = 1000;

    public static readonly IReadOnlyDictionary<string, PolicyTypeRule> All = new PolicyTypeRule[]
    {
        new(ServiceControl, PolicyKind.Authorization, 5120, 5, AwsManagedPolicies.FullAwsAccessId),
        new(ResourceControl, PolicyKind.Authorization, 5120, 5, AwsManagedPolicies.RcpFullAwsAccessId),
        new("TAG_POLICY", PolicyKind.Management, 10000, 10),
        new("BACKUP_POLICY", PolicyKind.Management, 10000, 10),
        new("AISERVICES_OPT_OUT_POLICY", PolicyKind.Management, 2500, 5),
        new("CHATBOT_POLICY", PolicyKind.Management, 10000, 10),
        new("DECLARATIVE_POLICY_EC2", PolicyKind.Management, 10000, 10),
        new("SECURITYHUB_POLICY", PolicyKind.Management, 10000, 10, ServicePrincipal: "securityhub.amazonaws.com"),
        new("INSPECTOR_POLICY", PolicyKind.Management, 10000, 10),
        new("UPGRADE_ROLLOUT_POLICY", PolicyKind.Management, 10000, 10),
        new("BEDROCK_POLICY", PolicyKind.Management, 10000, 10),
        new("S3_POLICY", PolicyKind.Management, 10000, 10),
        new("NETWORK_SECURITY_DIRECTOR_POLICY", PolicyKind.Management, 10000, 10),
    }.ToDictionary(r => r.Type, StringComparer.Ordinal);

    public static PolicyTypeRule Rule(string type) => All[type];

    public static bool IsEnabled(OrganizationDoc organization, string type) => organization.EnabledPolicyTypes.Contains(type);

    /// <summary>An enabled policy type that belongs to the service, if any.</summary>
    public static string? EnabledTypeOf(OrganizationDoc organization, string servicePrincipal) =>
        All.Values.FirstOrDefault(r => r.ServicePrincipal == servicePrincipal && IsEnabled(organization, r.Type))?.Type;
}
