using Emulator.Services.TrustModel;
using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>Accounts joining and leaving an organization, with the trust-model rules that follow.</summary>
public static class Membership
{
    public static void Join(Tx tx, AccountDoc account, OrganizationDoc organization, string joinedMethod, DateTimeOffset now)
    {
        account.OrganizationId = organization.Id;
        account.ParentId = organization.RootId;
        account.JoinedMethod = joinedMethod;
        account.JoinedTimestamp = now;
        tx.Accounts.Upsert(account);
        TrustedAccessRules.OnAccountJoined(tx, organization, account.Id, now);
        PolicyAttachments.OnTargetAdded(tx, organization, account.Id, now);
    }

    /// <summary>
    /// The account becomes standalone: its document stays (name, email, status) without organization, parent or join
    /// details. Services with trusted access clean up their linked roles; OrganizationAccountAccessRole stays. Its policy
    /// attachments and its Organizations tags go.
    /// </summary>
    public static void Detach(Tx tx, AccountDoc? account)
    {
        if (account is null) return;
        Standalone(tx, account);
        TrustedAccessRules.OnAccountRemoved(tx, account.Id);
    }

    /// <summary>The management account of a deleted organization: standalone, every role kept (TrustedAccessRules.OnOrganizationDeleting).</summary>
    public static void DetachManagement(Tx tx, AccountDoc? account)
    {
        if (account is not null) Standalone(tx, account);
    }

    private static void Standalone(Tx tx, AccountDoc account)
    {
        account.OrganizationId = null;
        account.ParentId = null;
        account.JoinedMethod = null;
        account.JoinedTimestamp = null;
        tx.Accounts.Update(account);
        PolicyAttachments.OnTargetRemoved(tx, account.Id);
    }
}
