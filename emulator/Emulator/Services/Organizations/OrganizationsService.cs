using Emulator.Protocol;

namespace Emulator.Services.Organizations;

/// <summary>AWS Organizations (awsJson1_1, AWSOrganizationsV20161128): the operations the emulator implements.</summary>
public static class OrganizationsService
{
    public static ServiceDefinition Definition()
    {
        var table = new OperationTable(records: OrganizationsJson.Default);
        OrganizationOperations.Register(table);
        TrustedAccessOperations.Register(table);
        AccountOperations.Register(table);
        AccountCreationOperations.Register(table);
        OrganizationalUnitOperations.Register(table);
        HandshakeOperations.Register(table);
        DelegatedAdministratorOperations.Register(table);
        PolicyTypeOperations.Register(table);
        TagOperations.Register(table);
        PolicyOperations.Register(table);
        PolicyAttachmentOperations.Register(table);
        ResourcePolicyOperations.Register(table);
        AllFeaturesMigration.Register(table);
        EffectivePolicyOperations.Register(table);
        return new ServiceDefinition(ServiceModel.Load("organizations"), new AwsJsonProtocol(), table, OrganizationsErrors.Validation);
    }
}
