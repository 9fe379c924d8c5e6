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

    // Message texts below are the model's documentation of each error, except where noted; real responses UNCONFIRMED.

    public static AwsException OrganizationNotEmpty() =>
        new("OrganizationNotEmptyException", "To delete an organization you must first remove all member accounts (except the master).");

    /// <summary>The emulator's choice (AWS documents no error for it): the Identity Center organization instance goes first.</summary>
    public static AwsException OrganizationHasIdentityCenter() =>
        new("OrganizationNotEmptyException", "To delete an organization you must first delete its IAM Identity Center organization instance.");

    public static AwsException ParentNotFound() =>
        new("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");

    public static AwsException SourceParentNotFound() =>
        new("SourceParentNotFoundException", "We can't find a source root or OU with the ParentId that you specified.");

    public static AwsException DestinationParentNotFound() =>
        new("DestinationParentNotFoundException", "We can't find the destination container (a root or OU) with the ParentId that you specified.");

    public static AwsException ChildNotFound() =>
        new("ChildNotFoundException", "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.");

    public static AwsException OrganizationalUnitNotFound() =>
        new("OrganizationalUnitNotFoundException", "We can't find an OU with the OrganizationalUnitId that you specified.");

    public static AwsException OrganizationalUnitNotEmpty() =>
        new("OrganizationalUnitNotEmptyException",
            "The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.");

    public static AwsException DuplicateOrganizationalUnit() =>
        new("DuplicateOrganizationalUnitException", "An OU with the same name already exists.");

    public static AwsException OuDepthLimitExceeded() =>
        ConstraintViolation("OU_DEPTH_LIMIT_EXCEEDED", "You attempted to create an OU tree that is too many levels deep.");

    public static AwsException DuplicateAccount() =>
        new("DuplicateAccountException", "That account is already present in the specified destination.");

    public static AwsException CreateAccountStatusNotFound() =>
        new("CreateAccountStatusNotFoundException", "We can't find an create account request with the CreateAccountRequestId that you specified.");

    public static AwsException InvalidRoleName() =>
        InvalidInput("INVALID_ROLE_NAME", "You provided a role name that isn't valid. A role name can't begin with the reserved prefix 'AWSServiceRoleFor'.");

    public static AwsException AccountAlreadyClosed() =>
        new("AccountAlreadyClosedException", "You attempted to close an account that is already closed.");

    public static AwsException CannotCloseManagementAccount() =>
        ConstraintViolation("CANNOT_CLOSE_MANAGEMENT_ACCOUNT", "You attempted to close the management account. You can't close the management account of an organization.");

    public static AwsException CannotRemoveDelegatedAdministrator() =>
        ConstraintViolation("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG",
            "You attempted to remove an account that is registered as a delegated administrator for a service integrated with your organization. Deregister the account as a delegated administrator first.");

    public static AwsException NotInAllFeaturesMode() =>
        ConstraintViolation("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE", "You attempted to perform an operation that requires the organization to be configured to support all features.");

    public static AwsException CannotRegisterManagementAsDelegatedAdministrator() =>
        ConstraintViolation("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR",
            "You attempted to register the management account of the organization as a delegated administrator for an AWS service integrated with Organizations. You can designate only a member account as a delegated administrator.");

    public static AwsException ServiceAccessNotEnabled() =>
        ConstraintViolation("SERVICE_ACCESS_NOT_ENABLED",
            "You attempted to register a delegated administrator before you enabled service access. Call the EnableAWSServiceAccess API first.");

    public static AwsException DelegatedAdministratorExistsForService() =>
        ConstraintViolation("DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE",
            "You attempted to register more delegated administrators than allowed for the service principal.");

    public static AwsException AccountAlreadyRegistered() =>
        new("AccountAlreadyRegisteredException", "The specified account is already a delegated administrator for this AWS service.");

    public static AwsException AccountNotRegistered() =>
        new("AccountNotRegisteredException", "The specified account is not a delegated administrator for this AWS service.");

    public static AwsException HandshakeNotFound() =>
        new("HandshakeNotFoundException", "We can't find a handshake with the HandshakeId that you specified.");

    public static AwsException InvalidHandshakeTransition() =>
        new("InvalidHandshakeTransitionException",
            "You can't perform the operation on the handshake in its current state. For example, you can't cancel a handshake that was already accepted or accept a handshake that was already declined.");

    public static AwsException HandshakeAlreadyInState() =>
        new("HandshakeAlreadyInStateException",
            "The specified handshake is already in the requested state. For example, you can't accept a handshake that was already accepted.");

    public static AwsException DuplicateHandshake() =>
        new("DuplicateHandshakeException",
            "A handshake with the same action and target already exists. For example, if you invited an account to join your organization, the invited account might already have a pending invitation from this organization.");

    public static AwsException HandshakeAlreadyInAnOrganization() =>
        new("HandshakeConstraintViolationException", "The handshake request is invalid because the invited account is already a member of an organization.")
        {
            Fields = new Dictionary<string, string> { ["Reason"] = "ALREADY_IN_AN_ORGANIZATION" },
        };

    public static AwsException InvalidPartyTypeTarget() =>
        InvalidInput("INVALID_PARTY_TYPE_TARGET", "You specified the wrong type of entity (account, organization, or email) as a party.");

    public static AwsException InvalidEmailAddressTarget() =>
        InvalidInput("INVALID_EMAIL_ADDRESS_TARGET", "You specified an invalid email address for the invited account owner.");

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
