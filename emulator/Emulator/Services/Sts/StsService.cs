using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.Sts;

/// <summary>STS (Query protocol, version 2011-06-15): the operations the emulator implements.</summary>
public static class StsService
{
    public static ServiceDefinition Definition()
    {
        var table = new OperationTable(records: StsJson.Default);
        CallerIdentityOperations.Register(table);
        SessionOperations.Register(table);
        AccessKeyInfoOperations.Register(table);
        FederationTokenOperations.Register(table);
        return new ServiceDefinition(ServiceModel.Load("sts"), new AwsQueryProtocol(), table,
            StsErrors.Validation);
    }
}
