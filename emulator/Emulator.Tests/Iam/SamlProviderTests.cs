using System.Net;
using System.Text.Json.Nodes;
using Emulator.Tests.SsoAdmin;
using Emulator.Tests.Support;

namespace Emulator.Tests.Iam;

/// <summary>IAM SAML providers: the customer's own, and the AWSSSO_…_DO_NOT_DELETE provider IAM Identity Center keeps in assigned accounts.</summary>
public sealed class SamlProviderTests : IDisposable
{
    private readonly SsoTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    public static string Metadata(string entityId, string? validUntil = null) =>
        $"""<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{entityId}"{(validUntil is null ? "" : $" validUntil=\"{validUntil}\"")}><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>"""
        .PadRight(1200);

    private AwsClient Iam(string account = SsoTestBed.Outsider) => _bed.Client(account);

    [Fact]
    public async Task CreateSAMLProvider_then_Get_List_Update_Delete_round_trip()
    {
        var created = (await Iam().Iam("CreateSAMLProvider", ("Name", "Okta"), ("SAMLMetadataDocument", Metadata("https://okta.example.com", "2030-01-01T00:00:00Z")),
            ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", ""))).EnsureSuccess();
        var arn = created.XmlValue("SAMLProviderArn")!;
        arn.Should().Be($"arn:aws:iam::{SsoTestBed.Outsider}:saml-provider/Okta");

        var get = (await Iam().Iam("GetSAMLProvider", ("SAMLProviderArn", arn))).EnsureSuccess();
        get.XmlValue("SAMLMetadataDocument").Should().Contain("https://okta.example.com");
        get.XmlValue("ValidUntil").Should().StartWith("2030-01-01T00:00:00");
        get.XmlValue("SAMLProviderUUID").Should().MatchRegex("^[A-Z0-9]{22,64}$");
        get.XmlValues("Key").Should().Equal("team");
        get.XmlValues("Value").Should().Equal("");

        var list = (await Iam().Iam("ListSAMLProviders")).EnsureSuccess();
        list.XmlValues("Arn").Should().Equal(arn);

        (await Iam().Iam("UpdateSAMLProvider", ("SAMLProviderArn", arn), ("SAMLMetadataDocument", Metadata("https://other.example.com"))))
            .EnsureSuccess().XmlValue("SAMLProviderArn").Should().Be(arn);
        (await Iam().Iam("GetSAMLProvider", ("SAMLProviderArn", arn))).XmlValue("SAMLMetadataDocument").Should().Contain("https://other.example.com");

        (await Iam().Iam("DeleteSAMLProvider", ("SAMLProviderArn", arn))).EnsureSuccess();
        (await Iam().Iam("ListSAMLProviders")).XmlValues("Arn").Should().BeEmpty();
    }

    [Fact]
    public async Task SAML_provider_errors_are_AWS_shaped()
    {
        (await Iam().Iam("CreateSAMLProvider", ("Name", "Okta"), ("SAMLMetadataDocument", Metadata("https://okta.example.com")))).EnsureSuccess();
        var duplicate = await Iam().Iam("CreateSAMLProvider", ("Name", "Okta"), ("SAMLMetadataDocument", Metadata("https://okta.example.com")));
        duplicate.Status.Should().Be(HttpStatusCode.Conflict);
        duplicate.ErrorCode.Should().Be("EntityAlreadyExists");

        var unparsable = await Iam().Iam("CreateSAMLProvider", ("Name", "Bad"), ("SAMLMetadataDocument", new string('x', 1200)));
        unparsable.ErrorCode.Should().Be("InvalidInput");
        unparsable.ErrorMessage.Should().Be("Could not parse metadata");

        var missing = await Iam().Iam("GetSAMLProvider", ("SAMLProviderArn", $"arn:aws:iam::{SsoTestBed.Outsider}:saml-provider/Nope"));
        missing.Status.Should().Be(HttpStatusCode.NotFound);
        missing.ErrorCode.Should().Be("NoSuchEntity");

        (await Iam().Iam("GetSAMLProvider", ("SAMLProviderArn", "arn:aws:iam::123:not-a-provider"))).ErrorCode.Should().Be("InvalidInput");
        (await Iam("444444444444").Iam("GetSAMLProvider", ("SAMLProviderArn", $"arn:aws:iam::{SsoTestBed.Outsider}:saml-provider/Okta")))
            .ErrorCode.Should().Be("NoSuchEntity", "another account's provider is not visible");
        (await Iam().Iam("DeleteSAMLProvider", ("SAMLProviderArn", $"arn:aws:iam::{SsoTestBed.Outsider}:saml-provider/Nope"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task Identity_Center_keeps_the_provider_its_roles_trust_in_each_assigned_account()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Dev");
        var user = await _bed.User("alice");
        (await _bed.Assign(ps, user)).EnsureSuccess();

        var role = (await _bed.ReservedRolesAsync(SsoTestBed.Member)).Single();
        var trusted = (string)JsonNode.Parse(role.AssumeRolePolicyDocument)!["Statement"]![0]!["Principal"]!["Federated"]!;
        var member = _bed.Client(SsoTestBed.Member);
        (await member.Iam("ListSAMLProviders")).EnsureSuccess().XmlValues("Arn").Should().Equal(trusted);
        var provider = (await member.Iam("GetSAMLProvider", ("SAMLProviderArn", trusted))).EnsureSuccess();
        provider.XmlValue("SAMLMetadataDocument").Should().Contain("EntityDescriptor").And.Contain("X509Certificate");
        (await _bed.Client(SsoTestBed.Management).Iam("ListSAMLProviders")).XmlValues("Arn").Should().BeEmpty("nothing is assigned in the management account");

        (await _bed.Unassign(ps, user)).EnsureSuccess();
        (await member.Iam("ListSAMLProviders")).XmlValues("Arn").Should().BeEmpty("the provider goes with the instance's last role in the account");
    }

    [Fact]
    public async Task A_deleted_Identity_Center_provider_comes_back_when_a_permission_set_is_provisioned_again()
    {
        await _bed.Setup();
        var ps = await _bed.PermissionSet("Dev");
        var user = await _bed.User("alice");
        (await _bed.Assign(ps, user)).EnsureSuccess();
        var member = _bed.Client(SsoTestBed.Member);
        var arn = (await member.Iam("ListSAMLProviders")).XmlValues("Arn").Single();

        (await member.Iam("DeleteSAMLProvider", ("SAMLProviderArn", arn))).EnsureSuccess();
        (await member.Iam("ListSAMLProviders")).XmlValues("Arn").Should().BeEmpty();

        (await _bed.Sso("ProvisionPermissionSet", new { _bed.InstanceArn, PermissionSetArn = ps, TargetType = "ALL_PROVISIONED_ACCOUNTS" })).EnsureSuccess();
        (await member.Iam("ListSAMLProviders")).XmlValues("Arn").Should().Equal(arn);
    }
}
