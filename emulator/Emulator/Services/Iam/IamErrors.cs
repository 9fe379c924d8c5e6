using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.Iam;

/// <summary>IAM's errors (codes and statuses from the model's error blocks); every IAM message text lives here.</summary>
public static class IamErrors
{
    public static AwsException Validation(IReadOnlyList<Violation> violations) =>
        new("ValidationError", InputValidator.Describe(violations));

    public static AwsException Validation(string message) => new("ValidationError", message);

    public static AwsException NoSuchRole(string roleName) =>
        new("NoSuchEntity", $"The role with name {roleName} cannot be found.", 404);

    public static AwsException NoSuchRolePolicy(string roleName, string policyName) =>
        new("NoSuchEntity", $"The role policy with name {policyName} cannot be found.", 404);

    public static AwsException NoSuchUser(string userName) =>
        new("NoSuchEntity", $"The user with name {userName} cannot be found.", 404);

    public static AwsException RoleExists(string roleName) =>
        new("EntityAlreadyExists", $"Role with name {roleName} already exists.", 409);

    public static AwsException UnmodifiableEntity(string roleName) =>
        new("UnmodifiableEntity", $"Cannot perform the operation on the protected role '{roleName}' - this role is only modifiable by AWS");

    public static AwsException DeleteConflict(string message) => new("DeleteConflict", message, 409);

    public static AwsException InvalidInput(string message) => new("InvalidInput", message);

    public static AwsException LimitExceeded(string message) => new("LimitExceeded", message, 409);

    public static AwsException MalformedPolicyDocument(string message) => new("MalformedPolicyDocument", message);

    public static AwsException UserExists(string userName) =>
        new("EntityAlreadyExists", $"User with name {userName} already exists.", 409);

    public static AwsException InvalidJson() => MalformedPolicyDocument("This policy contains invalid Json");

    public static AwsException PolicySyntax() => MalformedPolicyDocument("Syntax errors in policy.");

    public static AwsException InvalidArn(string arn) => InvalidInput($"ARN {arn} is not valid.");

    public static AwsException PolicyNotAttached(string policyArn) =>
        new("NoSuchEntity", $"Policy {policyArn} was not found.", 404);

    public static AwsException PolicyNotAttachable(string policyArn) =>
        new("NoSuchEntity", $"Policy {policyArn} does not exist or is not attachable.", 404);

    public static AwsException ServiceRolePolicyNotAttachable() =>
        new("PolicyNotAttachable", "Cannot attach a Service Role Policy to a Customer Role.");

    public static AwsException MustDetachPolicies() => DeleteConflict("Cannot delete entity, must detach all policies first.");

    public static AwsException MustDeleteInlinePolicies() => DeleteConflict("Cannot delete entity, must delete policies first.");

    public static AwsException MustDeleteAccessKeys() => DeleteConflict("Cannot delete entity, must delete access keys first.");

    public static AwsException InvalidMarker() => Validation("Invalid Marker.");

    public static AwsException DuplicateTagKeys() =>
        InvalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");

    public static AwsException TooManyTags() =>
        LimitExceeded("The number of tags has reached the maximum limit.");

    public static AwsException ServiceRoleNameTaken(string roleName) =>
        InvalidInput($"Service role name {roleName} has been taken in this account, please try a different suffix.");

    public static AwsException CustomSuffixNotAllowed(string serviceName) =>
        InvalidInput($"Custom suffix is not allowed for {serviceName}");

    public static AwsException UnknownLinkedService(string serviceName) =>
        InvalidInput($"Invalid service name: {serviceName}");

    public static AwsException NotServiceLinked(string roleName) =>
        new("NoSuchEntity", $"There is no service-linked role with name {roleName}.", 404);

    public static AwsException NoSuchDeletionTask(string taskId) =>
        new("NoSuchEntity", $"The deletion task with id {taskId} cannot be found.", 404);

    public static AwsException MalformedDeletionTaskId(string taskId) =>
        InvalidInput($"Invalid deletion task id {taskId}. It must look like task/aws-service-role/<service>/<role-name>/<uuid>.");

    public static string RoleInUse(string roleName, string service) =>
        $"Service-linked role {roleName} is in use by {service}: disable trusted access for {service} in AWS Organizations, or remove the account from the organization, before deleting it.";

    public static AwsException UserNameRequired() =>
        Validation("Must specify userName when calling with non-User credentials");

    public static AwsException AccessKeyLimit() => LimitExceeded("Cannot exceed quota for AccessKeysPerUser: 2");

    public static AwsException NoSuchAccessKey(string accessKeyId) =>
        new("NoSuchEntity", $"The Access Key with id {accessKeyId} cannot be found.", 404);

    public static AwsException ReservedTagKey() =>
        InvalidInput("Tag keys starting with 'aws:' are reserved for internal use.");

    public static AwsException SamlProviderExists(string name) =>
        new("EntityAlreadyExists", $"SAMLProvider {name} already exists.", 409);

    public static AwsException SamlProviderLimit() =>
        LimitExceeded("Cannot exceed quota for SAMLProvidersPerAccount: 100");

    public static AwsException NoSuchSamlProvider(string arn) =>
        new("NoSuchEntity", $"Manifest not found for arn {arn}", 404);

    public static AwsException NoSuchSamlPrivateKey(string keyId) =>
        new("NoSuchEntity", $"The private key with id {keyId} cannot be found.", 404);

    public static AwsException UnparsableSamlMetadata() => InvalidInput("Could not parse metadata");

    public static AwsException AccountAliasTaken(string alias) =>
        new("EntityAlreadyExists", $"The account alias {alias} already exists.", 409);

    public static AwsException NoSuchAccountAlias(string alias) =>
        new("NoSuchEntity", $"The account alias {alias} cannot be found.", 404);

    public static AwsException NoPasswordPolicy(string accountId) =>
        new("NoSuchEntity", $"The Password Policy with domain name {accountId} cannot be found.", 404);

    public static AwsException NoSuchInstanceProfile(string name) =>
        new("NoSuchEntity", $"Instance Profile {name} cannot be found.", 404);

    public static AwsException InstanceProfileExists(string name) =>
        new("EntityAlreadyExists", $"Instance Profile {name} already exists.", 409);

    public static AwsException InstanceProfileFull() =>
        LimitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");

    public static AwsException MustRemoveRoles() => DeleteConflict("Cannot delete entity, must remove roles from instance profile first.");

    public static AwsException MustRemoveFromInstanceProfiles() => DeleteConflict("Cannot delete entity, must remove roles from instance profile first.");

    public static AwsException PrincipalInIdentityPolicy() => MalformedPolicyDocument("Policy document should not specify a principal.");

    public static AwsException MissingResource() => MalformedPolicyDocument("Policy statement must contain resources.");

    public static AwsException PolicySizeQuota(int max) => LimitExceeded($"Cannot exceed quota for PolicySize: {max}");

    public static AwsException InlinePolicySizeQuota(string entity, string name, int max) =>
        LimitExceeded($"Maximum policy size of {max} bytes exceeded for {entity} {name}");

    public static AwsException PolicyExists(string name) =>
        new("EntityAlreadyExists", $"A policy called {name} already exists. Duplicate names are not allowed.", 409);

    public static AwsException NoSuchPolicy(string policyArn) => PolicyNotAttached(policyArn);

    public static AwsException NoSuchPolicyVersion(string policyArn, string versionId) =>
        new("NoSuchEntity", $"Policy {policyArn} version {versionId} does not exist or is not attachable.", 404);

    public static AwsException PolicyVersionLimit() =>
        LimitExceeded("A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.");

    public static AwsException DefaultVersionNotDeletable() => DeleteConflict("Cannot delete the default version of a policy.");

    public static AwsException PolicyAttached() => DeleteConflict("Cannot delete a policy attached to entities.");

    public static AwsException PolicyHasVersions() =>
        DeleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");

    public static AwsException AwsManagedPolicyReadOnly(string policyArn) =>
        InvalidInput($"Policy {policyArn} is an AWS managed policy and cannot be modified.");

    public static AwsException NoSuchGroup(string groupName) =>
        new("NoSuchEntity", $"The group with name {groupName} cannot be found.", 404);

    public static AwsException GroupExists(string groupName) =>
        new("EntityAlreadyExists", $"Group with name {groupName} already exists.", 409);

    public static AwsException NoSuchUserPolicy(string userName, string policyName) =>
        new("NoSuchEntity", $"The user policy with name {policyName} cannot be found.", 404);

    public static AwsException NoSuchGroupPolicy(string groupName, string policyName) =>
        new("NoSuchEntity", $"The group policy with name {policyName} cannot be found.", 404);

    public static AwsException MustRemoveUsersFromGroup() => DeleteConflict("Cannot delete entity, must remove users from group first.");

    public static AwsException PolicyEvaluation(string message) => InvalidInput(message);
}
