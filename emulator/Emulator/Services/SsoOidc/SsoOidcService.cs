using Emulator.Protocol;

namespace Emulator.Services.SsoOidc;

/// <summary>SSO OIDC (restJson1, unsigned): POST /client/register, /device_authorization, /token.</summary>
public static class SsoOidcService
{
    public static ServiceDefinition Definition()
    {
        var table = new OperationTable(records: SsoOidcJson.Default);
        SsoOidcOperations.Register(table);
        TokenWithIamOperations.Register(table);
        return new ServiceDefinition(ServiceModel.Load("sso-oidc"), new RestJsonProtocol(RestJsonProtocol.OidcErrorBody), table,
            SsoOidcErrors.Validation);
    }
}
