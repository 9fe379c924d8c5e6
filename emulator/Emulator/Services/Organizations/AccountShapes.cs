using System.Text.Json.Serialization;
using Emulator.Protocol;
namespace Emulator.Services.Organizations;

// Accounts, roots and account creation, spelled as the Organizations model spells them.

/// <summary>
/// Status (retiring) and State carry the same value here: ACTIVE, PENDING_CLOSURE or SUSPENDED. Built once per snapshot
/// (<see cref="OrganizationTree.ToAccount"/>).
/// </summary>
public sealed record Account(
    string Id, string Arn, string Email, string Name, string Status, string State, IReadOnlyList<string> Paths,
    string? JoinedMethod, EpochTimestamp? JoinedTimestamp) : ISnapshotAnswer;

public sealed record AccountIdRequest(string AccountId);

public sealed record AccountResponse(Account Account);

/// <summary>The accounts are built once per snapshot (<see cref="OrganizationTree.ToAccount"/>), so their JSON is kept with them.</summary>
public sealed record ListAccountsResponse(
    [property: JsonConverter(typeof(SnapshotItemsConverter<Account>))] IReadOnlyList<Account> Accounts, string? NextToken);

public sealed record Root(string Id, string Arn, string Name, IReadOnlyList<PolicyTypeSummary> PolicyTypes);

public sealed record ListRootsResponse(IReadOnlyList<Root> Roots, string? NextToken);

public sealed record Tag(string Key, string Value);

public sealed record CreateAccountRequest(
    string Email, string AccountName, string? RoleName, string? IamUserAccessToBilling, IReadOnlyList<Tag>? Tags);

public sealed record CreateAccountStatus(
    string Id, string AccountName, string State, EpochTimestamp RequestedTimestamp, EpochTimestamp? CompletedTimestamp,
    string? AccountId, string? FailureReason)
{
    public static CreateAccountStatus From(CreateAccountStatusDoc doc) => new(
        doc.Id, doc.AccountName, doc.State, doc.RequestedTimestamp, doc.CompletedTimestamp, doc.AccountId, doc.FailureReason);
}

public sealed record CreateAccountStatusResponse(CreateAccountStatus CreateAccountStatus);

public sealed record DescribeCreateAccountStatusRequest(string CreateAccountRequestId);

public sealed record ListCreateAccountStatusRequest(IReadOnlyList<string>? States, int? MaxResults, string? NextToken);

public sealed record ListCreateAccountStatusResponse(IReadOnlyList<CreateAccountStatus> CreateAccountStatuses, string? NextToken);
