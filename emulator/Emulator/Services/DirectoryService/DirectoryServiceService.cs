using Emulator.Protocol;

namespace Emulator.Services.DirectoryService;

/// <summary>AWS Directory Service (ds, awsJson1_1, DirectoryService_20150416): the parts IAM Identity Center needs.</summary>
public static class DirectoryServiceService
{
    public static ServiceDefinition Definition()
    {
        var table = new OperationTable(records: DirectoryServiceJson.Default);
        DirectoryOperations.Register(table);
        return new ServiceDefinition(ServiceModel.Load("ds"), new AwsJsonProtocol(), table, DirectoryServiceErrors.Validation);
    }
}
