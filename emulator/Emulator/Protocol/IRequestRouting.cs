using Emulator.Services;

namespace Emulator.Protocol;

/// <summary>The service and operation a request is for, as one protocol finds them.</summary>
public sealed record OperationRoute(ServiceDefinition Service, string Operation);

/// <summary>
/// How requests of one protocol find their service and operation. The catalog asks each protocol in turn; the first
/// that claims a request owns it, including every error about it (unknown target, path or action).
/// </summary>
public interface IRequestRouting
{
    /// <summary>
    /// The service whose protocol answers this request, judged from its headers and path alone (no body read),
    /// or null when the request does not speak this protocol.
    /// </summary>
    ServiceDefinition? Claim(HttpRequest request, SigV4Credential? credential);

    /// <summary>The operation; throws the claimed protocol's own error when the request names none it knows.</summary>
    OperationRoute Resolve(HttpRequest request, byte[] body, ServiceDefinition claimed, SigV4Credential? credential);
}
