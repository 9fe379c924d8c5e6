using Emulator.Services.Sso;
using Emulator.Services.SsoOidc;
using Emulator.Services.TrustModel;

namespace Emulator.Services.SsoPortal;

public sealed record AccessTokenRequest(string accessToken);

public sealed record ListAccountsRequest(string accessToken, int? maxResults, string? nextToken);

public sealed record AccountInfo(string accountId, string accountName, string emailAddress);

public sealed record ListAccountsResponse(List<AccountInfo> accountList, string? nextToken);

public sealed record ListAccountRolesRequest(string accessToken, string accountId, int? maxResults, string? nextToken);

public sealed record RoleInfo(string roleName, string accountId);

public sealed record ListAccountRolesResponse(List<RoleInfo> roleList, string? nextToken);

public sealed record GetRoleCredentialsRequest(string accessToken, string accountId, string roleName);

public sealed record RoleCredentials(string accessKeyId, string secretAccessKey, string sessionToken, long expiration);

public sealed record GetRoleCredentialsResponse(RoleCredentials roleCredentials);

/// <summary>
/// The SSO portal API (restJson1, bearer token in x-amz-sso_bearer_token). While Identity Center is unavailable (trusted
/// access for sso.amazonaws.com off) ListAccounts, ListAccountRoles and GetRoleCredentials answer 403 ForbiddenException
/// "No access"; the token stays valid, nothing is deleted, and re-enabling restores the same answers.
/// </summary>
public static class SsoPortalOperations
{
    public const int DefaultPageSize = 20;

    public static void Register(OperationTable table)
    {
        table.Read<ListAccountsRequest, ListAccountsResponse>("ListAccounts", ListAccounts);
        table.Read<ListAccountRolesRequest, ListAccountRolesResponse>("ListAccountRoles", ListAccountRoles);
        table.Write<GetRoleCredentialsRequest, GetRoleCredentialsResponse>("GetRoleCredentials", GetRoleCredentials);
        table.Write<AccessTokenRequest, NoOutput>("Logout", Logout);
    }

    /// <summary>The signed-in user behind a bearer token, with the instance; UnauthorizedException otherwise.</summary>
    private static (OidcTokenDoc Token, SsoInstanceDoc Instance, SsoUserDoc User) SignedIn(OperationContext context, string accessToken)
    {
        var tx = context.Tx;
        if (SsoOidcOperations.ValidToken(tx, accessToken, context.Now) is not { } token ||
            tx.SsoInstances.FindById(token.InstanceId) is not { } instance ||
            tx.SsoUsers.FindById(token.UserId) is not { } user)
            throw SsoPortalErrors.Unauthorized();
        return (token, instance, user);
    }

    /// <summary>The roles the token's user may reach; ForbiddenException while Identity Center is unavailable.</summary>
    private static (SsoUserDoc User, IReadOnlyList<PortalRole> Roles) Reachable(OperationContext context, string accessToken)
    {
        var (_, instance, user) = SignedIn(context, accessToken);
        SsoRules.EnsureAvailable(context.Tx, instance, SsoPortalErrors.Forbidden);
        return (user, SsoAccess.RolesFor(context.Tx, instance, user.UserId));
    }

    public static ListAccountsResponse ListAccounts(OperationContext context, ListAccountsRequest request)
    {
        var (_, roles) = Reachable(context, request.accessToken);
        var accounts = roles.GroupBy(r => r.AccountId).Select(g => g.First())
            .Select(r => new AccountInfo(r.AccountId, r.AccountName, r.Email)).OrderBy(a => a.accountId, StringComparer.Ordinal);
        var page = Paging.Slice(accounts, a => a.accountId, request.nextToken, request.maxResults ?? DefaultPageSize, InvalidToken);
        return new ListAccountsResponse([.. page.Items], page.NextToken);
    }

    public static ListAccountRolesResponse ListAccountRoles(OperationContext context, ListAccountRolesRequest request)
    {
        var (_, roles) = Reachable(context, request.accessToken);
        var inAccount = roles.Where(r => r.AccountId == request.accountId)
            .Select(r => new RoleInfo(r.PermissionSetName, r.AccountId)).OrderBy(r => r.roleName, StringComparer.Ordinal);
        var page = Paging.Slice(inAccount, r => r.roleName, request.nextToken, request.maxResults ?? DefaultPageSize, InvalidToken);
        return new ListAccountRolesResponse([.. page.Items], page.NextToken);
    }

    public static GetRoleCredentialsResponse GetRoleCredentials(OperationContext context, GetRoleCredentialsRequest request)
    {
        var (user, roles) = Reachable(context, request.accessToken);
        var role = roles.FirstOrDefault(r => r.AccountId == request.accountId && r.PermissionSetName == request.roleName)
            ?? throw SsoPortalErrors.Forbidden();
        var credentials = PortalCredentials.Issue(context.Tx, role, user, context.Now);
        return new GetRoleCredentialsResponse(new RoleCredentials(credentials.AccessKeyId, credentials.SecretAccessKey,
            credentials.SessionToken, credentials.Expiration.ToUnixTimeMilliseconds()));
    }

    public static NoOutput Logout(OperationContext context, AccessTokenRequest request)
    {
        var (token, _, _) = SignedIn(context, request.accessToken);
        SsoOidcOperations.RevokeGrant(context.Tx, token.GrantId);
        return new NoOutput();
    }

    private static Core.AwsException InvalidToken() => SsoPortalErrors.InvalidRequest("Invalid nextToken");
}
