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

    public static AwsException PolicyTypeEnabledForService(string policyType) =>
        ConstraintViolation("POLICY_TYPE_ENABLED_FOR_THIS_SERVICE",
            $"You attempted to disable service access before you disabled the policy type ({policyType}). To complete this operation, you must first disable the policy type.");

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
        HandshakeConstraint("ALREADY_IN_AN_ORGANIZATION", "The handshake request is invalid because the invited account is already a member of an organization.");

    public static AwsException InvalidPartyTypeTarget() =>
        InvalidInput("INVALID_PARTY_TYPE_TARGET", "You specified the wrong type of entity (account, organization, or email) as a party.");

    public static AwsException InvalidEmailAddressTarget() =>
        InvalidInput("INVALID_EMAIL_ADDRESS_TARGET", "You specified an invalid email address for the invited account owner.");

    // Policies, policy types, tags and the resource policy. Texts are the model's documentation of each error or reason.

    public static AwsException PolicyNotFound() =>
        new("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.");

    public static AwsException TargetNotFound() =>
        new("TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId that you specified.");

    public static AwsException RootNotFound() =>
        new("RootNotFoundException", "We can't find a root with the RootId that you specified.");

    public static AwsException PolicyTypeAlreadyEnabled() =>
        new("PolicyTypeAlreadyEnabledException", "The specified policy type is already enabled in the specified root.");

    public static AwsException PolicyTypeNotEnabled() =>
        new("PolicyTypeNotEnabledException",
            "The specified policy type isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root.");

    public static AwsException PolicyTypeNotAvailableForOrganization() =>
        new("PolicyTypeNotAvailableForOrganizationException",
            "You can't use the specified policy type with the feature set currently enabled for this organization. For example, you can enable SCPs only after you enable all features in the organization.");

    public static AwsException DuplicatePolicy() =>
        new("DuplicatePolicyException", "A policy with the same name already exists.");

    public static AwsException DuplicatePolicyAttachment() =>
        new("DuplicatePolicyAttachmentException", "The selected policy is already attached to the specified target.");

    public static AwsException PolicyNotAttached() =>
        new("PolicyNotAttachedException", "The policy isn't attached to the specified target in the specified root.");

    public static AwsException PolicyInUse() =>
        new("PolicyInUseException", "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.");

    /// <summary>Confirmed text (org-formation/org-formation-cli#225).</summary>
    public static AwsException MalformedPolicyDocument() =>
        new("MalformedPolicyDocumentException", "The provided policy document does not meet the requirements of the specified policy type.");

    public static AwsException PolicyContentLimitExceeded() =>
        ConstraintViolation("POLICY_CONTENT_LIMIT_EXCEEDED", "You attempted to create a policy that is larger than the maximum size.");

    public static AwsException PolicyNumberLimitExceeded() =>
        ConstraintViolation("POLICY_NUMBER_LIMIT_EXCEEDED", "You attempted to exceed the number of policies that you can have in an organization.");

    public static AwsException MaxPolicyTypeAttachmentLimitExceeded() =>
        ConstraintViolation("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
            "You attempted to exceed the number of policies of a certain type that can be attached to an entity at one time.");

    public static AwsException MinPolicyTypeAttachmentLimitExceeded() =>
        ConstraintViolation("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
            "You attempted to detach a policy from an entity that would cause the entity to have fewer than the minimum number of policies of a certain type required.");

    public static AwsException ImmutablePolicy() =>
        InvalidInput("IMMUTABLE_POLICY", "You specified a policy that is managed by Amazon Web Services and can't be modified.");

    public static AwsException NonDetachablePolicy() =>
        InvalidInput("NON_DETACHABLE_POLICY", "You can't detach this Amazon Web Services Managed Policy.");

    public static AwsException MaxTagLimitExceeded() =>
        ConstraintViolation("MAX_TAG_LIMIT_EXCEEDED", "You have exceeded the number of tags allowed on this resource.");

    public static AwsException SystemTag() =>
        InvalidInput("INVALID_SYSTEM_TAGS_PARAMETER",
            "You specified a tag key that is a system tag. You can't add, edit, or delete system tag keys because they're reserved for Amazon Web Services use.");

    public static AwsException DuplicateTagKey() =>
        InvalidInput("DUPLICATE_TAG_KEY", "Tag keys must be unique among the tags attached to the same entity.");

    public static AwsException ResourcePolicyNotFound() =>
        new("ResourcePolicyNotFoundException", "We can't find a resource policy request with the parameter that you specified.");

    public static AwsException InvalidResourcePolicyJson() =>
        InvalidInput("INVALID_RESOURCE_POLICY_JSON", "You provided a resource policy that isn't valid JSON.");

    public static AwsException UnsupportedActionInResourcePolicy() =>
        InvalidInput("UNSUPPORTED_ACTION_IN_RESOURCE_POLICY", "You provided an unsupported action in the resource policy.");

    public static AwsException InvalidPrincipal() =>
        InvalidInput("INVALID_PRINCIPAL", "You specified an invalid principal element in the policy.");

    public static AwsException EffectivePolicyNotFound() =>
        new("EffectivePolicyNotFoundException", "We can't find an effective policy of the specified type for the specified target.");

    public static AwsException EffectivePolicyTargetNotSupported() =>
        InvalidInput("TARGET_NOT_SUPPORTED", "You can't perform the specified operation on that target entity.");

    public static AwsException OrganizationAlreadyHasAllFeatures() =>
        HandshakeConstraint("ORGANIZATION_ALREADY_HAS_ALL_FEATURES", "The handshake request is invalid because the organization has already enabled all features.");

    public static AwsException AlreadyPendingAllFeaturesMigration() =>
        HandshakeConstraint("ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION",
            "The handshake request is invalid because the organization has already started the process to enable all features.");

    public static AwsException InviteDisabledDuringEnableAllFeatures() =>
        HandshakeConstraint("INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES",
            "You can't issue new invitations to join an organization while it's in the process of enabling all features. You can resume inviting accounts after you finalize the process when all accounts have agreed to the change.");

    private static AwsException HandshakeConstraint(string reason, string message) =>
        new("HandshakeConstraintViolationException", message) { Fields = new Dictionary<string, string> { ["Reason"] = reason } };

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
