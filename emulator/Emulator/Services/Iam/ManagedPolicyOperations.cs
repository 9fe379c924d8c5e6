using Emulator.Core;
using Emulator.Services.Authorization;

namespace Emulator.Services.Iam;

/// <summary>
/// Managed policies: customer managed policies with up to five versions (one of them the default), and the AWS managed
/// policies of the embedded snapshot (read-only, their default version only).
/// </summary>
public static class ManagedPolicyOperations
{
    public const int MaxVersions = 5;
    public const int MaxPolicySize = 6_144;

    public static void Register(OperationTable table)
    {
        table.Write<CreatePolicyRequest, PolicyResponse>("CreatePolicy", Create);
        table.Read<PolicyArnRequest, PolicyResponse>("GetPolicy", Get);
        table.Write<PolicyArnRequest, NoOutput>("DeletePolicy", Delete);
        table.Read<ListPoliciesRequest, ListPoliciesResponse>("ListPolicies", List);
        table.Write<CreatePolicyVersionRequest, PolicyVersionResponse>("CreatePolicyVersion", CreateVersion);
        table.Read<PolicyVersionRequest, PolicyVersionResponse>("GetPolicyVersion", GetVersion);
        table.Write<PolicyVersionRequest, NoOutput>("DeletePolicyVersion", DeleteVersion);
        table.Write<PolicyVersionRequest, NoOutput>("SetDefaultPolicyVersion", SetDefaultVersion);
        table.Read<ListPolicyVersionsRequest, ListPolicyVersionsResponse>("ListPolicyVersions", ListVersions);
        table.Read<ListEntitiesForPolicyRequest, ListEntitiesForPolicyResponse>("ListEntitiesForPolicy", ListEntities);
    }

    public static string Arn(string accountId, string path, string name) => $"arn:aws:iam::{accountId}:policy{path}{name}";

    public static PolicyResponse Create(OperationContext context, CreatePolicyRequest request)
    {
        var accountId = context.Caller.AccountId;
        var path = request.Path ?? "/";
        if (context.Tx.ManagedPolicies.Exists(p => p.AccountId == accountId && string.Equals(p.PolicyName, request.PolicyName, StringComparison.OrdinalIgnoreCase)))
            throw IamErrors.PolicyExists(request.PolicyName);
        EnsureDocument(request.PolicyDocument);
        var policy = new ManagedPolicyDoc
        {
            Arn = Arn(accountId, path, request.PolicyName),
            AccountId = accountId,
            PolicyName = request.PolicyName,
            PolicyId = KeyIds.UniqueId(KeyIds.Policy, accountId),
            Path = path,
            Description = request.Description,
            CreateDate = context.Now,
            UpdateDate = context.Now,
            Versions = [new PolicyVersionDoc { VersionId = "v1", Document = request.PolicyDocument, CreateDate = context.Now }],
        };
        IamTags.Merge(policy.Tags, request.Tags);
        context.Tx.ManagedPolicies.Insert(policy);
        return new(Wire(policy, (0, 0)));
    }

    public static PolicyResponse Get(OperationContext context, PolicyArnRequest request)
    {
        var counts = PolicyUsage.Counts(context.Tx, context.Caller.AccountId).GetValueOrDefault(request.PolicyArn);
        return AwsManaged(request.PolicyArn) is { } aws ? new(Wire(aws, counts)) : new(Wire(FindCustomer(context, request.PolicyArn), counts));
    }

    /// <summary>Refused while the policy is attached or a boundary, or while it has versions besides the default.</summary>
    public static NoOutput Delete(OperationContext context, PolicyArnRequest request)
    {
        var policy = FindCustomer(context, request.PolicyArn);
        if (PolicyUsage.In(context.Tx, policy.AccountId).Any(u => u.PolicyArn == policy.Arn)) throw IamErrors.PolicyAttached();
        if (policy.Versions.Count > 1) throw IamErrors.PolicyHasVersions();
        context.Tx.ManagedPolicies.Delete(policy.Arn);
        return new NoOutput();
    }

    /// <summary>
    /// Scope All (AWS managed, then the account's, in ARN order), AWS or Local; OnlyAttached keeps policies in use;
    /// PolicyUsageFilter keeps policies used that way (as permissions policies, or as permissions boundaries).
    /// </summary>
    public static ListPoliciesResponse List(OperationContext context, ListPoliciesRequest request)
    {
        var accountId = context.Caller.AccountId;
        var counts = PolicyUsage.Counts(context.Tx, accountId);
        var scope = request.Scope ?? "All";
        var customer = scope == "AWS" ? [] : context.Tx.ManagedPolicies.Find(p => p.AccountId == accountId)
            .Select(p => (p.Arn, p.Path, Policy: (object)p));
        var aws = scope == "Local" ? [] : AwsManagedPolicies.All.Select(p => (p.Arn, p.Path, Policy: (object)p));
        var prefix = request.PathPrefix ?? "/";
        var listed = customer.Concat(aws)
            .Where(p => p.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Where(p => Used(counts.GetValueOrDefault(p.Arn), request))
            .OrderBy(p => p.Arn, StringComparer.Ordinal);
        var (items, truncated, marker) = IamInput.Page(listed, p => p.Arn, request.Marker, request.MaxItems);
        var policies = items.Select(p => p.Policy switch
        {
            ManagedPolicyDoc doc => Wire(doc, counts.GetValueOrDefault(doc.Arn), withTags: false),
            AwsManagedPolicy managed => Wire(managed, counts.GetValueOrDefault(managed.Arn)),
            _ => throw new InvalidOperationException(),
        }).ToList();
        return new(policies, truncated, marker);
    }

    private static bool Used((int Attachments, int Boundaries) count, ListPoliciesRequest request)
    {
        var uses = request.PolicyUsageFilter switch
        {
            "PermissionsPolicy" => count.Attachments,
            "PermissionsBoundary" => count.Boundaries,
            _ => count.Attachments + count.Boundaries,
        };
        return request.PolicyUsageFilter is null && request.OnlyAttached != true || uses > 0;
    }

    public static PolicyVersionResponse CreateVersion(OperationContext context, CreatePolicyVersionRequest request)
    {
        var policy = FindCustomer(context, request.PolicyArn);
        if (policy.Versions.Count >= MaxVersions) throw IamErrors.PolicyVersionLimit();
        EnsureDocument(request.PolicyDocument);
        var version = new PolicyVersionDoc { VersionId = $"v{policy.NextVersion}", Document = request.PolicyDocument, CreateDate = context.Now };
        policy.NextVersion++;
        policy.Versions.Add(version);
        if (request.SetAsDefault == true) policy.DefaultVersionId = version.VersionId;
        policy.UpdateDate = context.Now;
        context.Tx.ManagedPolicies.Update(policy);
        return new(new PolicyVersion(null, version.VersionId, policy.DefaultVersionId == version.VersionId, version.CreateDate));
    }

    /// <summary>The document is URL-encoded, as IAM returns it.</summary>
    public static PolicyVersionResponse GetVersion(OperationContext context, PolicyVersionRequest request)
    {
        if (AwsManaged(request.PolicyArn) is { } aws)
        {
            if (aws.DefaultVersionId != request.VersionId) throw IamErrors.NoSuchPolicyVersion(request.PolicyArn, request.VersionId);
            return new(new PolicyVersion(PolicyDocuments.Encode(aws.Document), aws.DefaultVersionId, true, aws.UpdateDate));
        }
        var policy = FindCustomer(context, request.PolicyArn);
        var version = FindVersion(policy, request.VersionId);
        return new(new PolicyVersion(PolicyDocuments.Encode(version.Document), version.VersionId, version.VersionId == policy.DefaultVersionId, version.CreateDate));
    }

    public static NoOutput DeleteVersion(OperationContext context, PolicyVersionRequest request)
    {
        var policy = FindCustomer(context, request.PolicyArn);
        var version = FindVersion(policy, request.VersionId);
        if (version.VersionId == policy.DefaultVersionId) throw IamErrors.DefaultVersionNotDeletable();
        policy.Versions.RemoveAll(v => v.VersionId == version.VersionId);
        context.Tx.ManagedPolicies.Update(policy);
        return new NoOutput();
    }

    public static NoOutput SetDefaultVersion(OperationContext context, PolicyVersionRequest request)
    {
        var policy = FindCustomer(context, request.PolicyArn);
        policy.DefaultVersionId = FindVersion(policy, request.VersionId).VersionId;
        policy.UpdateDate = context.Now;
        context.Tx.ManagedPolicies.Update(policy);
        return new NoOutput();
    }

    /// <summary>Newest first; the documents are left out, as IAM does.</summary>
    public static ListPolicyVersionsResponse ListVersions(OperationContext context, ListPolicyVersionsRequest request)
    {
        IEnumerable<PolicyVersion> versions;
        if (AwsManaged(request.PolicyArn) is { } aws) versions = [new PolicyVersion(null, aws.DefaultVersionId, true, aws.UpdateDate)];
        else
        {
            var policy = FindCustomer(context, request.PolicyArn);
            versions = policy.Versions.Select(v => new PolicyVersion(null, v.VersionId, v.VersionId == policy.DefaultVersionId, v.CreateDate));
        }
        var ordered = versions.OrderByDescending(v => VersionNumber(v.VersionId));
        var (items, truncated, marker) = IamInput.Page(ordered, v => (1_000_000 - VersionNumber(v.VersionId)).ToString("D7", System.Globalization.CultureInfo.InvariantCulture), request.Marker, request.MaxItems);
        return new(items, truncated, marker);
    }

    /// <summary>The groups, users and roles of the caller's account that use the policy (as permissions policy, or boundary with the filter).</summary>
    public static ListEntitiesForPolicyResponse ListEntities(OperationContext context, ListEntitiesForPolicyRequest request)
    {
        if (AwsManaged(request.PolicyArn) is null) FindCustomer(context, request.PolicyArn);
        var prefix = request.PathPrefix ?? "/";
        var uses = PolicyUsage.In(context.Tx, context.Caller.AccountId)
            .Where(u => u.PolicyArn == request.PolicyArn && u.AsBoundary == (request.PolicyUsageFilter == "PermissionsBoundary"))
            .Where(u => request.EntityFilter is null or "LocalManagedPolicy" or "AWSManagedPolicy" || u.EntityType == request.EntityFilter)
            .Where(u => u.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(u => $"{u.EntityType}/{u.Name.ToLowerInvariant()}", StringComparer.Ordinal);
        var (items, truncated, marker) = IamInput.Page(uses, u => $"{u.EntityType}/{u.Name.ToLowerInvariant()}", request.Marker, request.MaxItems);
        return new(
            items.Where(u => u.EntityType == "Group").Select(u => new PolicyGroup(u.Name, u.Id)).ToList(),
            items.Where(u => u.EntityType == "User").Select(u => new PolicyUser(u.Name, u.Id)).ToList(),
            items.Where(u => u.EntityType == "Role").Select(u => new PolicyRole(u.Name, u.Id)).ToList(),
            truncated, marker);
    }

    /// <summary>A customer managed policy of the caller's account; AWS managed policies cannot be changed.</summary>
    public static ManagedPolicyDoc FindCustomer(OperationContext context, string policyArn)
    {
        IamInput.EnsurePolicyArn(policyArn);
        if (AwsManaged(policyArn) is not null) throw IamErrors.AwsManagedPolicyReadOnly(policyArn);
        return context.Tx.ManagedPolicies.FindById(policyArn) is { } policy && policy.AccountId == context.Caller.AccountId
            ? policy
            : throw IamErrors.NoSuchPolicy(policyArn);
    }

    private static AwsManagedPolicy? AwsManaged(string policyArn) =>
        policyArn.StartsWith(AwsManagedPolicies.ArnPrefix, StringComparison.Ordinal)
            ? AwsManagedPolicies.Find(policyArn) ?? throw IamErrors.NoSuchPolicy(policyArn)
            : null;

    private static PolicyVersionDoc FindVersion(ManagedPolicyDoc policy, string versionId) =>
        policy.Versions.FirstOrDefault(v => v.VersionId == versionId) ?? throw IamErrors.NoSuchPolicyVersion(policy.Arn, versionId);

    private static int VersionNumber(string versionId) =>
        int.TryParse(versionId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static void EnsureDocument(string document) =>
        IamInput.EnsurePermissionsPolicy(document, MaxPolicySize, () => IamErrors.PolicySizeQuota(MaxPolicySize));

    private static ManagedPolicy Wire(ManagedPolicyDoc doc, (int Attachments, int Boundaries) counts, bool withTags = true) => new(
        doc.PolicyName, doc.PolicyId, doc.Arn, doc.Path, doc.DefaultVersionId, counts.Attachments, counts.Boundaries, true,
        doc.Description, doc.CreateDate, doc.UpdateDate, withTags ? IamTags.ToWire(doc.Tags) : null);

    /// <summary>AWS managed policies carry a stable id derived from their ARN (the snapshot has none).</summary>
    private static ManagedPolicy Wire(AwsManagedPolicy policy, (int Attachments, int Boundaries) counts) => new(
        policy.PolicyName, StableId(policy.Arn), policy.Arn, policy.Path, policy.DefaultVersionId, counts.Attachments, counts.Boundaries, true,
        null, policy.CreateDate, policy.UpdateDate, null);

    private static string StableId(string arn)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(arn));
        return KeyIds.Policy + "AAAA" + new string(hash.Take(13).Select(b => KeyIds.Base32[b % 32]).ToArray());
    }
}
