using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.Sts;

/// <summary>STS's errors; every STS message text lives here.</summary>
public static class StsErrors
{
    public static AwsException Validation(IReadOnlyList<Violation> violations) =>
        new("ValidationError", InputValidator.Describe(violations));

    public static AwsException NotAuthorizedToAssume(string callerArn, string roleArn) =>
        new("AccessDenied", $"User: {callerArn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}", 403);

    public static AwsException RootCannotAssumeRoles() =>
        new("AccessDenied", "Roles may not be assumed by root accounts.", 403);

    public static AwsException TooManyPolicyArns() =>
        new("ValidationError", "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10");

    public static AwsException PolicyArnNotFound(string arn) =>
        new("InvalidParameterValue", $"Policy {arn} does not exist or is not attachable.");

    public static AwsException DurationExceedsRoleMaximum() =>
        new("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");

    public static AwsException DurationExceedsChainingLimit() =>
        new("ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");

    public static AwsException SessionTokenFromSession() =>
        new("AccessDenied", "Cannot call GetSessionToken with session credentials", 403);

    /// <summary>GetAccessKeyInfo for an id with no account in it (not a 4-letter prefix + base32): the emulator's wording.</summary>
    public static AwsException UndecodableAccessKeyId(string accessKeyId) =>
        new("ValidationError", $"Value '{accessKeyId}' at 'accessKeyId' failed to satisfy constraint: Member must be an AWS access key id (a 4-letter prefix and base32 characters)");

    public static AwsException MalformedPolicyDocument() =>
        new("MalformedPolicyDocument", "The policy is not in the valid JSON format.");

    public static AwsException FederationTokenFromSession() =>
        new("AccessDenied", "Cannot call GetFederationToken with session credentials", 403);
}
