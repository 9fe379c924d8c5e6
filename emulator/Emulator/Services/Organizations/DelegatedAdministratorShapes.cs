using Emulator.Protocol;
namespace Emulator.Services.Organizations;

// Delegated administrators, spelled as the Organizations model spells them.

public sealed record DelegatedAdministratorRequest(string AccountId, string ServicePrincipal);

public sealed record DelegatedAdministrator(
    string Id, string Arn, string Email, string Name, string Status, string State, string? JoinedMethod,
    EpochTimestamp? JoinedTimestamp, EpochTimestamp DelegationEnabledDate);

public sealed record ListDelegatedAdministratorsRequest(string? ServicePrincipal, int? MaxResults, string? NextToken);

public sealed record ListDelegatedAdministratorsResponse(IReadOnlyList<DelegatedAdministrator> DelegatedAdministrators, string? NextToken);

public sealed record ListDelegatedServicesForAccountRequest(string AccountId, int? MaxResults, string? NextToken);

public sealed record DelegatedService(string ServicePrincipal, EpochTimestamp DelegationEnabledDate);

public sealed record ListDelegatedServicesForAccountResponse(IReadOnlyList<DelegatedService> DelegatedServices, string? NextToken);
