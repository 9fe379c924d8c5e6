using Emulator.Protocol;

namespace Emulator.Services.SsoPortal;

/// <summary>The SSO portal API (client name sso, restJson1, unsigned; bearer token in x-amz-sso_bearer_token).</summary>
public static class SsoPortalService
{
    public static ServiceDefinition Definition()
    {
        var table = new OperationTable(records: SsoPortalJson.Default);
        SsoPortalOperations.Register(table);
        return new ServiceDefinition(ServiceModel.Load("sso"), new RestJsonProtocol(RestJsonProtocol.PortalErrorBody), table,
            SsoPortalErrors.Validation);
    }
}
