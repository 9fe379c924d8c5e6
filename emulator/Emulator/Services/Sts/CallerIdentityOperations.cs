namespace Emulator.Services.Sts;

public sealed record GetCallerIdentityResponse(string UserId, string Account, string Arn);

/// <summary>GetCallerIdentity: works for every caller, whatever IAM says.</summary>
public static class CallerIdentityOperations
{
    public static void Register(OperationTable table)
    {
        table.Read<Empty, GetCallerIdentityResponse>("GetCallerIdentity", Get);
    }

    public static GetCallerIdentityResponse Get(OperationContext context, Empty request) =>
        new(context.Caller.UserId, context.Caller.AccountId, context.Caller.Arn);
}
