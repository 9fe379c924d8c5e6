using Emulator.Protocol;
namespace Emulator.Services.Organizations;

// Handshakes (invitations), spelled as the Organizations model spells them.

public sealed record HandshakeParty(string Id, string Type);

public sealed record HandshakeResource(string Value, string Type, IReadOnlyList<HandshakeResource>? Resources = null);

public sealed record Handshake(
    string Id, string Arn, IReadOnlyList<HandshakeParty> Parties, string State, EpochTimestamp RequestedTimestamp,
    EpochTimestamp ExpirationTimestamp, string Action, IReadOnlyList<HandshakeResource> Resources);

public sealed record HandshakeResponse(Handshake Handshake);

public sealed record InviteAccountToOrganizationRequest(HandshakeParty Target, string? Notes, IReadOnlyList<Tag>? Tags);

public sealed record HandshakeIdRequest(string HandshakeId);

public sealed record HandshakeFilter(string? ActionType, string? ParentHandshakeId);

public sealed record ListHandshakesRequest(HandshakeFilter? Filter, int? MaxResults, string? NextToken);

public sealed record ListHandshakesResponse(IReadOnlyList<Handshake> Handshakes, string? NextToken);
