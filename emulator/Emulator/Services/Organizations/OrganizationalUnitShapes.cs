namespace Emulator.Services.Organizations;

// Organizational units, children and parents, spelled as the Organizations model spells them.

public sealed record OrganizationalUnit(string Id, string Arn, string Name, string Path);

public sealed record OrganizationalUnitResponse(OrganizationalUnit OrganizationalUnit);

public sealed record CreateOrganizationalUnitRequest(string ParentId, string Name, IReadOnlyList<Tag>? Tags);

public sealed record OrganizationalUnitIdRequest(string OrganizationalUnitId);

public sealed record UpdateOrganizationalUnitRequest(string OrganizationalUnitId, string? Name);

public sealed record ParentPageRequest(string ParentId, int? MaxResults, string? NextToken);

public sealed record ListOrganizationalUnitsForParentResponse(IReadOnlyList<OrganizationalUnit> OrganizationalUnits, string? NextToken);

public sealed record ListChildrenRequest(string ParentId, string ChildType, int? MaxResults, string? NextToken);

public sealed record Child(string Id, string Type);

public sealed record ListChildrenResponse(IReadOnlyList<Child> Children, string? NextToken);

public sealed record ListParentsRequest(string ChildId, int? MaxResults, string? NextToken);

public sealed record Parent(string Id, string Type);

public sealed record ListParentsResponse(IReadOnlyList<Parent> Parents, string? NextToken);

public sealed record MoveAccountRequest(string AccountId, string SourceParentId, string DestinationParentId);
