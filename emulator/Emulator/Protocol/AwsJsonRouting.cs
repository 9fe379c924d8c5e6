using Emulator.Services;

namespace Emulator.Protocol;

/// <summary>awsJson1_1: <c>X-Amz-Target: Prefix.Operation</c> names both the service and the operation.</summary>
public sealed class AwsJsonRouting(IReadOnlyList<ServiceDefinition> services) : IRequestRouting
{
    private readonly Dictionary<string, ServiceDefinition> _byPrefix = services
        .Where(s => s.Protocol is AwsJsonProtocol && s.Model.TargetPrefix is not null)
        .ToDictionary(s => s.Model.TargetPrefix!, StringComparer.Ordinal);

    public ServiceDefinition? ByTargetPrefix(string prefix) => _byPrefix.GetValueOrDefault(prefix);

    public ServiceDefinition? Claim(HttpRequest request, SigV4Credential? credential)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.Length == 0) return null;
        var dot = target.LastIndexOf('.');
        // An unknown prefix is still a JSON request: it is answered in JSON by the first JSON service.
        return (dot > 0 ? ByTargetPrefix(target[..dot]) : null) ?? _byPrefix.Values.First();
    }

    public OperationRoute Resolve(HttpRequest request, byte[] body, ServiceDefinition claimed, SigV4Credential? credential)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        var dot = target.LastIndexOf('.');
        if (dot <= 0 || ByTargetPrefix(target[..dot]) is not { } service) throw AwsJsonProtocol.UnknownTarget(target);
        return new OperationRoute(service, target[(dot + 1)..]);
    }
}
