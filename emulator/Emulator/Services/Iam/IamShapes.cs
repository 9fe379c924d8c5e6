using System.Net;

namespace Emulator.Services.Iam;

// Request and response records, spelled exactly as the IAM model spells its members.

public sealed record Tag(string Key, string Value);

public sealed record AttachedPermissionsBoundary(string PermissionsBoundaryType, string PermissionsBoundaryArn);

public sealed record Role(
    string Path, string RoleName, string RoleId, string Arn, DateTimeOffset CreateDate,
    string? AssumeRolePolicyDocument, string? Description, int? MaxSessionDuration,
    AttachedPermissionsBoundary? PermissionsBoundary, IReadOnlyList<Tag>? Tags)
{
    /// <summary>IAM returns policy documents URL-encoded inside the XML; botocore decodes them.</summary>
    public static Role From(RoleDoc doc, bool withDetails = true) => new(
        doc.Path, doc.RoleName, doc.RoleId, doc.Arn, doc.CreateDate,
        PolicyDocuments.Encode(doc.AssumeRolePolicyDocument), doc.Description, doc.MaxSessionDuration,
        doc.PermissionsBoundaryArn is null ? null : new AttachedPermissionsBoundary("Policy", doc.PermissionsBoundaryArn),
        withDetails && doc.Tags.Count > 0 ? doc.Tags.Select(t => new Tag(t.Key, t.Value)).ToList() : null);
}

public sealed record RoleNameRequest(string RoleName);

public sealed record RoleResponse(Role Role);

public static class PolicyDocuments
{
    public static string Encode(string document) => WebUtility.UrlEncode(document).Replace("+", "%20");
}
