using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Emulator.Services.Iam;
using Emulator.Services.Sso;
using Emulator.Services.SsoAdmin;
using Emulator.State;

namespace Emulator.Services.TrustModel;

/// <summary>
/// The IAM SAML provider IAM Identity Center keeps in every account it provisions permission sets into
/// (AWSSSO_&lt;16 hex&gt;_DO_NOT_DELETE, trusted by the AWSReservedSSO_* roles). It is an ordinary IAM provider: listed,
/// readable, and — as on AWS, where only the name warns — deletable by the customer; provisioning re-creates it.
/// It goes when the last permission set of its instance leaves the account.
/// </summary>
public static class SsoSamlProvider
{
    /// <summary>Creates the account's provider for the instance unless it exists.</summary>
    public static void Ensure(Tx tx, SsoInstanceDoc instance, string accountId, string region, DateTimeOffset now)
    {
        var name = Name(instance, accountId);
        var key = SamlProviderDoc.Key(accountId, name);
        if (tx.SamlProviders.FindById(key) is not null) return;
        tx.SamlProviders.Insert(new SamlProviderDoc
        {
            Id = key,
            AccountId = accountId,
            Name = name,
            SAMLProviderUUID = SamlProviderOperations.NewUuid(),
            SAMLMetadataDocument = Metadata(instance, accountId, region),
            CreateDate = now,
            CreatedBySsoInstance = instance.Id,
        });
    }

    /// <summary>Removes the instance's provider from the account once no permission set of the instance is provisioned there.</summary>
    public static void RemoveIfUnused(Tx tx, string instanceArn, string accountId)
    {
        if (tx.ProvisionedPermissionSets.Exists(p => p.AccountId == accountId && p.InstanceArn == instanceArn)) return;
        var instanceId = instanceArn[(instanceArn.LastIndexOf('/') + 1)..];
        tx.SamlProviders.DeleteMany(p => p.AccountId == accountId && p.CreatedBySsoInstance == instanceId);
    }

    /// <summary>The provider name in the AWSReservedSSO roles' trust policy (SsoProvisioning.SamlProviderArn).</summary>
    public static string Name(SsoInstanceDoc instance, string accountId)
    {
        var arn = SsoProvisioning.SamlProviderArn(instance, accountId);
        return arn[(arn.LastIndexOf('/') + 1)..];
    }

    /// <summary>IdP metadata as Identity Center publishes it: its entity id, signing certificate and sign-in endpoints.</summary>
    private static string Metadata(SsoInstanceDoc instance, string accountId, string region)
    {
        var entity = $"https://portal.sso.{region}.amazonaws.com/saml/assertion/" +
                     Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountId}_{instance.Id}"));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{entity}"><md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>{SigningCertificate(instance)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="{entity}"/><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{entity}"/></md:IDPSSODescriptor></md:EntityDescriptor>
            """;
    }

    private static readonly ConcurrentDictionary<string, string> Certificates = new();

    /// <summary>A self-signed certificate naming the instance, one per instance (the emulator signs no assertions with it).</summary>
    private static string SigningCertificate(SsoInstanceDoc instance) => Certificates.GetOrAdd(instance.Id, _ => NewCertificate(instance));

    private static string NewCertificate(SsoInstanceDoc instance)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=AWS SSO {instance.Id}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(instance.CreatedDate, instance.CreatedDate.AddYears(5));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Cert));
    }
}
