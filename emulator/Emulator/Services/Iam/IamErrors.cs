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
}
