using Emulator.Tests.Support;

namespace Emulator.Tests.Iam;

/// <summary>Shared set-ups for IAM tests: trust policies, roles, and an organization with IAM Identity Center's trusted access.</summary>
public static class IamTestSupport
{
    public const string SsoRole = "AWSServiceRoleForSSO";
    public const string SsoRoleArnPath = "/aws-service-role/sso.amazonaws.com/";

    public static string TrustAccount(string accountId) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{accountId}}:root"},"Action":"sts:AssumeRole"}]}""";

    public const string TrustLambda =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public const string AllowAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    public static async Task<AwsAnswer> CreateRole(AwsClient client, string name, string? trust = null, params (string Key, string Value)[] more) =>
        (await client.Iam("CreateRole", [("RoleName", name), ("AssumeRolePolicyDocument", trust ?? TrustLambda), .. more])).EnsureSuccess();

    /// <summary>The CLI's sequence: create an organization with all features, then enable trusted access for IAM Identity Center.</summary>
    public static async Task EnableSso(AwsClient managementRoot)
    {
        (await managementRoot.Organizations("CreateOrganization", new { FeatureSet = "ALL" })).EnsureSuccess();
        (await managementRoot.Organizations("EnableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();
    }

    public static async Task DisableSso(AwsClient managementRoot) =>
        (await managementRoot.Organizations("DisableAWSServiceAccess", new { ServicePrincipal = "sso.amazonaws.com" })).EnsureSuccess();

    /// <summary>The values of every element with this local name, in document order.</summary>
    public static List<string> XmlValues(this AwsAnswer answer, string name) =>
        answer.Xml.Descendants().Where(e => e.Name.LocalName == name).Select(e => e.Value).ToList();
}
