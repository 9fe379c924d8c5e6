using System.Text.Json.Nodes;
using Emulator.Core;

namespace Emulator.Services.Iam;

/// <summary>Builds IAM role documents and the trust policies the emulator writes on AWS's behalf.</summary>
public static class RoleFactory
{
    public static RoleDoc New(string accountId, string roleName, string path, string trustPolicy, DateTimeOffset now) => new()
    {
        Id = RoleDoc.Key(accountId, roleName),
        AccountId = accountId,
        RoleName = roleName,
        RoleId = KeyIds.UniqueId(KeyIds.Role, accountId),
        Path = path,
        CreateDate = now,
        AssumeRolePolicyDocument = trustPolicy,
    };

    public static string TrustPolicy(string principalType, string principal, string action = "sts:AssumeRole") =>
        new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { [principalType] = principal },
                ["Action"] = action,
            }),
        }.ToJsonString();

    public static string AdministratorPolicy() =>
        new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject { ["Effect"] = "Allow", ["Action"] = "*", ["Resource"] = "*" }),
        }.ToJsonString();
}
