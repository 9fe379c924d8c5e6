using Emulator.Protocol;
using Emulator.Services.TrustModel;

namespace Emulator.Services.Iam;

/// <summary>IAM (Query protocol, version 2010-05-08): the operations the emulator implements.</summary>
public static class IamService
{
    public static ServiceDefinition Definition()
    {
        var table = new OperationTable(ProtectedRoleOperations.Check, IamJson.Default);
        RoleOperations.Register(table);
        RolePolicyOperations.Register(table);
        ServiceLinkedRoleOperations.Register(table);
        UserOperations.Register(table);
        SamlProviderOperations.Register(table);
        AccountAliasOperations.Register(table);
        AccountSummaryOperations.Register(table);
        PasswordPolicyOperations.Register(table);
        InstanceProfileOperations.Register(table);
        UserSettingsOperations.Register(table);
        ManagedPolicyOperations.Register(table);
        GroupOperations.Register(table);
        UserInlinePolicyOperations.Register(table);
        PolicySimulatorOperations.Register(table);
        return new ServiceDefinition(ServiceModel.Load("iam"), new AwsQueryProtocol(), table, IamErrors.Validation);
    }
}
