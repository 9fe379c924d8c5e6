namespace Emulator.Services.Iam;

/// <summary>An IAM user's inline policies (Put/Get/Delete/ListUserPolicies).</summary>
public static class UserInlinePolicyOperations
{
    public static void Register(OperationTable table)
    {
        table.Write<PutUserPolicyRequest, NoOutput>("PutUserPolicy", Put);
        table.Read<UserPolicyNameRequest, GetUserPolicyResponse>("GetUserPolicy", Get);
        table.Write<UserPolicyNameRequest, NoOutput>("DeleteUserPolicy", Delete);
        table.Read<ListByUserRequest, ListRolePoliciesResponse>("ListUserPolicies", List);
    }

    public static List<UserInlinePolicyDoc> Of(State.Tx tx, UserDoc user) =>
        tx.UserInlinePolicies.Find(p => p.AccountId == user.AccountId && string.Equals(p.UserName, user.UserName, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Inline policy names are unique per user, case-insensitively; putting an existing name replaces it.</summary>
    public static NoOutput Put(OperationContext context, PutUserPolicyRequest request)
    {
        var user = UserOperations.Find(context, request.UserName);
        var policies = Of(context.Tx, user);
        var existing = policies.FirstOrDefault(p => string.Equals(p.PolicyName, request.PolicyName, StringComparison.OrdinalIgnoreCase));
        InlinePolicies.EnsureFits(policies.Where(p => p != existing).Select(p => p.Document), request.PolicyDocument,
            InlinePolicies.MaxPerUser, "user", user.UserName);
        if (existing is not null) context.Tx.UserInlinePolicies.Delete(existing.Id);
        context.Tx.UserInlinePolicies.Insert(new UserInlinePolicyDoc
        {
            Id = UserInlinePolicyDoc.Key(user.AccountId, user.UserName, request.PolicyName.ToLowerInvariant()),
            AccountId = user.AccountId,
            UserName = user.UserName,
            PolicyName = request.PolicyName,
            Document = request.PolicyDocument,
        });
        return new NoOutput();
    }

    public static GetUserPolicyResponse Get(OperationContext context, UserPolicyNameRequest request)
    {
        var (user, policy) = Find(context, request);
        return new(user.UserName, policy.PolicyName, PolicyDocuments.Encode(policy.Document));
    }

    public static NoOutput Delete(OperationContext context, UserPolicyNameRequest request)
    {
        context.Tx.UserInlinePolicies.Delete(Find(context, request).Policy.Id);
        return new NoOutput();
    }

    public static ListRolePoliciesResponse List(OperationContext context, ListByUserRequest request) =>
        InlinePolicies.List(Of(context.Tx, UserOperations.Find(context, request.UserName)).Select(p => p.PolicyName), request.Marker, request.MaxItems);

    private static (UserDoc User, UserInlinePolicyDoc Policy) Find(OperationContext context, UserPolicyNameRequest request)
    {
        var user = UserOperations.Find(context, request.UserName);
        var policy = context.Tx.UserInlinePolicies.FindById(UserInlinePolicyDoc.Key(user.AccountId, user.UserName, request.PolicyName.ToLowerInvariant()))
            ?? throw IamErrors.NoSuchUserPolicy(user.UserName, request.PolicyName);
        return (user, policy);
    }
}
