using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.Organizations;

/// <summary>Organizations' errors (all HTTP 400, per the API reference); every Organizations message text lives here.</summary>
public static class OrganizationsErrors
{
    public static AwsException Validation(IReadOnlyList<Violation> violations) =>
        InvalidInput(ReasonFor(violations[0].Kind), InputValidator.Describe(violations));

    public static AwsException InvalidInput(string reason, string message) =>
        new("InvalidInputException", message) { Fields = new Dictionary<string, string> { ["Reason"] = reason } };

    public static AwsException ConstraintViolation(string reason, string message) =>
        new("ConstraintViolationException", message) { Fields = new Dictionary<string, string> { ["Reason"] = reason } };

    public static AwsException NotInUse() =>
        new("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");

    public static AwsException AccessDenied() =>
        new("AccessDeniedException", "You don't have permissions to access this resource.");

    public static AwsException AlreadyInOrganization() =>
        new("AlreadyInOrganizationException", "The provided account is already a member of an organization.");

    public static AwsException AccountNotFound() =>
        new("AccountNotFoundException", "You specified an account that doesn't exist.");

    public static AwsException UnrecognizedServicePrincipal() =>
        InvalidInput("UNRECOGNIZED_SERVICE_PRINCIPAL", "You specified an unrecognized service principal.");

    public static AwsException MasterCannotLeave() =>
        new("MasterCannotLeaveOrganizationException",
            "You can't remove a management account from an organization. If you want the management account to become a member account in another organization, you must first delete the current organization.");

    public static AwsException InvalidNextToken() =>
        InvalidInput("INVALID_NEXT_TOKEN", "The specified pagination token is not valid.");

    private static string ReasonFor(ViolationKind kind) => kind switch
    {
        ViolationKind.InputRequired => "INPUT_REQUIRED",
        ViolationKind.InvalidEnum => "INVALID_ENUM",
        ViolationKind.MinLengthExceeded => "MIN_LENGTH_EXCEEDED",
        ViolationKind.MaxLengthExceeded => "MAX_LENGTH_EXCEEDED",
        ViolationKind.MinValueExceeded => "MIN_VALUE_EXCEEDED",
        ViolationKind.MaxValueExceeded => "MAX_VALUE_EXCEEDED",
        _ => "INVALID_PATTERN",
    };
}
