using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>The organization's tree (root, OUs, accounts): ARNs, parents, paths and the wire shapes built from them.</summary>
public static class OrganizationTree
{
    /// <summary>AWS limits OU nesting to five levels below the root.</summary>
    public const int MaxOuDepth = 5;

    public static string RootArn(OrganizationDoc org) => $"arn:aws:organizations::{org.ManagementAccountId}:root/{org.Id}/{org.RootId}";

    public static string OuArn(OrganizationDoc org, string ouId) => $"arn:aws:organizations::{org.ManagementAccountId}:ou/{org.Id}/{ouId}";

    public static string AccountArn(OrganizationDoc org, string accountId) =>
        $"arn:aws:organizations::{org.ManagementAccountId}:account/{org.Id}/{accountId}";

    /// <summary>A number that grows with every call within the organization, for stable oldest-first listings.</summary>
    public static long NextSequence(Tx tx, OrganizationDoc org)
    {
        org.Sequence++;
        tx.Organizations.Update(org);
        return org.Sequence;
    }

    public static OrganizationalUnitDoc? FindOu(Tx tx, OrganizationDoc org, string ouId) =>
        tx.OrganizationalUnits.FindById(ouId) is { } ou && ou.OrganizationId == org.Id ? ou : null;

    public static bool IsParent(Tx tx, OrganizationDoc org, string parentId) =>
        parentId == org.RootId || FindOu(tx, org, parentId) is not null;

    public static string ParentType(OrganizationDoc org, string parentId) => parentId == org.RootId ? "ROOT" : "ORGANIZATIONAL_UNIT";

    /// <summary>The container ids from the root down to <paramref name="parentId"/>.</summary>
    public static List<string> Chain(Tx tx, OrganizationDoc org, string parentId)
    {
        var chain = new List<string>();
        var current = parentId;
        while (current != org.RootId && FindOu(tx, org, current) is { } ou)
        {
            chain.Insert(0, ou.Id);
            current = ou.ParentId;
        }
        chain.Insert(0, org.RootId);
        return chain;
    }

    /// <summary>"o-…/r-…/ou-…/" for a container.</summary>
    public static string PathOf(Tx tx, OrganizationDoc org, string containerId) => containerId == org.RootId
        ? $"{org.Id}/{org.RootId}/"
        : $"{org.Id}/{string.Join('/', Chain(tx, org, containerId))}/";

    /// <summary>The organization's accounts in ordinal id order (an index: no scan of all accounts).</summary>
    public static IEnumerable<AccountDoc> Members(Tx tx, OrganizationDoc org) =>
        tx.Accounts.FindBy(Indexes.AccountsByOrganization, org.Id);

    /// <summary>The account, when it belongs to this organization.</summary>
    public static AccountDoc? FindMember(Tx tx, OrganizationDoc org, string accountId) =>
        tx.Accounts.FindById(accountId) is { } account && account.OrganizationId == org.Id ? account : null;

    public static AccountDoc RequireMember(Tx tx, OrganizationDoc org, string accountId) =>
        FindMember(tx, org, accountId) ?? throw OrganizationsErrors.AccountNotFound();

    private static readonly SnapshotMemo<(AccountDoc Doc, OrganizationDoc Org), Account> AccountsBySnapshot = new();

    /// <summary>
    /// An account's wire shape. A read builds it once per snapshot (its documents and the OUs above it cannot change
    /// within one), so listing pages does not rebuild ARNs and paths for every call.
    /// </summary>
    public static Account ToAccount(Tx tx, OrganizationDoc org, AccountDoc doc) =>
        AccountsBySnapshot.Get(tx, (doc, org), static (read, key) => BuildAccount(read, key.Org, key.Doc));

    private static Account BuildAccount(Tx tx, OrganizationDoc org, AccountDoc doc) => new(
        doc.Id, AccountArn(org, doc.Id), doc.Email, doc.Name, doc.Status, doc.Status,
        [$"{PathOf(tx, org, doc.ParentId ?? org.RootId)}{doc.Id}/"], doc.JoinedMethod, doc.JoinedTimestamp);

    /// <summary>Enabling and disabling take effect at once here, so every listed type is ENABLED.</summary>
    public static Root ToRoot(OrganizationDoc org) => new(org.RootId, RootArn(org), "Root",
        org.EnabledPolicyTypes.Select(t => new PolicyTypeSummary(t, "ENABLED")).ToList());

    public static OrganizationalUnit ToOu(Tx tx, OrganizationDoc org, OrganizationalUnitDoc ou) =>
        new(ou.Id, OuArn(org, ou.Id), ou.Name, PathOf(tx, org, ou.Id));
}
