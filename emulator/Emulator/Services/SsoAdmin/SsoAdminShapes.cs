using Emulator.Protocol;
namespace Emulator.Services.SsoAdmin;

// Request and response records, spelled exactly as the sso-admin model spells its members.

public sealed record Tag(string Key, string Value);

public sealed record PageRequest(int? MaxResults, string? NextToken);

public sealed record InstanceRequest(string InstanceArn);

public sealed record InstancePageRequest(string InstanceArn, int? MaxResults, string? NextToken);

public sealed record CreateInstanceRequest(string? ClientToken, string? Name, List<Tag>? Tags);

public sealed record UpdateInstanceRequest(string InstanceArn, string? Name);

public sealed record InstanceMetadata(
    string InstanceArn, string IdentityStoreId, string OwnerAccountId, string? Name, EpochTimestamp CreatedDate, string Status);

public sealed record ListInstancesResponse(IReadOnlyList<InstanceMetadata> Instances, string? NextToken);

public sealed record DescribeInstanceResponse(
    string InstanceArn, string IdentityStoreId, string OwnerAccountId, string? Name, EpochTimestamp CreatedDate, string Status);

public sealed record CreateInstanceResponse(string InstanceArn);

public sealed record CreatePermissionSetRequest(
    string InstanceArn, string Name, string? Description, string? SessionDuration, string? RelayState, List<Tag>? Tags);

public sealed record PermissionSetRequest(string InstanceArn, string PermissionSetArn);

public sealed record PermissionSetPageRequest(string InstanceArn, string PermissionSetArn, int? MaxResults, string? NextToken);

public sealed record UpdatePermissionSetRequest(
    string InstanceArn, string PermissionSetArn, string? Description, string? SessionDuration, string? RelayState);

public sealed record PermissionSet(
    string Name, string PermissionSetArn, string? Description, EpochTimestamp CreatedDate, string SessionDuration, string? RelayState);

public sealed record PermissionSetResponse(PermissionSet PermissionSet);

public sealed record PermissionSetArnsResponse(IReadOnlyList<string> PermissionSets, string? NextToken);

public sealed record ManagedPolicyRequest(string InstanceArn, string PermissionSetArn, string ManagedPolicyArn);

public sealed record AttachedManagedPolicy(string Arn, string Name);

public sealed record ListManagedPoliciesResponse(IReadOnlyList<AttachedManagedPolicy> AttachedManagedPolicies, string? NextToken);

public sealed record PutInlinePolicyRequest(string InstanceArn, string PermissionSetArn, string InlinePolicy);

public sealed record InlinePolicyResponse(string InlinePolicy);

public sealed record AssignmentRequest(
    string InstanceArn, string TargetId, string TargetType, string PermissionSetArn, string PrincipalType, string PrincipalId);

public sealed record AccountAssignmentOperationStatus(
    string Status, string RequestId, string? FailureReason, string? TargetId, string? TargetType, string PermissionSetArn,
    string? PrincipalType, string? PrincipalId, EpochTimestamp CreatedDate)
{
    public static AccountAssignmentOperationStatus From(SsoRequestDoc doc, string? status = null) => new(
        status ?? doc.Status, doc.RequestId, status is null ? doc.FailureReason : null, doc.TargetId, doc.TargetType,
        doc.PermissionSetArn, doc.PrincipalType, doc.PrincipalId, doc.CreatedDate);
}

public sealed record CreationStatusResponse(AccountAssignmentOperationStatus AccountAssignmentCreationStatus);

public sealed record DeletionStatusResponse(AccountAssignmentOperationStatus AccountAssignmentDeletionStatus);

public sealed record DescribeCreationStatusRequest(string InstanceArn, string AccountAssignmentCreationRequestId);

public sealed record DescribeDeletionStatusRequest(string InstanceArn, string AccountAssignmentDeletionRequestId);

public sealed record OperationStatusFilter(string? Status);

public sealed record StatusListRequest(string InstanceArn, OperationStatusFilter? Filter, int? MaxResults, string? NextToken);

public sealed record OperationStatusMetadata(string Status, string RequestId, EpochTimestamp CreatedDate);

public sealed record ListCreationStatusResponse(IReadOnlyList<OperationStatusMetadata> AccountAssignmentsCreationStatus, string? NextToken);

public sealed record ListDeletionStatusResponse(IReadOnlyList<OperationStatusMetadata> AccountAssignmentsDeletionStatus, string? NextToken);

public sealed record ListAccountAssignmentsRequest(string InstanceArn, string AccountId, string PermissionSetArn, int? MaxResults, string? NextToken);

public sealed record AccountAssignment(string AccountId, string PermissionSetArn, string PrincipalType, string PrincipalId);

public sealed record ListAccountAssignmentsResponse(IReadOnlyList<AccountAssignment> AccountAssignments, string? NextToken);

public sealed record AccountFilter(string? AccountId);

public sealed record ListAccountAssignmentsForPrincipalRequest(
    string InstanceArn, string PrincipalId, string PrincipalType, AccountFilter? Filter, int? MaxResults, string? NextToken);

public sealed record ProvisionPermissionSetRequest(string InstanceArn, string PermissionSetArn, string? TargetId, string TargetType);

public sealed record PermissionSetProvisioningStatus(
    string Status, string RequestId, string? AccountId, string PermissionSetArn, string? FailureReason, EpochTimestamp CreatedDate)
{
    public static PermissionSetProvisioningStatus From(SsoRequestDoc doc, string? status = null) => new(
        status ?? doc.Status, doc.RequestId, doc.TargetId, doc.PermissionSetArn, status is null ? doc.FailureReason : null, doc.CreatedDate);
}

public sealed record ProvisioningStatusResponse(PermissionSetProvisioningStatus PermissionSetProvisioningStatus);

public sealed record DescribeProvisioningStatusRequest(string InstanceArn, string ProvisionPermissionSetRequestId);

public sealed record ListProvisioningStatusResponse(IReadOnlyList<OperationStatusMetadata> PermissionSetsProvisioningStatus, string? NextToken);

public sealed record ListAccountsForProvisionedPermissionSetRequest(
    string InstanceArn, string PermissionSetArn, string? ProvisioningStatus, int? MaxResults, string? NextToken);

public sealed record ListAccountsForProvisionedPermissionSetResponse(IReadOnlyList<string> AccountIds, string? NextToken);

public sealed record ListPermissionSetsProvisionedToAccountRequest(
    string InstanceArn, string AccountId, string? ProvisioningStatus, int? MaxResults, string? NextToken);

public sealed record TagResourceRequest(string? InstanceArn, string ResourceArn, List<Tag> Tags);

public sealed record UntagResourceRequest(string? InstanceArn, string ResourceArn, List<string> TagKeys);

public sealed record ListTagsForResourceRequest(string? InstanceArn, string ResourceArn, string? NextToken);

public sealed record ListTagsForResourceResponse(IReadOnlyList<Tag> Tags, string? NextToken);

public sealed record CustomerManagedPolicyReference(string Name, string? Path);

public sealed record CustomerPolicyReferenceRequest(string InstanceArn, string PermissionSetArn, CustomerManagedPolicyReference CustomerManagedPolicyReference);

public sealed record ListCustomerPolicyReferencesResponse(IReadOnlyList<CustomerManagedPolicyReference> CustomerManagedPolicyReferences, string? NextToken);

public sealed record PermissionsBoundary(CustomerManagedPolicyReference? CustomerManagedPolicyReference, string? ManagedPolicyArn);

public sealed record PutPermissionsBoundaryRequest(string InstanceArn, string PermissionSetArn, PermissionsBoundary PermissionsBoundary);

public sealed record PermissionsBoundaryResponse(PermissionsBoundary PermissionsBoundary);
