using System.Collections.Concurrent;
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

    /// <summary>
    /// The trust policy of a role the management account administers a member account through. Every member account of
    /// an organization holds the same text, so it is built once per management account and shared.
    /// </summary>
    public static string ManagementAccountTrustPolicy(string managementAccountId) =>
        ManagementTrustPolicies.GetOrAdd(managementAccountId, static id => TrustPolicy("AWS", $"arn:aws:iam::{id}:root"));

    private static readonly ConcurrentDictionary<string, string> ManagementTrustPolicies = new(StringComparer.Ordinal);

    /// <summary>Allows everything; one shared text.</summary>
    public static readonly string AdministratorPolicy =
        new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject { ["Effect"] = "Allow", ["Action"] = "*", ["Resource"] = "*" }),
        }.ToJsonString();
}
