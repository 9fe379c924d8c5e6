using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.IdentityStore;

/// <summary>identitystore's errors (HTTP 400, aws-facts §5.9); every identitystore message text lives here.</summary>
public static class IdentityStoreErrors
{
    public static AwsException Validation(IReadOnlyList<Violation> violations) => Validation(InputValidator.Describe(violations));

    public static AwsException Validation(string message) => new("ValidationException", message);

    /// <summary>The resource is the store's ARN: its owner account in the account field (arn:aws:identitystore::&lt;account&gt;:identitystore/d-…).</summary>
    public static AwsException AccessDenied(string action, string callerArn, string ownerAccountId, string identityStoreId) =>
        new("AccessDeniedException",
            $"User: {callerArn} is not authorized to perform: identitystore:{action} on resource: arn:aws:identitystore::{ownerAccountId}:identitystore/{identityStoreId}");

    /// <summary>Same wording as sso-admin's: the organization instance while trusted access is off (UNCONFIRMED).</summary>
    public static AwsException Unavailable() =>
        new("AccessDeniedException", "IAM Identity Center is unavailable: trusted access with AWS Organizations is disabled.");

    public static AwsException NotFound(string resourceType, string? resourceId)
    {
        var noun = resourceType switch
        {
            "USER" => "User",
            "GROUP" => "Group",
            "GROUP_MEMBERSHIP" => "GroupMembership",
            _ => "IdentityStore",
        };
        var fields = new Dictionary<string, string> { ["ResourceType"] = resourceType };
        if (resourceId is not null) fields["ResourceId"] = resourceId;
        return new("ResourceNotFoundException", resourceId is null ? $"{noun} not found." : $"{noun} not found for id {resourceId}.") { Fields = fields };
    }

    public static AwsException Duplicate(string what) =>
        new("ConflictException", $"Duplicate {what}") { Fields = new Dictionary<string, string> { ["Reason"] = "UNIQUENESS_CONSTRAINT_VIOLATION" } };

    public static AwsException Required(string member) =>
        Validation($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public static AwsException InvalidAttributePath(string path) => Validation($"Invalid attribute path: {path}");

    public static AwsException InvalidAttributeValue(string path) => Validation($"Invalid value for attribute path: {path}");

    public static AwsException InvalidFilter(string path) => Validation($"Filtering by {path} is not supported.");

    /// <summary>A write on a store synchronised from Active Directory (UNCONFIRMED: AWS only warns to use writes "with caution").</summary>
    public static AwsException DirectoryBacked(string identityStoreId, string directoryId) =>
        Validation($"Identity store {identityStoreId} is synchronised from Active Directory {directoryId}: create, change and delete its users, " +
            "groups and group memberships in the directory; they reach IAM Identity Center at the next sync.");

    public static AwsException InvalidNextToken() => Validation("The NextToken is invalid.");
}
