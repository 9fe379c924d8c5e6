using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.DirectoryService;

public sealed record DirectoryTag(string Key, string Value);

public sealed record DirectoryConnectSettings(string VpcId, List<string> SubnetIds, string CustomerUserName, List<string>? CustomerDnsIps, List<string>? CustomerDnsIpsV6);

public sealed record ConnectDirectoryRequest(string Name, string? ShortName, string Password, string? Description, string Size,
    DirectoryConnectSettings ConnectSettings, string? NetworkType, List<DirectoryTag>? Tags);

public sealed record DirectoryVpcSettings(string VpcId, List<string> SubnetIds);

public sealed record CreateMicrosoftADRequest(string Name, string? ShortName, string Password, string? Description, DirectoryVpcSettings VpcSettings,
    string? Edition, string? NetworkType, List<DirectoryTag>? Tags);

public sealed record DirectoryIdResult(string DirectoryId);

public sealed record DirectoryIdRequest(string DirectoryId);

public sealed record DescribeDirectoriesRequest(List<string>? DirectoryIds, string? NextToken, int? Limit);

public sealed record ConnectSettingsDescription(string VpcId, List<string> SubnetIds, string CustomerUserName, string SecurityGroupId,
    List<string> AvailabilityZones, List<string> ConnectIps);

public sealed record VpcSettingsDescription(string VpcId, List<string> SubnetIds, string SecurityGroupId, List<string> AvailabilityZones);

public sealed record DirectoryDescription(
    string DirectoryId, string Name, string? ShortName, string? Description, string Type, string? Size, string? Edition, string? Alias,
    string AccessUrl, List<string> DnsIpAddrs, string Stage, string? StageReason, EpochTimestamp LaunchTime, EpochTimestamp StageLastUpdatedDateTime,
    bool SsoEnabled, ConnectSettingsDescription? ConnectSettings, VpcSettingsDescription? VpcSettings, int? DesiredNumberOfDomainControllers);

public sealed record DescribeDirectoriesResult(List<DirectoryDescription> DirectoryDescriptions, string? NextToken);

public sealed record CreateAliasRequest(string DirectoryId, string Alias);

public sealed record CreateAliasResult(string DirectoryId, string Alias);

/// <summary>
/// ConnectDirectory, CreateMicrosoftAD, DescribeDirectories, DeleteDirectory, CreateAlias. A new directory starts
/// Requested; <see cref="DirectoryWorker"/> moves it to Creating, checks the DC with an LDAP bind as the service account,
/// and ends it Active or Failed (with the reason).
/// </summary>
public static class DirectoryOperations
{
    public const int DefaultPageSize = 100;

    /// <summary>The administrator AWS Managed Microsoft AD creates in the domain, with the Password of CreateMicrosoftAD.</summary>
    public const string ManagedAdAdmin = "Admin";

    public static void Register(OperationTable table)
    {
        table.Write<ConnectDirectoryRequest, DirectoryIdResult>("ConnectDirectory", Connect);
        table.Write<CreateMicrosoftADRequest, DirectoryIdResult>("CreateMicrosoftAD", CreateMicrosoftAd);
        table.Read<DescribeDirectoriesRequest, DescribeDirectoriesResult>("DescribeDirectories", Describe);
        table.Write<DirectoryIdRequest, DirectoryIdResult>("DeleteDirectory", Delete);
        table.Write<CreateAliasRequest, CreateAliasResult>("CreateAlias", CreateAlias);
    }

    public static DirectoryIdResult Connect(OperationContext context, ConnectDirectoryRequest request)
    {
        var settings = request.ConnectSettings;
        if (settings.CustomerDnsIpsV6 is { Count: > 0 })
            throw DirectoryServiceErrors.InvalidParameter("CustomerDnsIpsV6 is not supported: give the DNS servers' IPv4 addresses in CustomerDnsIps.");
        if (settings.CustomerDnsIps is not { Count: > 0 })
            throw DirectoryServiceErrors.InvalidParameter("CustomerDnsIps must list at least one IPv4 address of a DNS server (domain controller).");
        return Insert(context, new DirectoryDoc
        {
            Type = "ADConnector", Name = request.Name, ShortName = request.ShortName, Description = request.Description, Size = request.Size,
            DnsIpAddrs = settings.CustomerDnsIps, ServiceUserName = settings.CustomerUserName, ServicePassword = request.Password,
            VpcId = settings.VpcId, SubnetIds = settings.SubnetIds,
        });
    }

    public static DirectoryIdResult CreateMicrosoftAd(OperationContext context, CreateMicrosoftADRequest request)
    {
        var dc = context.Options.AdDcAddress ?? throw DirectoryServiceErrors.NoLocalDomainController();
        return Insert(context, new DirectoryDoc
        {
            Type = "MicrosoftAD", Name = request.Name, ShortName = request.ShortName, Description = request.Description,
            Edition = request.Edition ?? "Enterprise", DnsIpAddrs = [dc], ServiceUserName = ManagedAdAdmin, ServicePassword = request.Password,
            VpcId = request.VpcSettings.VpcId, SubnetIds = request.VpcSettings.SubnetIds,
        });
    }

    private static DirectoryIdResult Insert(OperationContext context, DirectoryDoc directory)
    {
        directory.DirectoryId = "d-" + Ids.LowerHex(10);
        directory.OwnerAccountId = context.Caller.AccountId;
        directory.Stage = DirectoryStages.Requested;
        directory.LaunchTime = context.Now;
        directory.StageLastUpdatedDateTime = context.Now;
        context.Tx.Directories.Insert(directory);
        return new DirectoryIdResult(directory.DirectoryId);
    }

    public static DescribeDirectoriesResult Describe(OperationContext context, DescribeDirectoriesRequest request)
    {
        var owned = context.Tx.Directories.Find(d => d.OwnerAccountId == context.Caller.AccountId).ToList();
        if (request.DirectoryIds is { Count: > 0 } ids)
        {
            var missing = ids.Where(id => owned.All(d => d.DirectoryId != id)).ToList();
            if (missing.Count > 0) throw DirectoryServiceErrors.DirectoriesNotFound(missing);
            owned = owned.Where(d => ids.Contains(d.DirectoryId)).ToList();
        }
        var pageSize = request.Limit is > 0 and var limit ? limit : DefaultPageSize;
        var page = Paging.Slice(owned.OrderBy(d => d.DirectoryId, StringComparer.Ordinal), d => d.DirectoryId, request.NextToken, pageSize,
            DirectoryServiceErrors.InvalidNextToken);
        return new DescribeDirectoriesResult(page.Items.Select(d => Description(d, context.Options.Region)).ToList(), page.NextToken);
    }

    public static DirectoryIdResult Delete(OperationContext context, DirectoryIdRequest request)
    {
        var directory = Owned(context, request.DirectoryId);
        if (context.Tx.SsoInstances.FindOne(i => i.IdentitySourceDirectoryId == directory.DirectoryId) is { } instance)
            throw DirectoryServiceErrors.InUseByIdentityCenter(directory.DirectoryId, instance.InstanceArn);
        context.Tx.Directories.Delete(directory.DirectoryId);
        return new DirectoryIdResult(directory.DirectoryId);
    }

    public static CreateAliasResult CreateAlias(OperationContext context, CreateAliasRequest request)
    {
        var directory = Owned(context, request.DirectoryId);
        if (directory.Alias is not null) throw DirectoryServiceErrors.AliasAlreadySet(directory.DirectoryId);
        if (context.Tx.Directories.Exists(d => d.Alias == request.Alias)) throw DirectoryServiceErrors.AliasTaken(request.Alias);
        directory.Alias = request.Alias;
        context.Tx.Directories.Update(directory);
        return new CreateAliasResult(directory.DirectoryId, request.Alias);
    }

    private static DirectoryDoc Owned(OperationContext context, string directoryId) =>
        context.Tx.Directories.FindById(directoryId) is { } directory && directory.OwnerAccountId == context.Caller.AccountId
            ? directory
            : throw DirectoryServiceErrors.NotFound(directoryId);

    private static DirectoryDescription Description(DirectoryDoc d, string region)
    {
        var zones = new List<string> { region + "a", region + "b" };
        var securityGroup = "sg-" + d.DirectoryId[2..] + "0000000";
        var connector = d.Type == "ADConnector";
        return new DirectoryDescription(d.DirectoryId, d.Name, d.ShortName, d.Description, d.Type, d.Size, d.Edition, d.Alias,
            $"{d.Alias ?? d.DirectoryId}.awsapps.com", d.DnsIpAddrs, d.Stage, d.StageReason, d.LaunchTime, d.StageLastUpdatedDateTime, false,
            connector ? new ConnectSettingsDescription(d.VpcId, d.SubnetIds, d.ServiceUserName, securityGroup, zones, d.DnsIpAddrs) : null,
            connector ? null : new VpcSettingsDescription(d.VpcId, d.SubnetIds, securityGroup, zones),
            connector ? null : 2);
    }
}
