using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Emulator.Core;
using Emulator.Services.Iam;
using Emulator.Services.Sso;
using Emulator.State;

namespace Emulator.Services.TrustModel;

/// <summary>
/// What provisioning a permission set into an account means (aws-facts §5.6): one AWSReservedSSO_&lt;name&gt;_&lt;16 hex&gt;
/// IAM role per (account, permission set), carrying the permission set's policies (AWS managed, the account's customer
/// managed policies it references by name and path, inline), its permissions boundary and session duration, trusting the
/// account's AWSSSO_…_DO_NOT_DELETE SAML provider. The role goes with the last assignment that needs it.
/// </summary>
public static class SsoProvisioning
{
    public const string InlinePolicyName = "AwsSSOInlinePolicy";

    public static string RolePath(string region) =>
        region == "us-east-1" ? "/aws-reserved/sso.amazonaws.com/" : $"/aws-reserved/sso.amazonaws.com/{region}/";

    /// <summary>The account's SAML provider for the instance; its suffix is stable per (instance, account).</summary>
    public static string SamlProviderArn(SsoInstanceDoc instance, string accountId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{instance.Id}|{accountId}")))[..16];
        return $"arn:aws:iam::{accountId}:saml-provider/AWSSSO_{hash}_DO_NOT_DELETE";
    }

    public static string TrustPolicy(string samlProviderArn) =>
        new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Federated"] = samlProviderArn },
                ["Action"] = new JsonArray("sts:AssumeRoleWithSAML", "sts:TagSession"),
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject { ["SAML:aud"] = "https://signin.aws.amazon.com/saml" },
                },
            }),
        }.ToJsonString();

    /// <summary>ISO-8601 duration → seconds, or null when it is not a duration between PT1H and PT12H.</summary>
    public static int? SessionSeconds(string duration)
    {
        try
        {
            var span = XmlConvert.ToTimeSpan(duration);
            return span >= TimeSpan.FromHours(1) && span <= TimeSpan.FromHours(12) ? (int)span.TotalSeconds : null;
        }
        catch (FormatException) { return null; }
    }

    /// <summary>
    /// Creates the account's role for the permission set, or brings an existing one in line with it. Customer managed
    /// policy references (and a customer managed boundary) must exist in the account: otherwise nothing changes and the
    /// answer is the request's FailureReason.
    /// </summary>
    public static string? Provision(Tx tx, SsoInstanceDoc instance, PermissionSetDoc permissionSet, string accountId, string region, DateTimeOffset now)
    {
        if (MissingCustomerPolicy(tx, permissionSet, accountId) is { } missing) return SsoAdmin.SsoAdminErrors.CustomerPolicyMissing(missing);
        var key = ProvisionedPermissionSetDoc.Key(accountId, permissionSet.PermissionSetArn);
        var provisioned = tx.ProvisionedPermissionSets.FindById(key);
        var role = provisioned is null ? null : tx.Roles.FindById(RoleDoc.Key(accountId, provisioned.RoleName));
        if (role is null)
        {
            var name = $"AWSReservedSSO_{permissionSet.Name}_{Ids.LowerHex(16)}";
            role = RoleFactory.New(accountId, name, RolePath(region), TrustPolicy(SamlProviderArn(instance, accountId)), now);
            role.ReservedBy = ServicePrincipals.Sso;
            Sync(role, permissionSet);
            tx.Roles.Insert(role);
            tx.Trail.ServiceEvent(accountId, ServicePrincipals.Sso, "CreateRole", name, $"permission set {permissionSet.Name} was provisioned to the account");
        }
        else
        {
            Sync(role, permissionSet);
            tx.Roles.Update(role);
        }
        SsoSamlProvider.Ensure(tx, instance, accountId, region, now); // the provider the role trusts (IAM side)
        provisioned ??= new ProvisionedPermissionSetDoc { Id = key, InstanceArn = instance.InstanceArn, AccountId = accountId, PermissionSetArn = permissionSet.PermissionSetArn };
        provisioned.RoleName = role.RoleName;
        provisioned.ProvisionedDate = now;
        tx.ProvisionedPermissionSets.Upsert(provisioned);
        return null;
    }

    /// <summary>The ARN of the first customer managed policy the permission set references that the account lacks, or null.</summary>
    private static string? MissingCustomerPolicy(Tx tx, PermissionSetDoc permissionSet, string accountId) =>
        permissionSet.CustomerManagedPolicies.Append(permissionSet.BoundaryReference).OfType<PolicyReferenceDoc>()
            .Select(reference => reference.ArnIn(accountId))
            .FirstOrDefault(arn => tx.ManagedPolicies.FindById(arn) is null);

    /// <summary>Whether the account's role carries the permission set as it is now (LATEST_PERMISSION_SET_PROVISIONED).</summary>
    public static bool IsCurrent(Tx tx, ProvisionedPermissionSetDoc provisioned, PermissionSetDoc permissionSet)
    {
        if (tx.Roles.FindById(RoleDoc.Key(provisioned.AccountId, provisioned.RoleName)) is not { } role) return false;
        var probe = new RoleDoc { AccountId = provisioned.AccountId };
        Sync(probe, permissionSet);
        return probe.MaxSessionDuration == role.MaxSessionDuration && probe.PermissionsBoundaryArn == role.PermissionsBoundaryArn &&
               probe.AttachedPolicies.Select(p => p.PolicyArn).SequenceEqual(role.AttachedPolicies.Select(p => p.PolicyArn)) &&
               probe.InlinePolicies.GetValueOrDefault(InlinePolicyName) == role.InlinePolicies.GetValueOrDefault(InlinePolicyName);
    }

    /// <summary>Removes the assignment; the last one of its permission set in the account takes the role with it.</summary>
    public static void RemoveAssignment(Tx tx, AccountAssignmentDoc assignment)
    {
        tx.AccountAssignments.Delete(assignment.Id);
        var others = tx.AccountAssignments.Exists(a =>
            a.AccountId == assignment.AccountId && a.PermissionSetArn == assignment.PermissionSetArn);
        if (!others) Deprovision(tx, assignment.AccountId, assignment.PermissionSetArn);
    }

    /// <summary>Every assignment of a directory principal goes when the principal is deleted.</summary>
    public static void RemovePrincipal(Tx tx, string principalType, string principalId)
    {
        foreach (var assignment in tx.AccountAssignments.Find(a => a.PrincipalType == principalType && a.PrincipalId == principalId).ToList())
            RemoveAssignment(tx, assignment);
    }

    public static void Deprovision(Tx tx, string accountId, string permissionSetArn)
    {
        var key = ProvisionedPermissionSetDoc.Key(accountId, permissionSetArn);
        if (tx.ProvisionedPermissionSets.FindById(key) is not { } provisioned) return;
        if (tx.Roles.Delete(RoleDoc.Key(accountId, provisioned.RoleName)))
            tx.Trail.ServiceEvent(accountId, ServicePrincipals.Sso, "DeleteRole", provisioned.RoleName, "the account has no assignment of the permission set any more");
        tx.ProvisionedPermissionSets.Delete(key);
        SsoSamlProvider.RemoveIfUnused(tx, provisioned.InstanceArn, accountId); // the provider goes with the instance's last role
    }

    private static void Sync(RoleDoc role, PermissionSetDoc permissionSet)
    {
        role.MaxSessionDuration = SessionSeconds(permissionSet.SessionDuration) ?? 3600;
        role.AttachedPolicies = permissionSet.ManagedPolicyArns
            .Concat(permissionSet.CustomerManagedPolicies.Select(reference => reference.ArnIn(role.AccountId)))
            .Select(arn => new AttachedPolicyDoc { PolicyArn = arn, PolicyName = arn[(arn.LastIndexOf('/') + 1)..] }).ToList();
        role.PermissionsBoundaryArn = permissionSet.BoundaryManagedPolicyArn ?? permissionSet.BoundaryReference?.ArnIn(role.AccountId);
        role.InlinePolicies = permissionSet.InlinePolicy is null ? [] : new() { [InlinePolicyName] = permissionSet.InlinePolicy };
    }
}
