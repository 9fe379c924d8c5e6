using Emulator.Protocol;

namespace Emulator.Services.IdentityStore;

/// <summary>The Identity Center directory (identitystore, awsJson1_1, AWSIdentityStore): the operations the emulator implements.</summary>
public static class IdentityStoreService
{
    public static ServiceDefinition Definition()
    {
        var table = new OperationTable(records: IdentityStoreJson.Default);
        UserOperations.Register(table);
        GroupOperations.Register(table);
        MembershipOperations.Register(table);
        return new ServiceDefinition(ServiceModel.Load("identitystore"), new AwsJsonProtocol(), table, IdentityStoreErrors.Validation);
    }
}
