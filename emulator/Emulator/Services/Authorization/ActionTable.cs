using static Emulator.Services.Authorization.ResourceArns;

namespace Emulator.Services.Authorization;

/// <summary>
/// How an operation is authorized: its IAM action, the resource ARNs the Service Authorization Reference lists for
/// it, and the service condition keys it carries (context key → request member). <see cref="NoPermissionRequired"/>:
/// AWS authorizes the call without a policy (sts:GetCallerIdentity, sts:GetSessionToken).
/// </summary>
public sealed record ActionBinding(
    string Action,
    Func<ResourceScope, IEnumerable<string>> Resources,
    IReadOnlyDictionary<string, string>? ConditionKeys = null,
    bool NoPermissionRequired = false);

/// <summary>
/// Every implemented operation of every signed service → its IAM action and resources (Service Authorization
/// Reference: "Actions, resources, and condition keys for AWS Organizations / IAM / STS / IAM Identity Center /
/// Identity Store / AWS Directory Service"). A test checks that every registered operation is here. The SSO portal (bearer token) and
/// SSO OIDC (public client API) are not signed with IAM credentials and are not authorized by IAM policies.
/// </summary>
public static class ActionTable
{
    public static readonly IReadOnlySet<string> UnsignedServices = new HashSet<string> { "sso", "sso-oidc" };

    private static ActionBinding Org(string op, Func<ResourceScope, IEnumerable<string>>? resources = null, params (string Key, string Member)[] keys) =>
        new($"organizations:{op}", resources ?? Star, keys.ToDictionary(k => k.Key, k => k.Member));

    private static ActionBinding Iam(string op, Func<ResourceScope, IEnumerable<string>> resources, params (string Key, string Member)[] keys) =>
        new($"iam:{op}", resources, keys.ToDictionary(k => k.Key, k => k.Member));

    private static ActionBinding Sso(string op, params string[] members) =>
        new($"sso:{op}", members.Length == 0 ? Star : ResourceArns.Sso(members), new Dictionary<string, string> { ["sso:InstanceArn"] = "InstanceArn" });

    private static ActionBinding Ds(string op, Func<ResourceScope, IEnumerable<string>>? resources = null) => new($"ds:{op}", resources ?? Star);

    private static ActionBinding Ids(string op, params string[] parts) => new($"identitystore:{op}", StoreResources(parts));

    private static readonly (string, string) ServicePrincipal = ("organizations:ServicePrincipal", "ServicePrincipal");
    private static readonly (string, string) PolicyArn = ("iam:PolicyARN", "PolicyArn");
    private static readonly (string, string) Boundary = ("iam:PermissionsBoundary", "PermissionsBoundary");

    private static (string, string) PolicyType(string member) => ("organizations:PolicyType", member);

    private static readonly Dictionary<string, Dictionary<string, ActionBinding>> Table = new()
    {
        ["organizations"] = new()
        {
            ["CreateOrganization"] = Org("CreateOrganization"),
            ["DescribeOrganization"] = Org("DescribeOrganization"),
            ["DeleteOrganization"] = Org("DeleteOrganization"),
            ["ListRoots"] = Org("ListRoots"),
            ["CreateOrganizationalUnit"] = Org("CreateOrganizationalUnit", OrgNode("ParentId")),
            ["DescribeOrganizationalUnit"] = Org("DescribeOrganizationalUnit", OrgNode("OrganizationalUnitId")),
            ["UpdateOrganizationalUnit"] = Org("UpdateOrganizationalUnit", OrgNode("OrganizationalUnitId")),
            ["DeleteOrganizationalUnit"] = Org("DeleteOrganizationalUnit", OrgNode("OrganizationalUnitId")),
            ["ListOrganizationalUnitsForParent"] = Org("ListOrganizationalUnitsForParent", OrgNode("ParentId")),
            ["ListAccountsForParent"] = Org("ListAccountsForParent", OrgNode("ParentId")),
            ["ListChildren"] = Org("ListChildren", OrgNode("ParentId")),
            ["ListParents"] = Org("ListParents", OrgNode("ChildId")),
            ["MoveAccount"] = Org("MoveAccount", Move),
            ["CreateAccount"] = Org("CreateAccount"),
            ["DescribeCreateAccountStatus"] = Org("DescribeCreateAccountStatus"),
            ["ListCreateAccountStatus"] = Org("ListCreateAccountStatus"),
            ["InviteAccountToOrganization"] = Org("InviteAccountToOrganization"),
            ["AcceptHandshake"] = Org("AcceptHandshake", Handshake),
            ["DeclineHandshake"] = Org("DeclineHandshake", Handshake),
            ["CancelHandshake"] = Org("CancelHandshake", Handshake),
            ["DescribeHandshake"] = Org("DescribeHandshake", Handshake),
            ["ListHandshakesForAccount"] = Org("ListHandshakesForAccount"),
            ["ListHandshakesForOrganization"] = Org("ListHandshakesForOrganization"),
            ["ListAccounts"] = Org("ListAccounts"),
            ["DescribeAccount"] = Org("DescribeAccount", OrgNode("AccountId")),
            ["RemoveAccountFromOrganization"] = Org("RemoveAccountFromOrganization", OrgNode("AccountId")),
            ["LeaveOrganization"] = Org("LeaveOrganization"),
            ["CloseAccount"] = Org("CloseAccount", OrgNode("AccountId")),
            ["EnableAWSServiceAccess"] = Org("EnableAWSServiceAccess", null, ServicePrincipal),
            ["DisableAWSServiceAccess"] = Org("DisableAWSServiceAccess", null, ServicePrincipal),
            ["ListAWSServiceAccessForOrganization"] = Org("ListAWSServiceAccessForOrganization"),
            ["RegisterDelegatedAdministrator"] = Org("RegisterDelegatedAdministrator", OrgNode("AccountId"), ServicePrincipal),
            ["DeregisterDelegatedAdministrator"] = Org("DeregisterDelegatedAdministrator", OrgNode("AccountId"), ServicePrincipal),
            ["ListDelegatedAdministrators"] = Org("ListDelegatedAdministrators", null, ServicePrincipal),
            ["ListDelegatedServicesForAccount"] = Org("ListDelegatedServicesForAccount", OrgNode("AccountId")),
            ["EnableAllFeatures"] = Org("EnableAllFeatures"),
            ["EnablePolicyType"] = Org("EnablePolicyType", OrgNode("RootId"), PolicyType("PolicyType")),
            ["DisablePolicyType"] = Org("DisablePolicyType", OrgNode("RootId"), PolicyType("PolicyType")),
            ["CreatePolicy"] = Org("CreatePolicy", null, PolicyType("Type")),
            ["DescribePolicy"] = Org("DescribePolicy", OrgPolicy("PolicyId")),
            ["UpdatePolicy"] = Org("UpdatePolicy", OrgPolicy("PolicyId")),
            ["DeletePolicy"] = Org("DeletePolicy", OrgPolicy("PolicyId")),
            ["ListPolicies"] = Org("ListPolicies", null, PolicyType("Filter")),
            ["AttachPolicy"] = Org("AttachPolicy", AttachmentTarget),
            ["DetachPolicy"] = Org("DetachPolicy", AttachmentTarget),
            ["ListPoliciesForTarget"] = Org("ListPoliciesForTarget", OrgNode("TargetId"), PolicyType("Filter")),
            ["ListTargetsForPolicy"] = Org("ListTargetsForPolicy", OrgPolicy("PolicyId")),
            ["ListAccountsWithInvalidEffectivePolicy"] = Org("ListAccountsWithInvalidEffectivePolicy", null, PolicyType("PolicyType")),
            ["ListEffectivePolicyValidationErrors"] = Org("ListEffectivePolicyValidationErrors", OrgNode("AccountId"), PolicyType("PolicyType")),
            ["DescribeEffectivePolicy"] = Org("DescribeEffectivePolicy", OrgNode("TargetId"), PolicyType("PolicyType")),
            ["TagResource"] = Org("TagResource", OrgResource),
            ["UntagResource"] = Org("UntagResource", OrgResource),
            ["ListTagsForResource"] = Org("ListTagsForResource", OrgResource),
            ["PutResourcePolicy"] = Org("PutResourcePolicy"),
            ["DescribeResourcePolicy"] = Org("DescribeResourcePolicy"),
            ["DeleteResourcePolicy"] = Org("DeleteResourcePolicy"),
        },
        ["iam"] = new()
        {
            ["GetRole"] = Iam("GetRole", Role("RoleName")),
            ["ListRoles"] = Iam("ListRoles", Star),
            ["CreateRole"] = Iam("CreateRole", Role("RoleName"), Boundary),
            ["DeleteRole"] = Iam("DeleteRole", Role("RoleName")),
            ["UpdateRole"] = Iam("UpdateRole", Role("RoleName")),
            ["UpdateRoleDescription"] = Iam("UpdateRoleDescription", Role("RoleName")),
            ["UpdateAssumeRolePolicy"] = Iam("UpdateAssumeRolePolicy", Role("RoleName")),
            ["AttachRolePolicy"] = Iam("AttachRolePolicy", Role("RoleName"), PolicyArn),
            ["DetachRolePolicy"] = Iam("DetachRolePolicy", Role("RoleName"), PolicyArn),
            ["ListAttachedRolePolicies"] = Iam("ListAttachedRolePolicies", Role("RoleName")),
            ["PutRolePolicy"] = Iam("PutRolePolicy", Role("RoleName")),
            ["GetRolePolicy"] = Iam("GetRolePolicy", Role("RoleName")),
            ["DeleteRolePolicy"] = Iam("DeleteRolePolicy", Role("RoleName")),
            ["ListRolePolicies"] = Iam("ListRolePolicies", Role("RoleName")),
            ["PutRolePermissionsBoundary"] = Iam("PutRolePermissionsBoundary", Role("RoleName"), Boundary),
            ["DeleteRolePermissionsBoundary"] = Iam("DeleteRolePermissionsBoundary", Role("RoleName")),
            ["TagRole"] = Iam("TagRole", Role("RoleName")),
            ["UntagRole"] = Iam("UntagRole", Role("RoleName")),
            ["ListRoleTags"] = Iam("ListRoleTags", Role("RoleName")),
            ["CreateServiceLinkedRole"] = Iam("CreateServiceLinkedRole", LinkedRole, ("iam:AWSServiceName", "AWSServiceName")),
            ["DeleteServiceLinkedRole"] = Iam("DeleteServiceLinkedRole", Role("RoleName")),
            ["GetServiceLinkedRoleDeletionStatus"] = Iam("GetServiceLinkedRoleDeletionStatus", DeletionTaskRole),
            ["CreateUser"] = Iam("CreateUser", User("UserName"), Boundary),
            ["GetUser"] = Iam("GetUser", User("UserName")),
            ["DeleteUser"] = Iam("DeleteUser", User("UserName")),
            ["ListUsers"] = Iam("ListUsers", Star),
            ["CreateAccessKey"] = Iam("CreateAccessKey", User("UserName")),
            ["ListAccessKeys"] = Iam("ListAccessKeys", User("UserName")),
            ["DeleteAccessKey"] = Iam("DeleteAccessKey", User("UserName")),
            ["AttachUserPolicy"] = Iam("AttachUserPolicy", User("UserName"), PolicyArn),
            ["DetachUserPolicy"] = Iam("DetachUserPolicy", User("UserName"), PolicyArn),
            ["ListAttachedUserPolicies"] = Iam("ListAttachedUserPolicies", User("UserName")),
            ["UpdateUser"] = Iam("UpdateUser", User("UserName")),
            ["TagUser"] = Iam("TagUser", User("UserName")),
            ["UntagUser"] = Iam("UntagUser", User("UserName")),
            ["ListUserTags"] = Iam("ListUserTags", User("UserName")),
            ["UpdateAccessKey"] = Iam("UpdateAccessKey", User("UserName")),
            ["GetAccessKeyLastUsed"] = Iam("GetAccessKeyLastUsed", Star),
            ["ListMFADevices"] = Iam("ListMFADevices", User("UserName")),
            ["CreateSAMLProvider"] = Iam("CreateSAMLProvider", Named("saml-provider/", "Name")),
            ["GetSAMLProvider"] = Iam("GetSAMLProvider", Policy("SAMLProviderArn")),
            ["UpdateSAMLProvider"] = Iam("UpdateSAMLProvider", Policy("SAMLProviderArn")),
            ["DeleteSAMLProvider"] = Iam("DeleteSAMLProvider", Policy("SAMLProviderArn")),
            ["ListSAMLProviders"] = Iam("ListSAMLProviders", Star),
            ["CreateInstanceProfile"] = Iam("CreateInstanceProfile", Named("instance-profile", "InstanceProfileName", withPath: true)),
            ["GetInstanceProfile"] = Iam("GetInstanceProfile", Named("instance-profile", "InstanceProfileName", withPath: true)),
            ["DeleteInstanceProfile"] = Iam("DeleteInstanceProfile", Named("instance-profile", "InstanceProfileName", withPath: true)),
            ["ListInstanceProfiles"] = Iam("ListInstanceProfiles", Star),
            ["ListInstanceProfilesForRole"] = Iam("ListInstanceProfilesForRole", Role("RoleName")),
            ["AddRoleToInstanceProfile"] = Iam("AddRoleToInstanceProfile", Named("instance-profile", "InstanceProfileName", withPath: true)),
            ["RemoveRoleFromInstanceProfile"] = Iam("RemoveRoleFromInstanceProfile", Named("instance-profile", "InstanceProfileName", withPath: true)),
            ["CreateAccountAlias"] = Iam("CreateAccountAlias", Star),
            ["DeleteAccountAlias"] = Iam("DeleteAccountAlias", Star),
            ["ListAccountAliases"] = Iam("ListAccountAliases", Star),
            ["GetAccountSummary"] = Iam("GetAccountSummary", Star),
            ["GetAccountPasswordPolicy"] = Iam("GetAccountPasswordPolicy", Star),
            ["UpdateAccountPasswordPolicy"] = Iam("UpdateAccountPasswordPolicy", Star),
            ["DeleteAccountPasswordPolicy"] = Iam("DeleteAccountPasswordPolicy", Star),
            ["CreatePolicy"] = Iam("CreatePolicy", NewPolicy),
            ["GetPolicy"] = Iam("GetPolicy", Policy("PolicyArn")),
            ["DeletePolicy"] = Iam("DeletePolicy", Policy("PolicyArn")),
            ["ListPolicies"] = Iam("ListPolicies", Star),
            ["CreatePolicyVersion"] = Iam("CreatePolicyVersion", Policy("PolicyArn")),
            ["GetPolicyVersion"] = Iam("GetPolicyVersion", Policy("PolicyArn")),
            ["DeletePolicyVersion"] = Iam("DeletePolicyVersion", Policy("PolicyArn")),
            ["SetDefaultPolicyVersion"] = Iam("SetDefaultPolicyVersion", Policy("PolicyArn")),
            ["ListPolicyVersions"] = Iam("ListPolicyVersions", Policy("PolicyArn")),
            ["ListEntitiesForPolicy"] = Iam("ListEntitiesForPolicy", Policy("PolicyArn")),
            ["CreateGroup"] = Iam("CreateGroup", Group("GroupName")),
            ["GetGroup"] = Iam("GetGroup", Group("GroupName")),
            ["DeleteGroup"] = Iam("DeleteGroup", Group("GroupName")),
            ["ListGroups"] = Iam("ListGroups", Star),
            ["UpdateGroup"] = Iam("UpdateGroup", Group("GroupName")),
            ["AddUserToGroup"] = Iam("AddUserToGroup", Group("GroupName")),
            ["RemoveUserFromGroup"] = Iam("RemoveUserFromGroup", Group("GroupName")),
            ["ListGroupsForUser"] = Iam("ListGroupsForUser", User("UserName")),
            ["AttachGroupPolicy"] = Iam("AttachGroupPolicy", Group("GroupName"), PolicyArn),
            ["DetachGroupPolicy"] = Iam("DetachGroupPolicy", Group("GroupName"), PolicyArn),
            ["ListAttachedGroupPolicies"] = Iam("ListAttachedGroupPolicies", Group("GroupName")),
            ["PutGroupPolicy"] = Iam("PutGroupPolicy", Group("GroupName")),
            ["GetGroupPolicy"] = Iam("GetGroupPolicy", Group("GroupName")),
            ["DeleteGroupPolicy"] = Iam("DeleteGroupPolicy", Group("GroupName")),
            ["ListGroupPolicies"] = Iam("ListGroupPolicies", Group("GroupName")),
            ["PutUserPolicy"] = Iam("PutUserPolicy", User("UserName")),
            ["GetUserPolicy"] = Iam("GetUserPolicy", User("UserName")),
            ["DeleteUserPolicy"] = Iam("DeleteUserPolicy", User("UserName")),
            ["ListUserPolicies"] = Iam("ListUserPolicies", User("UserName")),
            ["SimulatePrincipalPolicy"] = Iam("SimulatePrincipalPolicy", Policy("PolicySourceArn")),
            ["SimulateCustomPolicy"] = Iam("SimulateCustomPolicy", Star),
            ["GetContextKeysForPrincipalPolicy"] = Iam("GetContextKeysForPrincipalPolicy", Policy("PolicySourceArn")),
            ["GetContextKeysForCustomPolicy"] = Iam("GetContextKeysForCustomPolicy", Star),
        },
        ["sts"] = new()
        {
            ["GetCallerIdentity"] = new("sts:GetCallerIdentity", Star, NoPermissionRequired: true),
            ["GetSessionToken"] = new("sts:GetSessionToken", Star, NoPermissionRequired: true),
            ["GetAccessKeyInfo"] = new("sts:GetAccessKeyInfo", Star),
            ["GetFederationToken"] = new("sts:GetFederationToken", FederatedUser),
            ["AssumeRole"] = new("sts:AssumeRole", RoleArn, new Dictionary<string, string>
            {
                ["sts:ExternalId"] = "ExternalId", ["sts:RoleSessionName"] = "RoleSessionName", ["sts:SourceIdentity"] = "SourceIdentity",
            }),
        },
        ["sso-admin"] = new()
        {
            ["ListInstances"] = Sso("ListInstances"),
            ["DescribeInstance"] = Sso("DescribeInstance", "InstanceArn"),
            ["CreateInstance"] = Sso("CreateInstance"),
            ["UpdateInstance"] = Sso("UpdateInstance", "InstanceArn"),
            ["DeleteInstance"] = Sso("DeleteInstance", "InstanceArn"),
            ["CreatePermissionSet"] = Sso("CreatePermissionSet", "InstanceArn"),
            ["DescribePermissionSet"] = Sso("DescribePermissionSet", "InstanceArn", "PermissionSetArn"),
            ["UpdatePermissionSet"] = Sso("UpdatePermissionSet", "InstanceArn", "PermissionSetArn"),
            ["DeletePermissionSet"] = Sso("DeletePermissionSet", "InstanceArn", "PermissionSetArn"),
            ["ListPermissionSets"] = Sso("ListPermissionSets", "InstanceArn"),
            ["AttachManagedPolicyToPermissionSet"] = Sso("AttachManagedPolicyToPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["DetachManagedPolicyFromPermissionSet"] = Sso("DetachManagedPolicyFromPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["ListManagedPoliciesInPermissionSet"] = Sso("ListManagedPoliciesInPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["PutInlinePolicyToPermissionSet"] = Sso("PutInlinePolicyToPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["GetInlinePolicyForPermissionSet"] = Sso("GetInlinePolicyForPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["DeleteInlinePolicyFromPermissionSet"] = Sso("DeleteInlinePolicyFromPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["AttachCustomerManagedPolicyReferenceToPermissionSet"] = Sso("AttachCustomerManagedPolicyReferenceToPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["DetachCustomerManagedPolicyReferenceFromPermissionSet"] = Sso("DetachCustomerManagedPolicyReferenceFromPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["ListCustomerManagedPolicyReferencesInPermissionSet"] = Sso("ListCustomerManagedPolicyReferencesInPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["PutPermissionsBoundaryToPermissionSet"] = Sso("PutPermissionsBoundaryToPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["GetPermissionsBoundaryForPermissionSet"] = Sso("GetPermissionsBoundaryForPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["DeletePermissionsBoundaryFromPermissionSet"] = Sso("DeletePermissionsBoundaryFromPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["CreateAccountAssignment"] = Sso("CreateAccountAssignment", "InstanceArn", "PermissionSetArn", "TargetId"),
            ["DeleteAccountAssignment"] = Sso("DeleteAccountAssignment", "InstanceArn", "PermissionSetArn", "TargetId"),
            ["DescribeAccountAssignmentCreationStatus"] = Sso("DescribeAccountAssignmentCreationStatus", "InstanceArn"),
            ["DescribeAccountAssignmentDeletionStatus"] = Sso("DescribeAccountAssignmentDeletionStatus", "InstanceArn"),
            ["ListAccountAssignmentCreationStatus"] = Sso("ListAccountAssignmentCreationStatus", "InstanceArn"),
            ["ListAccountAssignmentDeletionStatus"] = Sso("ListAccountAssignmentDeletionStatus", "InstanceArn"),
            ["ListAccountAssignments"] = Sso("ListAccountAssignments", "InstanceArn", "PermissionSetArn", "AccountId"),
            ["ListAccountAssignmentsForPrincipal"] = Sso("ListAccountAssignmentsForPrincipal", "InstanceArn"),
            ["ProvisionPermissionSet"] = Sso("ProvisionPermissionSet", "InstanceArn", "PermissionSetArn", "TargetId"),
            ["DescribePermissionSetProvisioningStatus"] = Sso("DescribePermissionSetProvisioningStatus", "InstanceArn"),
            ["ListPermissionSetProvisioningStatus"] = Sso("ListPermissionSetProvisioningStatus", "InstanceArn"),
            ["ListAccountsForProvisionedPermissionSet"] = Sso("ListAccountsForProvisionedPermissionSet", "InstanceArn", "PermissionSetArn"),
            ["ListPermissionSetsProvisionedToAccount"] = Sso("ListPermissionSetsProvisionedToAccount", "InstanceArn", "AccountId"),
            ["CreateInstanceAccessControlAttributeConfiguration"] = Sso("CreateInstanceAccessControlAttributeConfiguration", "InstanceArn"),
            ["DescribeInstanceAccessControlAttributeConfiguration"] = Sso("DescribeInstanceAccessControlAttributeConfiguration", "InstanceArn"),
            ["UpdateInstanceAccessControlAttributeConfiguration"] = Sso("UpdateInstanceAccessControlAttributeConfiguration", "InstanceArn"),
            ["DeleteInstanceAccessControlAttributeConfiguration"] = Sso("DeleteInstanceAccessControlAttributeConfiguration", "InstanceArn"),
            ["TagResource"] = Sso("TagResource", "InstanceArn", "ResourceArn"),
            ["UntagResource"] = Sso("UntagResource", "InstanceArn", "ResourceArn"),
            ["ListTagsForResource"] = Sso("ListTagsForResource", "InstanceArn", "ResourceArn"),
        },
        ["identitystore"] = new()
        {
            ["CreateUser"] = Ids("CreateUser"),
            ["DescribeUser"] = Ids("DescribeUser", "UserId"),
            ["UpdateUser"] = Ids("UpdateUser", "UserId"),
            ["DeleteUser"] = Ids("DeleteUser", "UserId"),
            ["ListUsers"] = Ids("ListUsers", "AllUsers"),
            ["GetUserId"] = Ids("GetUserId", "AllUsers"),
            ["CreateGroup"] = Ids("CreateGroup"),
            ["DescribeGroup"] = Ids("DescribeGroup", "GroupId"),
            ["UpdateGroup"] = Ids("UpdateGroup", "GroupId"),
            ["DeleteGroup"] = Ids("DeleteGroup", "GroupId"),
            ["ListGroups"] = Ids("ListGroups", "AllGroups"),
            ["GetGroupId"] = Ids("GetGroupId", "AllGroups"),
            ["CreateGroupMembership"] = Ids("CreateGroupMembership", "GroupId", "MemberId"),
            ["DeleteGroupMembership"] = Ids("DeleteGroupMembership", "MembershipId"),
            ["DescribeGroupMembership"] = Ids("DescribeGroupMembership", "MembershipId"),
            ["ListGroupMemberships"] = Ids("ListGroupMemberships", "GroupId", "AllMemberships"),
            ["ListGroupMembershipsForMember"] = Ids("ListGroupMembershipsForMember", "MemberId", "AllMemberships"),
            ["IsMemberInGroups"] = Ids("IsMemberInGroups", "MemberId", "GroupIds"),
            ["GetGroupMembershipId"] = Ids("GetGroupMembershipId", "GroupId", "MemberId"),
        },
        ["cloudtrail"] = new()
        {
            ["LookupEvents"] = new("cloudtrail:LookupEvents", Star),
        },
        ["ds"] = new()
        {
            ["ConnectDirectory"] = Ds("ConnectDirectory"),
            ["CreateMicrosoftAD"] = Ds("CreateMicrosoftAD"),
            ["DescribeDirectories"] = Ds("DescribeDirectories"),
            ["DeleteDirectory"] = Ds("DeleteDirectory", DsDirectory),
            ["CreateAlias"] = Ds("CreateAlias", DsDirectory),
        },
    };

    /// <summary>The binding of an operation, or null for operations of unsigned services (and unknown ones).</summary>
    public static ActionBinding? For(string service, string operation) =>
        Table.GetValueOrDefault(service)?.GetValueOrDefault(operation);

    /// <summary>Every (service, operation) in the table, for the coverage test and the simulator.</summary>
    public static IEnumerable<(string Service, string Operation, ActionBinding Binding)> All() =>
        Table.SelectMany(service => service.Value.Select(op => (service.Key, op.Key, op.Value)));

    /// <summary>The binding for an IAM action name (the simulator's ActionNames), case-insensitively.</summary>
    public static ActionBinding? ForAction(string action) =>
        All().Select(entry => entry.Binding).FirstOrDefault(b => string.Equals(b.Action, action, StringComparison.OrdinalIgnoreCase));
}
