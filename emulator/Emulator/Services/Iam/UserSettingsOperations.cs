namespace Emulator.Services.Iam;

/// <summary>More of an IAM user: UpdateUser (rename, move), tags, MFA devices, access key status and last use.</summary>
public static class UserSettingsOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<UpdateUserRequest, NoOutput>("UpdateUser", Update);
        table.Write<TagUserRequest, NoOutput>("TagUser", Tag);
        table.Write<UntagUserRequest, NoOutput>("UntagUser", Untag);
        table.Read<ListUserTagsRequest, ListRoleTagsResponse>("ListUserTags", ListTags);
        table.Read<ListMFADevicesRequest, ListMFADevicesResponse>("ListMFADevices", ListMfaDevices);
        table.Write<UpdateAccessKeyRequest, NoOutput>("UpdateAccessKey", UpdateAccessKey);
        table.Read<AccessKeyIdRequest, GetAccessKeyLastUsedResponse>("GetAccessKeyLastUsed", AccessKeyLastUsed);
    }

    /// <summary>A new name re-keys the user (names are unique case-insensitively) and follows to its access keys; the user id stays.</summary>
    public static NoOutput Update(OperationContext context, UpdateUserRequest request)
    {
        var tx = context.Tx;
        var user = UserOperations.Find(context, request.UserName);
        if (request.NewPath is { } path) user.Path = path;
        if (request.NewUserName is { } newName && newName != user.UserName)
        {
            var newKey = UserDoc.Key(user.AccountId, newName);
            if (newKey != user.Id && tx.Users.FindById(newKey) is not null) throw IamErrors.UserExists(newName);
            foreach (var key in tx.AccessKeys.Find(k => k.AccountId == user.AccountId && k.UserName == user.UserName).ToList())
            {
                key.UserName = newName;
                tx.AccessKeys.Update(key);
            }
            tx.Users.Delete(user.Id);
            user.Id = newKey;
            user.UserName = newName;
            tx.Users.Insert(user);
            return new NoOutput();
        }
        tx.Users.Update(user);
        return new NoOutput();
    }

    public static NoOutput Tag(OperationContext context, TagUserRequest request)
    {
        var user = UserOperations.Find(context, request.UserName);
        IamTags.Merge(user.Tags, request.Tags);
        context.Tx.Users.Update(user);
        return new NoOutput();
    }

    public static NoOutput Untag(OperationContext context, UntagUserRequest request)
    {
        var user = UserOperations.Find(context, request.UserName);
        IamTags.Remove(user.Tags, request.TagKeys);
        context.Tx.Users.Update(user);
        return new NoOutput();
    }

    public static ListRoleTagsResponse ListTags(OperationContext context, ListUserTagsRequest request)
    {
        return IamTags.List(UserOperations.Find(context, request.UserName).Tags, request.Marker, request.MaxItems);
    }

    /// <summary>The emulator keeps no MFA devices: the user (named, or the caller) exists, and the list is empty.</summary>
    public static ListMFADevicesResponse ListMfaDevices(OperationContext context, ListMFADevicesRequest request)
    {
        UserOperations.NamedOrCaller(context, request.UserName);
        return new([], false, null);
    }

    public static NoOutput UpdateAccessKey(OperationContext context, UpdateAccessKeyRequest request)
    {
        var user = UserOperations.NamedOrCaller(context, request.UserName);
        var key = context.Tx.AccessKeys.FindById(request.AccessKeyId);
        if (key is null || key.AccountId != user.AccountId || key.UserName != user.UserName) throw IamErrors.NoSuchAccessKey(request.AccessKeyId);
        key.Status = request.Status;
        context.Tx.AccessKeys.Update(key);
        return new NoOutput();
    }

    /// <summary>
    /// The emulator does not record key use (reads write nothing), so every key answers as AWS answers for a key never
    /// used: ServiceName and Region "N/A", no LastUsedDate.
    /// </summary>
    public static GetAccessKeyLastUsedResponse AccessKeyLastUsed(OperationContext context, AccessKeyIdRequest request)
    {
        var key = context.Tx.AccessKeys.FindById(request.AccessKeyId);
        if (key is null || key.AccountId != context.Caller.AccountId) throw IamErrors.NoSuchAccessKey(request.AccessKeyId);
        return new(key.UserName, new AccessKeyLastUsed(null, "N/A", "N/A"));
    }
}

public sealed record UpdateUserRequest(string UserName, string? NewPath, string? NewUserName);

public sealed record TagUserRequest(string UserName, IReadOnlyList<Tag> Tags);

public sealed record UntagUserRequest(string UserName, IReadOnlyList<string> TagKeys);

public sealed record ListUserTagsRequest(string UserName, string? Marker, int? MaxItems);

public sealed record ListMFADevicesRequest(string? UserName, string? Marker, int? MaxItems);

public sealed record MFADevice(string UserName, string SerialNumber, DateTimeOffset EnableDate);

public sealed record ListMFADevicesResponse(IReadOnlyList<MFADevice> MFADevices, bool IsTruncated, string? Marker);

public sealed record UpdateAccessKeyRequest(string AccessKeyId, string Status, string? UserName);

public sealed record AccessKeyIdRequest(string AccessKeyId);

public sealed record AccessKeyLastUsed(DateTimeOffset? LastUsedDate, string ServiceName, string Region);

public sealed record GetAccessKeyLastUsedResponse(string? UserName, AccessKeyLastUsed AccessKeyLastUsed);
