using System.Text.Json.Nodes;
using Emulator.Services.Sso;
using Emulator.Services.TrustModel;
using Emulator.State;

namespace Emulator.Services.IdentityStore;

/// <summary>
/// Users. A user's attributes are kept as the JSON the client sent (SsoUserDoc.AttributesJson) and returned unchanged;
/// UserName, DisplayName and the primary email are also kept as fields for sign-in and the portal.
/// </summary>
public static class UserOperations
{
    /// <summary>The User members UpdateUser may set, by lower-case first path segment.</summary>
    private static readonly Dictionary<string, string> Attributes = new[]
    {
        "UserName", "DisplayName", "Name", "NickName", "ProfileUrl", "Emails", "Addresses", "PhoneNumbers", "UserType", "Title",
        "PreferredLanguage", "Locale", "Timezone", "Photos", "Website", "Birthdate", "Roles", "Extensions",
    }.ToDictionary(m => m.ToLowerInvariant(), m => m);

    private static readonly HashSet<string> Lists = ["Emails", "Addresses", "PhoneNumbers", "Photos", "Roles"];

    public static void Register(OperationTable table)
    {
        table.Write<JsonObject, JsonObject>("CreateUser", Create);
        table.Read<JsonObject, JsonObject>("DescribeUser", Describe);
        table.Write<UpdateRequest, NoOutput>("UpdateUser", Update);
        table.Write<JsonObject, NoOutput>("DeleteUser", Delete);
        table.Read<JsonObject, JsonObject>("ListUsers", List);
        table.Read<AlternateIdentifierRequest, UserIdResponse>("GetUserId", GetUserId);
    }

    public static JsonObject Create(OperationContext context, JsonObject request)
    {
        var identityStoreId = (string)request["IdentityStoreId"]!;
        var instance = IdentityStoreAccess.Store(context, identityStoreId, "CreateUser");
        var userName = (string?)request["UserName"] ?? throw IdentityStoreErrors.Required("userName");
        if (request["DisplayName"] is null) throw IdentityStoreErrors.Required("displayName");
        var attributes = request.DeepClone().AsObject();
        attributes.Remove("IdentityStoreId");
        attributes.Remove("UserName");
        var user = NewUser(context.Tx, instance, userName, attributes, context.Now);
        return new JsonObject { ["IdentityStoreId"] = identityStoreId, ["UserId"] = user.UserId };
    }

    /// <summary>Adds a user (ConflictException when the user name is taken, case-insensitively). Used by CreateUser and the control plane.</summary>
    public static SsoUserDoc NewUser(Tx tx, SsoInstanceDoc instance, string userName, JsonObject attributes, DateTimeOffset now)
    {
        if (FindByUserName(tx, instance.IdentityStoreId, userName) is not null) throw IdentityStoreErrors.Duplicate("UserName");
        attributes["CreatedAt"] = now.ToString("O");
        attributes["UpdatedAt"] = now.ToString("O");
        var user = new SsoUserDoc { UserId = IdentityStoreAccess.NewId(instance.IdentityStoreId), IdentityStoreId = instance.IdentityStoreId, UserName = userName };
        Store(user, attributes);
        tx.SsoUsers.Insert(user);
        return user;
    }

    public static SsoUserDoc? FindByUserName(Tx tx, string identityStoreId, string userName) =>
        tx.SsoUsers.Find(u => u.IdentityStoreId == identityStoreId).FirstOrDefault(u => IdentityStoreAccess.SameText(u.UserName, userName));

    /// <summary>Writes the attributes and the fields derived from them (display name, primary email).</summary>
    public static void Store(SsoUserDoc user, JsonObject attributes)
    {
        user.AttributesJson = attributes.ToJsonString();
        user.DisplayName = (string?)attributes["DisplayName"];
        var emails = attributes["Emails"] as JsonArray ?? [];
        var primary = emails.OfType<JsonObject>().FirstOrDefault(e => e["Primary"] is JsonValue p && p.TryGetValue<bool>(out var b) && b)
            ?? emails.OfType<JsonObject>().FirstOrDefault();
        user.Email = primary?["Value"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    public static JsonObject Describe(OperationContext context, JsonObject request)
    {
        var user = Find(context, (string)request["IdentityStoreId"]!, (string)request["UserId"]!, "DescribeUser");
        return Shape(user, request["Extensions"] as JsonArray);
    }

    public static NoOutput Update(OperationContext context, UpdateRequest request)
    {
        var user = Find(context, request.IdentityStoreId, request.UserId ?? throw IdentityStoreErrors.Required("userId"), "UpdateUser");
        var attributes = JsonNode.Parse(user.AttributesJson)!.AsObject();
        foreach (var operation in request.Operations)
        {
            var segments = operation.AttributePath.Split('.');
            if (!Attributes.TryGetValue(segments[0].ToLowerInvariant(), out var member) || segments.Length > 2 || (segments.Length == 2 && member != "Name"))
                throw IdentityStoreErrors.InvalidAttributePath(operation.AttributePath);
            var value = operation.AttributeValue?.DeepClone();
            if (member == "UserName")
            {
                if (value is not JsonValue v || !v.TryGetValue<string>(out var newName) || newName.Length == 0)
                    throw IdentityStoreErrors.InvalidAttributeValue(operation.AttributePath);
                if (FindByUserName(context.Tx, user.IdentityStoreId, newName) is { } other && other.UserId != user.UserId)
                    throw IdentityStoreErrors.Duplicate("UserName");
                user.UserName = newName;
                continue;
            }
            if (segments.Length == 2)
            {
                var name = attributes["Name"] as JsonObject ?? new JsonObject();
                var part = char.ToUpperInvariant(segments[1][0]) + segments[1][1..];
                if (value is null) name.Remove(part); else name[part] = value;
                attributes["Name"] = name.DeepClone();
                continue;
            }
            if (value is not null && (Lists.Contains(member) ? value is not JsonArray : member == "Name" ? value is not JsonObject : member != "Extensions" && value is not JsonValue))
                throw IdentityStoreErrors.InvalidAttributeValue(operation.AttributePath);
            if (value is null) attributes.Remove(member); else attributes[member] = value;
        }
        attributes["UpdatedAt"] = context.Now.ToString("O");
        Store(user, attributes);
        context.Tx.SsoUsers.Update(user);
        return new NoOutput();
    }

    /// <summary>The user's group memberships and account assignments go with it.</summary>
    public static NoOutput Delete(OperationContext context, JsonObject request)
    {
        var user = Find(context, (string)request["IdentityStoreId"]!, (string)request["UserId"]!, "DeleteUser");
        context.Tx.SsoGroupMemberships.DeleteMany(m => m.UserId == user.UserId);
        SsoProvisioning.RemovePrincipal(context.Tx, "USER", user.UserId);
        context.Tx.SsoUsers.Delete(user.UserId);
        return new NoOutput();
    }

    /// <summary>Filters: one, on UserName (the only attribute AWS accepts here).</summary>
    public static JsonObject List(OperationContext context, JsonObject request)
    {
        var identityStoreId = (string)request["IdentityStoreId"]!;
        IdentityStoreAccess.Store(context, identityStoreId, "ListUsers");
        var users = context.Tx.SsoUsers.Find(u => u.IdentityStoreId == identityStoreId).ToList().AsEnumerable();
        foreach (var filter in request["Filters"] as JsonArray ?? [])
        {
            var path = (string)filter!["AttributePath"]!;
            var wanted = (string?)filter["AttributeValue"];
            if (!IdentityStoreAccess.SameText(path, "UserName")) throw IdentityStoreErrors.InvalidFilter(path);
            users = users.Where(u => IdentityStoreAccess.SameText(u.UserName, wanted));
        }
        var page = IdentityStoreAccess.Slice(users, u => u.UserId, (int?)request["MaxResults"], (string?)request["NextToken"]);
        var result = new JsonObject { ["Users"] = new JsonArray(page.Items.Select(u => (JsonNode)Shape(u, request["Extensions"] as JsonArray)).ToArray()) };
        if (page.NextToken is not null) result["NextToken"] = page.NextToken;
        return result;
    }

    /// <summary>By userName or by primary/any email (emails.value).</summary>
    public static UserIdResponse GetUserId(OperationContext context, AlternateIdentifierRequest request)
    {
        IdentityStoreAccess.Store(context, request.IdentityStoreId, "GetUserId");
        var users = context.Tx.SsoUsers.Find(u => u.IdentityStoreId == request.IdentityStoreId).ToList();
        SsoUserDoc? found = null;
        if (request.AlternateIdentifier.UniqueAttribute is { } unique)
        {
            var wanted = unique.AttributeValue is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw IdentityStoreErrors.InvalidAttributeValue(unique.AttributePath);
            found = unique.AttributePath.ToLowerInvariant() switch
            {
                "username" => users.FirstOrDefault(u => IdentityStoreAccess.SameText(u.UserName, wanted)),
                "emails.value" => users.FirstOrDefault(u => (JsonNode.Parse(u.AttributesJson)!["Emails"] as JsonArray ?? [])
                    .Any(e => IdentityStoreAccess.SameText((string?)e?["Value"], wanted))),
                _ => throw IdentityStoreErrors.InvalidAttributePath(unique.AttributePath),
            };
        }
        else if (request.AlternateIdentifier.ExternalId is { } external)
            found = users.FirstOrDefault(u => (JsonNode.Parse(u.AttributesJson)!["ExternalIds"] as JsonArray ?? [])
                .Any(e => (string?)e?["Issuer"] == external.Issuer && (string?)e?["Id"] == external.Id));
        return found is null ? throw IdentityStoreErrors.NotFound("USER", null) : new(found.UserId, found.IdentityStoreId);
    }

    public static SsoUserDoc Find(OperationContext context, string identityStoreId, string userId, string action)
    {
        IdentityStoreAccess.Store(context, identityStoreId, action);
        return context.Tx.SsoUsers.FindById(userId) is { } user && user.IdentityStoreId == identityStoreId
            ? user
            : throw IdentityStoreErrors.NotFound("USER", userId);
    }

    /// <summary>The User shape: stored attributes plus ids, user name and status; Extensions only when asked for by name.</summary>
    public static JsonObject Shape(SsoUserDoc user, JsonArray? extensions)
    {
        var shape = JsonNode.Parse(user.AttributesJson)!.AsObject();
        if (shape["Extensions"] is JsonObject stored)
        {
            var wanted = extensions?.Select(e => (string?)e).ToHashSet() ?? [];
            foreach (var key in stored.Select(p => p.Key).Where(k => !wanted.Contains(k)).ToList()) stored.Remove(key);
            if (stored.Count == 0) shape.Remove("Extensions");
        }
        shape["UserId"] = user.UserId;
        shape["IdentityStoreId"] = user.IdentityStoreId;
        shape["UserName"] = user.UserName;
        shape["UserStatus"] ??= "ENABLED";
        return shape;
    }
}
