using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.SsoAdmin;

/// <summary>sso-admin's errors (all HTTP 400, aws-facts §5.8); every sso-admin message text lives here.</summary>
public static class SsoAdminErrors
{
    public static AwsException Validation(IReadOnlyList<Violation> violations) =>
        Validation(InputValidator.Describe(violations));

    public static AwsException Validation(string message) => new("ValidationException", message);

    public static AwsException AccessDenied(string action, string callerArn, string resource) =>
        new("AccessDeniedException", $"User: {callerArn} is not authorized to perform: sso:{action} on resource: {resource}");

    /// <summary>
    /// The organization instance while trusted access for sso.amazonaws.com is off (UNCONFIRMED wording; the docs say
    /// only that Identity Center stops functioning).
    /// </summary>
    public static AwsException Unavailable() =>
        new("AccessDeniedException", "IAM Identity Center is unavailable: trusted access with AWS Organizations is disabled.");

    public static AwsException ManagementAccountNotAllowed() =>
        Validation("Organization management account is not allowed to perform the operation.");

    public static AwsException InstanceExists() =>
        new("ConflictException", "An instance of IAM Identity Center already exists in this account.");

    public static AwsException InstanceNotFound(string instanceArn) =>
        new("ResourceNotFoundException", $"Instance {instanceArn} does not exist.");

    public static AwsException PermissionSetNotFound(string permissionSetArn) =>
        new("ResourceNotFoundException", $"Could not find PermissionSet with PermissionSetArn {permissionSetArn}");

    public static AwsException PermissionSetExists(string name) =>
        new("ConflictException", $"PermissionSet with name {name} already exists.");

    public static AwsException PermissionSetInUse(string permissionSetArn) =>
        new("ConflictException", $"PermissionSet {permissionSetArn} is assigned to one or more accounts. Delete its account assignments first.");

    public static AwsException ManagedPolicyAttached(string permissionSetId, string policyArn) =>
        new("ConflictException", $"Permission set with id {permissionSetId} already has a typed link attachment to a managed policy with {policyArn}");

    public static AwsException ManagedPolicyNotAttached(string policyArn) =>
        new("ResourceNotFoundException", $"Managed policy {policyArn} is not attached to the permission set.");

    public static AwsException ManagedPolicyNotFound(string policyArn) =>
        new("ResourceNotFoundException", $"Policy {policyArn} does not exist or is not attachable.");

    public static AwsException ManagedPolicyQuota() =>
        new("ServiceQuotaExceededException", "The number of managed policies attached to a permission set cannot exceed 20.");

    public static AwsException MalformedPolicy() =>
        Validation("The inline policy is not a valid JSON policy document.");

    public static AwsException InvalidSessionDuration(string value) =>
        Validation($"SessionDuration {value} is not valid. It must be an ISO-8601 duration between PT1H and PT12H.");

    public static AwsException PrincipalNotFound(string principalType, string principalId) =>
        new("ResourceNotFoundException", $"{(principalType == "GROUP" ? "Group" : "User")} {principalId} does not exist in the identity store.");

    public static AwsException AssignmentNotFound() =>
        new("ResourceNotFoundException", "The specified account assignment does not exist.");

    public static AwsException RequestNotFound(string requestId) =>
        new("ResourceNotFoundException", $"Request {requestId} does not exist.");

    public static AwsException TargetIdRequired() =>
        Validation("TargetId is required when TargetType is AWS_ACCOUNT.");

    public static AwsException ResourceNotFound(string arn) =>
        new("ResourceNotFoundException", $"Resource {arn} does not exist.");

    public static AwsException TagQuota() =>
        new("ServiceQuotaExceededException", "A resource can have at most 50 tags.");

    public static AwsException InvalidNextToken() => Validation("The NextToken is invalid.");

    /// <summary>FailureReason of an assignment or provisioning request whose account the instance does not serve.</summary>
    public static string AccountNotServed(string accountId) =>
        $"Account {accountId} is not a member of the organization that owns this IAM Identity Center instance.";

    public static AwsException AccessControlAttributesExist() =>
        new("ConflictException", "The instance already has an access control attribute configuration. Use UpdateInstanceAccessControlAttributeConfiguration.");

    public static AwsException AccessControlAttributesNotFound(string instanceArn) =>
        new("ResourceNotFoundException", $"Access control attribute configuration for instance {instanceArn} does not exist.");

    public static AwsException DuplicateAccessControlAttributeKeys() =>
        Validation("Duplicate keys are not allowed in AccessControlAttributes.");

    public static AwsException CustomerPolicyAttached(string name, string path) =>
        new("ConflictException", $"Customer managed policy {path}{name} is already attached to the permission set.");

    public static AwsException CustomerPolicyNotAttached(string name, string path) =>
        new("ResourceNotFoundException", $"Customer managed policy {path}{name} is not attached to the permission set.");

    public static AwsException CustomerPolicyQuota() =>
        new("ServiceQuotaExceededException", "The number of customer managed policies attached to a permission set cannot exceed 20.");

    public static AwsException BoundaryNeedsOneKind() =>
        new("ValidationException", "A permissions boundary must specify either a CustomerManagedPolicyReference or a ManagedPolicyArn, not both.");

    public static AwsException NoPermissionsBoundary() =>
        new("ResourceNotFoundException", "The permission set does not have a permissions boundary.");

    /// <summary>FailureReason of a provisioning or assignment whose customer managed policy does not exist in the target account.</summary>
    public static string CustomerPolicyMissing(string policyArn) => $"Received a 404 status error: Not supported policy {policyArn}.";
}
