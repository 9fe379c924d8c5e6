using Emulator.Protocol;

namespace Emulator.Services.SsoAdmin;

/// <summary>IAM Identity Center administration (sso-admin, awsJson1_1, SWBExternalService): the operations the emulator implements.</summary>
public static class SsoAdminService
{
    public static ServiceDefinition Definition()
    {
        var table = new OperationTable(records: SsoAdminJson.Default);
        InstanceOperations.Register(table);
        PermissionSetOperations.Register(table);
        PolicyOperations.Register(table);
        CustomerPolicyOperations.Register(table);
        AssignmentOperations.Register(table);
        ProvisioningOperations.Register(table);
        TagOperations.Register(table);
        AccessControlAttributeOperations.Register(table);
        return new ServiceDefinition(ServiceModel.Load("sso-admin"), new AwsJsonProtocol(), table, SsoAdminErrors.Validation);
    }
}
