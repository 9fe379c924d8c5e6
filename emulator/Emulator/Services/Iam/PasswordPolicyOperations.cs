namespace Emulator.Services.Iam;

/// <summary>
/// The account password policy: Get, Update (sets every setting; an omitted one takes its default), Delete.
/// The emulator stores it; IAM users here have no console passwords for it to govern.
/// </summary>
public static class PasswordPolicyOperations
{
    public const int DefaultMinimumLength = 6;

    public static void Register(OperationTable table)
    {
        table.Read<Empty, GetAccountPasswordPolicyResponse>("GetAccountPasswordPolicy", Get);
        table.Write<UpdateAccountPasswordPolicyRequest, NoOutput>("UpdateAccountPasswordPolicy", Update);
        table.Write<Empty, NoOutput>("DeleteAccountPasswordPolicy", Delete);
    }

    public static GetAccountPasswordPolicyResponse Get(OperationContext context, Empty request)
    {
        var policy = context.Tx.PasswordPolicies.FindById(context.Caller.AccountId) ?? throw IamErrors.NoPasswordPolicy(context.Caller.AccountId);
        return new(new PasswordPolicy(
            policy.MinimumPasswordLength, policy.RequireSymbols, policy.RequireNumbers, policy.RequireUppercaseCharacters,
            policy.RequireLowercaseCharacters, policy.AllowUsersToChangePassword, ExpirePasswords: policy.MaxPasswordAge is > 0,
            policy.MaxPasswordAge, policy.PasswordReusePrevention, policy.HardExpiry));
    }

    public static NoOutput Update(OperationContext context, UpdateAccountPasswordPolicyRequest request)
    {
        context.Tx.PasswordPolicies.Upsert(new PasswordPolicyDoc
        {
            AccountId = context.Caller.AccountId,
            MinimumPasswordLength = request.MinimumPasswordLength ?? DefaultMinimumLength,
            RequireSymbols = request.RequireSymbols ?? false,
            RequireNumbers = request.RequireNumbers ?? false,
            RequireUppercaseCharacters = request.RequireUppercaseCharacters ?? false,
            RequireLowercaseCharacters = request.RequireLowercaseCharacters ?? false,
            AllowUsersToChangePassword = request.AllowUsersToChangePassword ?? false,
            MaxPasswordAge = request.MaxPasswordAge,
            PasswordReusePrevention = request.PasswordReusePrevention,
            HardExpiry = request.HardExpiry ?? false,
        });
        return new NoOutput();
    }

    public static NoOutput Delete(OperationContext context, Empty request)
    {
        if (context.Tx.PasswordPolicies.FindById(context.Caller.AccountId) is null) throw IamErrors.NoPasswordPolicy(context.Caller.AccountId);
        context.Tx.PasswordPolicies.Delete(context.Caller.AccountId);
        return new NoOutput();
    }
}

public sealed record PasswordPolicy(
    int MinimumPasswordLength, bool RequireSymbols, bool RequireNumbers, bool RequireUppercaseCharacters,
    bool RequireLowercaseCharacters, bool AllowUsersToChangePassword, bool ExpirePasswords, int? MaxPasswordAge,
    int? PasswordReusePrevention, bool HardExpiry);

public sealed record GetAccountPasswordPolicyResponse(PasswordPolicy PasswordPolicy);

public sealed record UpdateAccountPasswordPolicyRequest(
    int? MinimumPasswordLength, bool? RequireSymbols, bool? RequireNumbers, bool? RequireUppercaseCharacters,
    bool? RequireLowercaseCharacters, bool? AllowUsersToChangePassword, int? MaxPasswordAge, int? PasswordReusePrevention,
    bool? HardExpiry);
