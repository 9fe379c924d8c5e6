using Emulator.State;
using System.Text.RegularExpressions;
using Emulator.Core;

namespace Emulator.Services.Organizations;

/// <summary>
/// Invitations: InviteAccountToOrganization, Accept/Decline/CancelHandshake, DescribeHandshake,
/// ListHandshakesForAccount, ListHandshakesForOrganization. A handshake's parties are the inviting organization and
/// the invited account (by id or by email); an account that has never called before is a standalone AWS account.
/// </summary>
public static partial class HandshakeOperations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(15);

    public static void Register(OperationTable table)
    {
        table.Write<InviteAccountToOrganizationRequest, HandshakeResponse>("InviteAccountToOrganization", Invite);
        table.Write<HandshakeIdRequest, HandshakeResponse>("AcceptHandshake", Accept);
        table.Write<HandshakeIdRequest, HandshakeResponse>("DeclineHandshake", Decline);
        table.Write<HandshakeIdRequest, HandshakeResponse>("CancelHandshake", Cancel);
        table.Read<HandshakeIdRequest, HandshakeResponse>("DescribeHandshake", Describe);
        table.Read<ListHandshakesRequest, ListHandshakesResponse>("ListHandshakesForAccount", ListForAccount);
        table.Read<ListHandshakesRequest, ListHandshakesResponse>("ListHandshakesForOrganization", ListForOrganization);
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$")]
    private static partial Regex EmailPattern();

    /// <summary>
    /// The model lists neither AlreadyInOrganizationException nor DuplicateAccountException for this operation; an
    /// invited account that already belongs to an organization (this one or another) is therefore
    /// HandshakeConstraintViolationException with Reason ALREADY_IN_AN_ORGANIZATION (modelled). A second open
    /// invitation to the same target is DuplicateHandshakeException.
    /// </summary>
    public static HandshakeResponse Invite(OperationContext context, InviteAccountToOrganizationRequest request)
    {
        var tx = context.Tx;
        var organization = OrganizationAccess.RequireManagement(context);
        if (AllFeaturesMigration.IsPending(tx, organization)) throw OrganizationsErrors.InviteDisabledDuringEnableAllFeatures();
        var target = request.Target;
        var known = target.Type switch
        {
            "ACCOUNT" when AccountIdPattern().IsMatch(target.Id) => tx.Accounts.FindById(target.Id),
            "ACCOUNT" => throw OrganizationsErrors.InvalidPartyTypeTarget(),
            "EMAIL" when EmailPattern().IsMatch(target.Id) => FindByEmail(context, target.Id),
            "EMAIL" => throw OrganizationsErrors.InvalidEmailAddressTarget(),
            _ => throw OrganizationsErrors.InvalidPartyTypeTarget(),
        };
        if (known?.OrganizationId is not null) throw OrganizationsErrors.HandshakeAlreadyInAnOrganization();
        var targetId = target.Id;
        if (tx.Handshakes.Find(h => h.OrganizationId == organization.Id && h.TargetId == targetId)
            .Any(h => StateOf(h, context.Now) == "OPEN"))
            throw OrganizationsErrors.DuplicateHandshake();

        var handshake = new HandshakeDoc
        {
            Id = "h-" + Ids.LowerAlphanumeric(10),
            OrganizationId = organization.Id,
            ManagementAccountId = organization.ManagementAccountId,
            Sequence = OrganizationTree.NextSequence(tx, organization),
            TargetType = target.Type,
            TargetId = target.Id,
            Notes = request.Notes,
            Tags = Tagging.Checked(request.Tags),
            RequestedTimestamp = context.Now,
            ExpirationTimestamp = context.Now + Lifetime,
        };
        tx.Handshakes.Insert(handshake);
        return new(ToHandshake(context, handshake));
    }

    /// <summary>
    /// Invitations: only the invited account may accept, and only while it is standalone; it joins under the root
    /// (JoinedMethod INVITED) and the trust-model join rules run. Invited accounts get no OrganizationAccountAccessRole.
    /// The all-features handshakes are accepted as <see cref="AllFeaturesMigration"/> describes.
    /// </summary>
    public static HandshakeResponse Accept(OperationContext context, HandshakeIdRequest request)
    {
        var tx = context.Tx;
        var handshake = Visible(context, request.HandshakeId);
        RequireRecipient(context, handshake);
        Transition(context, handshake, "ACCEPTED");
        if (handshake.Action == AllFeaturesMigration.Enable) AllFeaturesMigration.Finalize(context, handshake);
        if (handshake.Action != "INVITE")
        {
            tx.Handshakes.Update(handshake);
            return new(ToHandshake(context, handshake));
        }
        var caller = context.Caller.AccountId;
        var account = tx.Accounts.FindById(caller);
        if (account?.OrganizationId is not null) throw OrganizationsErrors.HandshakeAlreadyInAnOrganization();
        var organization = tx.Organizations.FindById(handshake.OrganizationId) ?? throw OrganizationsErrors.InvalidHandshakeTransition();

        account ??= new AccountDoc
        {
            Id = caller,
            Name = caller,
            Email = handshake.TargetType == "EMAIL" ? handshake.TargetId : $"{caller}@example.com",
        };
        Membership.Join(tx, account, organization, "INVITED", context.Now);
        Tagging.Put(tx, organization.Id, account.Id, handshake.Tags);
        tx.Handshakes.Update(handshake);
        return new(ToHandshake(context, handshake));
    }

    public static HandshakeResponse Decline(OperationContext context, HandshakeIdRequest request)
    {
        var handshake = Visible(context, request.HandshakeId);
        RequireRecipient(context, handshake);
        Transition(context, handshake, "DECLINED");
        context.Tx.Handshakes.Update(handshake);
        return new(ToHandshake(context, handshake));
    }

    /// <summary>Only the sender (the management account) may cancel.</summary>
    public static HandshakeResponse Cancel(OperationContext context, HandshakeIdRequest request)
    {
        var handshake = Visible(context, request.HandshakeId);
        if (context.Caller.AccountId != handshake.ManagementAccountId) throw OrganizationsErrors.AccessDenied();
        Transition(context, handshake, "CANCELED");
        context.Tx.Handshakes.Update(handshake);
        if (handshake.Action == AllFeaturesMigration.Enable) AllFeaturesMigration.CancelApprovals(context, handshake);
        return new(ToHandshake(context, handshake));
    }

    public static HandshakeResponse Describe(OperationContext context, HandshakeIdRequest request) =>
        new(ToHandshake(context, Visible(context, request.HandshakeId)));

    /// <summary>The invitations the calling account received; callable by any account, in an organization or not.</summary>
    public static ListHandshakesResponse ListForAccount(OperationContext context, ListHandshakesRequest request)
    {
        var caller = context.Caller.AccountId;
        var email = context.Tx.Accounts.FindById(caller)?.Email;
        var received = context.Tx.Handshakes.Find(h => h.TargetId == caller).ToList();
        if (OrganizationAccess.OrganizationOf(context.Tx, caller) is { } organization && organization.ManagementAccountId == caller)
            received.AddRange(context.Tx.Handshakes.Find(h => h.TargetId == organization.Id && h.TargetType == "ORGANIZATION"));
        if (email is not null) received.AddRange(context.Tx.Handshakes.Find(h => h.TargetId == email && h.TargetType == "EMAIL"));
        return ListPage(context, received, request);
    }

    public static ListHandshakesResponse ListForOrganization(OperationContext context, ListHandshakesRequest request)
    {
        var organization = OrganizationAccess.RequireManagementOrDelegatedAdministrator(context, "ListHandshakesForOrganization");
        return ListPage(context, context.Tx.Handshakes.Find(h => h.OrganizationId == organization.Id), request);
    }

    private static ListHandshakesResponse ListPage(OperationContext context, IEnumerable<HandshakeDoc> handshakes, ListHandshakesRequest request)
    {
        var filtered = handshakes
            .Where(h => request.Filter?.ActionType is not { } action || h.Action == action)
            .Where(h => request.Filter?.ParentHandshakeId is not { } parent || h.ParentHandshakeId == parent)
            .OrderBy(h => Pages.BySequence(h.Sequence, h.Id), StringComparer.Ordinal);
        var page = Pages.Of(filtered, h => Pages.BySequence(h.Sequence, h.Id), request.NextToken, request.MaxResults);
        return new(page.Items.Select(h => ToHandshake(context, h)).ToList(), page.NextToken);
    }

    /// <summary>OPEN handshakes past their expiration read as EXPIRED.</summary>
    public static string StateOf(HandshakeDoc handshake, DateTimeOffset now) =>
        handshake.State == "OPEN" && now >= handshake.ExpirationTimestamp ? "EXPIRED" : handshake.State;

    /// <summary>Only OPEN handshakes move; moving to the state a handshake is already in is HandshakeAlreadyInState.</summary>
    private static void Transition(OperationContext context, HandshakeDoc handshake, string to)
    {
        var state = StateOf(handshake, context.Now);
        if (state == to) throw OrganizationsErrors.HandshakeAlreadyInState();
        if (state != "OPEN") throw OrganizationsErrors.InvalidHandshakeTransition();
        handshake.State = to;
    }

    /// <summary>A handshake exists for its parties only: the sending management account and the invited account.</summary>
    private static HandshakeDoc Visible(OperationContext context, string handshakeId)
    {
        var handshake = context.Tx.Handshakes.FindById(handshakeId);
        if (handshake is null) throw OrganizationsErrors.HandshakeNotFound();
        if (context.Caller.AccountId != handshake.ManagementAccountId && !IsRecipient(context, handshake))
            throw OrganizationsErrors.HandshakeNotFound();
        return handshake;
    }

    private static void RequireRecipient(OperationContext context, HandshakeDoc handshake)
    {
        if (!IsRecipient(context, handshake)) throw OrganizationsErrors.AccessDenied();
    }

    /// <summary>
    /// ACCOUNT targets: that account. EMAIL targets: the known account with that email, or — when no known account has
    /// it — any account the emulator has not seen yet (it takes the email on joining).
    /// </summary>
    private static bool IsRecipient(OperationContext context, HandshakeDoc handshake)
    {
        var caller = context.Caller.AccountId;
        if (handshake.TargetType == "ACCOUNT") return handshake.TargetId == caller;
        if (handshake.TargetType == "ORGANIZATION") return handshake.ManagementAccountId == caller;
        var owner = FindByEmail(context, handshake.TargetId);
        return owner is null ? context.Tx.Accounts.FindById(caller) is null : owner.Id == caller;
    }

    private static AccountDoc? FindByEmail(OperationContext context, string email) =>
        context.Tx.Accounts.FindBy(Indexes.AccountsByEmail, email).FirstOrDefault();

    private static Handshake ToHandshake(OperationContext context, HandshakeDoc doc)
    {
        var organization = context.Tx.Organizations.FindById(doc.OrganizationId);
        var organizationResources = new List<HandshakeResource>
        {
            new(organization?.ManagementAccountEmail ?? $"{doc.ManagementAccountId}@example.com", "MASTER_EMAIL"),
            new(context.Tx.Accounts.FindById(doc.ManagementAccountId)?.Name ?? doc.ManagementAccountId, "MASTER_NAME"),
            // AWS's own example shows "FULL" for an all-features organization.
            new(organization?.FeatureSet == "CONSOLIDATED_BILLING" ? "CONSOLIDATED_BILLING" : "FULL", "ORGANIZATION_FEATURE_SET"),
        };
        var resources = new List<HandshakeResource> { new(doc.OrganizationId, "ORGANIZATION", organizationResources) };
        List<HandshakeParty> parties = [new HandshakeParty(doc.OrganizationId, "ORGANIZATION")];
        if (doc.TargetType != "ORGANIZATION")
        {
            resources.Add(new HandshakeResource(doc.TargetId, doc.TargetType));
            parties.Add(new HandshakeParty(doc.TargetId, doc.TargetType));
        }
        if (doc.ParentHandshakeId is not null) resources.Add(new HandshakeResource(doc.ParentHandshakeId, "PARENT_HANDSHAKE"));
        if (doc.Notes is not null) resources.Add(new HandshakeResource(doc.Notes, "NOTES"));
        return new Handshake(
            doc.Id,
            $"arn:aws:organizations::{doc.ManagementAccountId}:handshake/{doc.OrganizationId}/{doc.Action.ToLowerInvariant()}/{doc.Id}",
            parties,
            StateOf(doc, context.Now), doc.RequestedTimestamp, doc.ExpirationTimestamp, doc.Action, resources);
    }
}
