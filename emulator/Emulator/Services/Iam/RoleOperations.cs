namespace Emulator.Services.Iam;

/// <summary>Roles: create, read, update, delete, list.</summary>
public static class RoleOperations
{
    public static void Register(OperationTable table)
    {
        table.Read<RoleNameRequest, RoleResponse>("GetRole", Get);
    }

    public static RoleDoc Find(OperationContext context, string roleName) =>
        context.Tx.Roles.FindById(RoleDoc.Key(context.Caller.AccountId, roleName)) ?? throw IamErrors.NoSuchRole(roleName);

    public static RoleResponse Get(OperationContext context, RoleNameRequest request) =>
        new(Role.From(Find(context, request.RoleName)));
}
