using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Emulator.Testing;

namespace SampleTests;

/// <summary>One emulator for this class (free port, in-memory state), from the AwsOrgSsoEmulator.Testing package.</summary>
public sealed class OrganizationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private AmazonSecurityTokenServiceClient Sts(AccessKey key) =>
        new(new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey), new AmazonSecurityTokenServiceConfig { ServiceURL = emulator.Endpoint.ToString() });

    [Fact]
    public async Task A_member_of_the_seeded_organization_assumes_OrganizationAccountAccessRole()
    {
        var organization = await emulator.SeedOrganizationAsync("dev");
        var member = organization.MemberAccountIds[0];

        // Root users may not assume roles (as on AWS): an administrator of the management account does.
        var admin = await emulator.CreateIamUserAsync(organization.ManagementAccountId, "admin");
        var assumed = await Sts(admin).AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{member}:role/OrganizationAccountAccessRole", RoleSessionName = "sample",
        });
        var client = new AmazonSecurityTokenServiceClient(assumed.Credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = emulator.Endpoint.ToString() });
        var identity = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal($"arn:aws:sts::{member}:assumed-role/OrganizationAccountAccessRole/sample", identity.Arn);
    }

    [Fact]
    public async Task Identity_center_answers_the_start_url_aws_prints()
    {
        await emulator.CreateOrganizationAsync("222222222222");

        var identityCenter = await emulator.EnableIdentityCenterAsync("222222222222");

        Assert.Equal($"https://{identityCenter.IdentityStoreId}.awsapps.com/start", identityCenter.StartUrl);
    }
}
