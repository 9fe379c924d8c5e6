using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>One policy as the organization sees it: customer-managed (stored) or AWS-managed (built in).</summary>
public sealed record PolicyView(string Id, string Type, string Name, string Description, string Content, bool AwsManaged, string Arn)
{
    public PolicySummary Summary => new(Id, Arn, Name, Description, Type, AwsManaged);

    public Policy ToPolicy() => new(Summary, Content);
}

/// <summary>Finds the policies an organization can use: its own and the AWS-managed ones.</summary>
public static class PolicyCatalog
{
    public static string Arn(OrganizationDoc organization, string type, string policyId) =>
        $"arn:aws:organizations::{organization.ManagementAccountId}:policy/{organization.Id}/{type.ToLowerInvariant()}/{policyId}";

    public static PolicyView? Find(Tx tx, OrganizationDoc organization, string policyId)
    {
        if (AwsManagedPolicies.Find(policyId) is { } managed)
            return new(managed.Id, managed.Type, managed.Name, managed.Description, managed.Content, true, managed.Arn);
        return tx.Policies.FindById(policyId) is { } doc && doc.OrganizationId == organization.Id ? View(organization, doc) : null;
    }

    public static PolicyView Require(Tx tx, OrganizationDoc organization, string policyId) =>
        Find(tx, organization, policyId) ?? throw OrganizationsErrors.PolicyNotFound();

    /// <summary>The customer-managed policy, for changes; AWS-managed ones are IMMUTABLE_POLICY.</summary>
    public static PolicyDoc RequireCustomer(Tx tx, OrganizationDoc organization, string policyId)
    {
        if (AwsManagedPolicies.Find(policyId) is not null) throw OrganizationsErrors.ImmutablePolicy();
        return tx.Policies.FindById(policyId) is { } doc && doc.OrganizationId == organization.Id ? doc : throw OrganizationsErrors.PolicyNotFound();
    }

    /// <summary>Every policy of the type, AWS-managed ones included, ordered by id.</summary>
    public static IEnumerable<PolicyView> OfType(Tx tx, OrganizationDoc organization, string type)
    {
        var organizationId = organization.Id;
        var managed = AwsManagedPolicies.All.Values.Where(p => p.Type == type).Select(p => Find(tx, organization, p.Id)!);
        var own = tx.Policies.Find(p => p.OrganizationId == organizationId && p.Type == type).Select(d => View(organization, d));
        return managed.Concat(own).OrderBy(p => p.Id, StringComparer.Ordinal);
    }

    public static PolicyView View(OrganizationDoc organization, PolicyDoc doc) =>
        new(doc.Id, doc.Type, doc.Name, doc.Description ?? "", doc.Content, false, Arn(organization, doc.Type, doc.Id));
}
