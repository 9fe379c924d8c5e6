using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Emulator.Core;

namespace Emulator.Services.Iam;

/// <summary>
/// IAM SAML providers: Create, Get, List, Update, Delete. IAM Identity Center creates one in each account it provisions
/// into (see TrustModel/SsoSamlProvider); those are ordinary providers to IAM, listed, readable and deletable as on AWS.
/// </summary>
public static partial class SamlProviderOperations
{
    public const int ProvidersPerAccount = 100;

    [GeneratedRegex(@"^arn:aws:iam::(\d{12}):saml-provider/([\w._-]+)$")]
    private static partial Regex ArnPattern();

    public static void Register(OperationTable table)
    {
        table.Write<CreateSAMLProviderRequest, CreateSAMLProviderResponse>("CreateSAMLProvider", Create);
        table.Read<SAMLProviderArnRequest, GetSAMLProviderResponse>("GetSAMLProvider", Get);
        table.Read<Empty, ListSAMLProvidersResponse>("ListSAMLProviders", List);
        table.Write<UpdateSAMLProviderRequest, UpdateSAMLProviderResponse>("UpdateSAMLProvider", Update);
        table.Write<SAMLProviderArnRequest, NoOutput>("DeleteSAMLProvider", Delete);
    }

    public static CreateSAMLProviderResponse Create(OperationContext context, CreateSAMLProviderRequest request)
    {
        var accountId = context.Caller.AccountId;
        var key = SamlProviderDoc.Key(accountId, request.Name);
        if (context.Tx.SamlProviders.FindById(key) is not null) throw IamErrors.SamlProviderExists(request.Name);
        if (context.Tx.SamlProviders.Count(p => p.AccountId == accountId) >= ProvidersPerAccount) throw IamErrors.SamlProviderLimit();
        var provider = new SamlProviderDoc
        {
            Id = key,
            AccountId = accountId,
            Name = request.Name,
            SAMLProviderUUID = NewUuid(),
            SAMLMetadataDocument = request.SAMLMetadataDocument,
            ValidUntil = ValidUntil(request.SAMLMetadataDocument),
            CreateDate = context.Now,
            AssertionEncryptionMode = request.AssertionEncryptionMode,
        };
        if (request.AddPrivateKey is not null) provider.PrivateKeys.Add(NewPrivateKey(context.Now));
        IamTags.Merge(provider.Tags, request.Tags);
        context.Tx.SamlProviders.Insert(provider);
        return new(provider.Arn, IamTags.ToWire(provider.Tags));
    }

    public static GetSAMLProviderResponse Get(OperationContext context, SAMLProviderArnRequest request)
    {
        var provider = Find(context, request.SAMLProviderArn);
        return new(provider.SAMLProviderUUID, provider.SAMLMetadataDocument, provider.CreateDate, provider.ValidUntil,
            IamTags.ToWire(provider.Tags), provider.AssertionEncryptionMode,
            provider.PrivateKeys.Count == 0 ? null : provider.PrivateKeys.Select(k => new SAMLPrivateKey(k.KeyId, k.Timestamp)).ToList());
    }

    /// <summary>All of the account's providers; IAM does not page this list.</summary>
    public static ListSAMLProvidersResponse List(OperationContext context, Empty request) =>
        new(context.Tx.SamlProviders.Find(p => p.AccountId == context.Caller.AccountId)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new SAMLProviderListEntry(p.Arn, p.ValidUntil, p.CreateDate)).ToList());

    public static UpdateSAMLProviderResponse Update(OperationContext context, UpdateSAMLProviderRequest request)
    {
        var provider = Find(context, request.SAMLProviderArn);
        if (request.SAMLMetadataDocument is { } document)
        {
            provider.ValidUntil = ValidUntil(document);
            provider.SAMLMetadataDocument = document;
        }
        if (request.AssertionEncryptionMode is { } mode) provider.AssertionEncryptionMode = mode;
        if (request.RemovePrivateKey is { } keyId && provider.PrivateKeys.RemoveAll(k => k.KeyId == keyId) == 0)
            throw IamErrors.NoSuchSamlPrivateKey(keyId);
        if (request.AddPrivateKey is not null) provider.PrivateKeys.Add(NewPrivateKey(context.Now));
        context.Tx.SamlProviders.Update(provider);
        return new(provider.Arn);
    }

    public static NoOutput Delete(OperationContext context, SAMLProviderArnRequest request)
    {
        context.Tx.SamlProviders.Delete(Find(context, request.SAMLProviderArn).Id);
        return new NoOutput();
    }

    private static SamlProviderDoc Find(OperationContext context, string arn)
    {
        var match = ArnPattern().Match(arn);
        if (!match.Success) throw IamErrors.InvalidArn(arn);
        if (match.Groups[1].Value != context.Caller.AccountId) throw IamErrors.NoSuchSamlProvider(arn);
        return context.Tx.SamlProviders.FindById(SamlProviderDoc.Key(match.Groups[1].Value, match.Groups[2].Value))
            ?? throw IamErrors.NoSuchSamlProvider(arn);
    }

    /// <summary>The metadata must be a SAML 2.0 EntityDescriptor; its validUntil, if any, is the provider's.</summary>
    public static DateTimeOffset? ValidUntil(string metadata)
    {
        XElement root;
        try { root = XElement.Parse(metadata); }
        catch (XmlException) { throw IamErrors.UnparsableSamlMetadata(); }
        if (root.Name.LocalName != "EntityDescriptor") throw IamErrors.UnparsableSamlMetadata();
        return root.Attribute("validUntil") is { } validUntil && DateTimeOffset.TryParse(validUntil.Value, out var until) ? until : null;
    }

    public static string NewUuid() => Ids.UpperAlphanumeric(26);

    private static SamlPrivateKeyDoc NewPrivateKey(DateTimeOffset now) => new() { KeyId = Ids.UpperAlphanumeric(26), Timestamp = now };
}

public sealed record CreateSAMLProviderRequest(
    string Name, string SAMLMetadataDocument, IReadOnlyList<Tag>? Tags, string? AssertionEncryptionMode, string? AddPrivateKey);

public sealed record CreateSAMLProviderResponse(string SAMLProviderArn, IReadOnlyList<Tag>? Tags);

public sealed record SAMLProviderArnRequest(string SAMLProviderArn);

public sealed record SAMLPrivateKey(string KeyId, DateTimeOffset Timestamp);

public sealed record GetSAMLProviderResponse(
    string SAMLProviderUUID, string SAMLMetadataDocument, DateTimeOffset CreateDate, DateTimeOffset? ValidUntil,
    IReadOnlyList<Tag>? Tags, string? AssertionEncryptionMode, IReadOnlyList<SAMLPrivateKey>? PrivateKeyList);

public sealed record SAMLProviderListEntry(string Arn, DateTimeOffset? ValidUntil, DateTimeOffset CreateDate);

public sealed record ListSAMLProvidersResponse(IReadOnlyList<SAMLProviderListEntry> SAMLProviderList);

public sealed record UpdateSAMLProviderRequest(
    string SAMLProviderArn, string? SAMLMetadataDocument, string? AssertionEncryptionMode, string? AddPrivateKey, string? RemovePrivateKey);

public sealed record UpdateSAMLProviderResponse(string SAMLProviderArn);
