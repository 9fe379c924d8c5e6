using Emulator.Core;

namespace Emulator.Services.Iam;

/// <summary>IAM users and their access keys. A key created here signs requests as its user (see Callers).</summary>
public static class UserOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<CreateUserRequest, UserResponse>("CreateUser", Create);
        table.Read<OptionalUserNameRequest, UserResponse>("GetUser", Get);
        table.Write<UserNameRequest, NoOutput>("DeleteUser", Delete);
        table.Read<ListUsersRequest, ListUsersResponse>("ListUsers", List);
        table.Write<OptionalUserNameRequest, CreateAccessKeyResponse>("CreateAccessKey", CreateAccessKey);
        table.Read<ListAccessKeysRequest, ListAccessKeysResponse>("ListAccessKeys", ListAccessKeys);
        table.Write<DeleteAccessKeyRequest, NoOutput>("DeleteAccessKey", DeleteAccessKey);
        table.Write<UserPolicyArnRequest, NoOutput>("AttachUserPolicy", AttachPolicy);
        table.Write<UserPolicyArnRequest, NoOutput>("DetachUserPolicy", DetachPolicy);
        table.Read<ListAttachedUserPoliciesRequest, ListAttachedRolePoliciesResponse>("ListAttachedUserPolicies", ListAttachedPolicies);
    }

    public static UserDoc Find(OperationContext context, string userName) =>
        context.Tx.Users.FindById(UserDoc.Key(context.Caller.AccountId, userName)) ?? throw IamErrors.NoSuchUser(userName);

    /// <summary>The named user, or — without a name — the calling IAM user; other principals must name one.</summary>
    public static UserDoc NamedOrCaller(OperationContext context, string? userName)
    {
        if (userName is not null) return Find(context, userName);
        if (context.Caller.Kind != PrincipalKind.User) throw IamErrors.UserNameRequired();
        return context.Tx.Users.FindOne(u => u.AccountId == context.Caller.AccountId && u.UserId == context.Caller.UserId)
            ?? throw IamErrors.NoSuchUser(context.Caller.Arn[(context.Caller.Arn.LastIndexOf('/') + 1)..]);
    }

    public static UserResponse Create(OperationContext context, CreateUserRequest request)
    {
        var accountId = context.Caller.AccountId;
        if (context.Tx.Users.FindById(UserDoc.Key(accountId, request.UserName)) is not null) throw IamErrors.UserExists(request.UserName);
        if (request.PermissionsBoundary is not null) IamInput.EnsurePolicyArn(request.PermissionsBoundary);
        var user = new UserDoc
        {
            Id = UserDoc.Key(accountId, request.UserName),
            AccountId = accountId,
            UserName = request.UserName,
            UserId = KeyIds.UniqueId(KeyIds.User, accountId),
            Path = request.Path ?? "/",
            CreateDate = context.Now,
            PermissionsBoundaryArn = request.PermissionsBoundary,
        };
        IamTags.Merge(user.Tags, request.Tags);
        context.Tx.Users.Insert(user);
        return new(User.From(user));
    }

    /// <summary>
    /// Without a name: the calling user; for the root user IAM answers with the account's root identity (UserId = account id,
    /// the root ARN, no user name or path).
    /// </summary>
    public static UserResponse Get(OperationContext context, OptionalUserNameRequest request)
    {
        if (request.UserName is null && context.Caller.Kind == PrincipalKind.Root)
        {
            var accountId = context.Caller.AccountId;
            var created = context.Tx.Accounts.FindById(accountId)?.JoinedTimestamp ?? DateTimeOffset.UnixEpoch;
            return new(new User(null, null, accountId, context.Caller.Arn, created, null, null));
        }
        return new(User.From(NamedOrCaller(context, request.UserName)));
    }

    public static NoOutput Delete(OperationContext context, UserNameRequest request)
    {
        var user = Find(context, request.UserName);
        if (context.Tx.AccessKeys.Exists(k => k.AccountId == user.AccountId && k.UserName == user.UserName)) throw IamErrors.MustDeleteAccessKeys();
        if (user.AttachedPolicies.Count > 0) throw IamErrors.MustDetachPolicies();
        if (UserInlinePolicyOperations.Of(context.Tx, user).Count > 0) throw IamErrors.MustDeleteInlinePolicies();
        if (GroupOperations.Of(context.Tx, user).Any()) throw IamErrors.MustRemoveUsersFromGroup();
        context.Tx.Users.Delete(user.Id);
        return new NoOutput();
    }

    public static ListUsersResponse List(OperationContext context, ListUsersRequest request)
    {
        var prefix = request.PathPrefix ?? "/";
        var users = context.Tx.Users.Find(u => u.AccountId == context.Caller.AccountId)
            .Where(u => u.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(u => u.Id, StringComparer.Ordinal);
        var (items, truncated, marker) = IamInput.Page(users, u => u.Id, request.Marker, request.MaxItems);
        return new(items.Select(u => User.From(u, withDetails: false)).ToList(), truncated, marker);
    }

    /// <summary>AKIA + 16 base32 characters encoding the account (see KeyIds), a 40-character secret; at most two keys per user.</summary>
    public static CreateAccessKeyResponse CreateAccessKey(OperationContext context, OptionalUserNameRequest request)
    {
        var user = NamedOrCaller(context, request.UserName);
        if (context.Tx.AccessKeys.Count(k => k.AccountId == user.AccountId && k.UserName == user.UserName) >= 2) throw IamErrors.AccessKeyLimit();
        var key = new AccessKeyDoc
        {
            Id = KeyIds.AccessKeyId(KeyIds.UserAccessKey, user.AccountId),
            SecretAccessKey = Ids.Secret(40),
            AccountId = user.AccountId,
            UserName = user.UserName,
            CreateDate = context.Now,
        };
        context.Tx.AccessKeys.Insert(key);
        return new(new AccessKey(key.UserName, key.Id, key.Status, key.SecretAccessKey, key.CreateDate));
    }

    public static ListAccessKeysResponse ListAccessKeys(OperationContext context, ListAccessKeysRequest request)
    {
        var user = NamedOrCaller(context, request.UserName);
        var keys = context.Tx.AccessKeys.Find(k => k.AccountId == user.AccountId && k.UserName == user.UserName)
            .OrderBy(k => k.Id, StringComparer.Ordinal);
        var (items, truncated, marker) = IamInput.Page(keys, k => k.Id, request.Marker, request.MaxItems);
        return new(items.Select(k => new AccessKeyMetadata(k.UserName, k.Id, k.Status, k.CreateDate)).ToList(), truncated, marker);
    }

    public static NoOutput DeleteAccessKey(OperationContext context, DeleteAccessKeyRequest request)
    {
        var user = NamedOrCaller(context, request.UserName);
        var key = context.Tx.AccessKeys.FindById(request.AccessKeyId);
        if (key is null || key.AccountId != user.AccountId || key.UserName != user.UserName) throw IamErrors.NoSuchAccessKey(request.AccessKeyId);
        context.Tx.AccessKeys.Delete(key.Id);
        return new NoOutput();
    }

    public static NoOutput AttachPolicy(OperationContext context, UserPolicyArnRequest request)
    {
        var user = Find(context, request.UserName);
        ManagedPolicyAttachments.Attach(context.Tx, user.AccountId, user.AttachedPolicies, request.PolicyArn, isLinkedRole: false);
        context.Tx.Users.Update(user);
        return new NoOutput();
    }

    public static NoOutput DetachPolicy(OperationContext context, UserPolicyArnRequest request)
    {
        var user = Find(context, request.UserName);
        ManagedPolicyAttachments.Detach(user.AttachedPolicies, request.PolicyArn);
        context.Tx.Users.Update(user);
        return new NoOutput();
    }

    public static ListAttachedRolePoliciesResponse ListAttachedPolicies(OperationContext context, ListAttachedUserPoliciesRequest request) =>
        ManagedPolicyAttachments.List(Find(context, request.UserName).AttachedPolicies, request.PathPrefix, request.Marker, request.MaxItems);
}
