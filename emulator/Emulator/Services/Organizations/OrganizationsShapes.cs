using Emulator.Protocol;
namespace Emulator.Services.Organizations;

// Request and response records, spelled exactly as the Organizations model spells its members.

public sealed record PolicyTypeSummary(string Type, string Status);

public sealed record Organization(
    string Id, string Arn, string FeatureSet, string MasterAccountArn, string MasterAccountId, string MasterAccountEmail,
    IReadOnlyList<PolicyTypeSummary> AvailablePolicyTypes)
{
    public static Organization From(OrganizationDoc doc) => new(
        doc.Id, doc.Arn, doc.FeatureSet,
        $"arn:aws:organizations::{doc.ManagementAccountId}:account/{doc.Id}/{doc.ManagementAccountId}",
        doc.ManagementAccountId, doc.ManagementAccountEmail,
        doc.FeatureSet == "ALL" ? [new PolicyTypeSummary("SERVICE_CONTROL_POLICY", "ENABLED")] : []);
}

public sealed record OrganizationResponse(Organization Organization);

public sealed record CreateOrganizationRequest(string? FeatureSet);

public sealed record ServicePrincipalRequest(string ServicePrincipal);

public sealed record PageRequest(int? MaxResults, string? NextToken);

public sealed record EnabledServicePrincipal(string ServicePrincipal, EpochTimestamp DateEnabled);

public sealed record ListAWSServiceAccessForOrganizationResponse(IReadOnlyList<EnabledServicePrincipal> EnabledServicePrincipals, string? NextToken);
