namespace Emulator.Services.TrustModel;

/// <summary>
/// A service-linked role as the owning service creates it. Its derived texts are built once: every account's copy of
/// the role shares them (10,000 accounts hold one trust policy, not 10,000).
/// </summary>
public sealed record ServiceLinkedRoleSpec(string ServicePrincipal, string RoleName, string ManagedPolicyName, string? Description, int MaxSessionDuration = 3600)
{
    public string Path { get; } = $"/aws-service-role/{ServicePrincipal}/";
    public string ManagedPolicyArn { get; } = $"arn:aws:iam::aws:policy/aws-service-role/{ManagedPolicyName}";
    public string TrustPolicy { get; } = Iam.RoleFactory.TrustPolicy("Service", ServicePrincipal);
}

/// <summary>
/// The service principals Organizations accepts for trusted access (aws-facts §2), and the service-linked roles the
/// emulator models. One table: trusted access, CreateServiceLinkedRole and the deletion locks all read it.
/// </summary>
public static class ServicePrincipals
{
    public const string Sso = "sso.amazonaws.com";
    public const string Organizations = "organizations.amazonaws.com";

    public static readonly IReadOnlySet<string> TrustedAccess = new HashSet<string>(StringComparer.Ordinal)
    {
        "access-analyzer.amazonaws.com", "account.amazonaws.com", "auditmanager.amazonaws.com",
        "aws-artifact-account-sync.amazonaws.com", "backup.amazonaws.com", "cloudtrail.amazonaws.com",
        "compute-optimizer.amazonaws.com", "config.amazonaws.com", "config-multiaccountsetup.amazonaws.com",
        "controltower.amazonaws.com", "cost-optimization-hub.bcm.amazonaws.com", "detective.amazonaws.com",
        "devops-guru.amazonaws.com", "ds.amazonaws.com", "fms.amazonaws.com", "guardduty.amazonaws.com",
        "health.amazonaws.com", "iam.amazonaws.com", "inspector2.amazonaws.com", "ipam.amazonaws.com",
        "license-manager.amazonaws.com", "license-manager.member-account.amazonaws.com",
        "license-manager-linux-subscriptions.amazonaws.com", "license-management.marketplace.amazonaws.com",
        "macie.amazonaws.com", "member.org.stacksets.cloudformation.amazonaws.com", "mgn.amazonaws.com",
        "ram.amazonaws.com", "reachabilityanalyzer.networkinsights.amazonaws.com",
        "reporting.trustedadvisor.amazonaws.com", "securityhub.amazonaws.com", "securitylake.amazonaws.com",
        "servicecatalog.amazonaws.com", "servicequotas.amazonaws.com", "ssm.amazonaws.com", Sso,
        "storage-lens.s3.amazonaws.com", "tagpolicies.tag.amazonaws.com", "wellarchitected.amazonaws.com",
    };

    public static readonly ServiceLinkedRoleSpec SsoRole = new(Sso, "AWSServiceRoleForSSO", "AWSSSOServiceRolePolicy",
        "Service-linked role used by AWS SSO to manage AWS resources, including IAM roles, policies and SAML IdP on your behalf.");

    public static readonly ServiceLinkedRoleSpec OrganizationsRole = new(Organizations, "AWSServiceRoleForOrganizations",
        "AWSOrganizationsServiceTrustPolicy", "Service-linked role used by AWS Organizations to enable integration of other AWS services with Organizations.");

    /// <summary>Roles CreateServiceLinkedRole can create, by AWSServiceName.</summary>
    public static readonly IReadOnlyDictionary<string, ServiceLinkedRoleSpec> LinkedRoles =
        new Dictionary<string, ServiceLinkedRoleSpec> { [Sso] = SsoRole, [Organizations] = OrganizationsRole };

    /// <summary>Roles that enabling trusted access creates in every account of the organization (and in accounts that join later).</summary>
    public static readonly IReadOnlyDictionary<string, ServiceLinkedRoleSpec> FanOutOnTrustedAccess =
        new Dictionary<string, ServiceLinkedRoleSpec> { [Sso] = SsoRole };
}
