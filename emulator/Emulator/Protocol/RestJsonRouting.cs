using Emulator.Services;

namespace Emulator.Protocol;

/// <summary>
/// restJson1 (sso portal, sso-oidc): method + path, e.g. GET /federation/credentials or POST /token; a modelled query
/// part of the request URI (POST /token?aws_iam=t) must be present too, and the route asking for more of the query
/// wins. Every path other than <c>/</c> is claimed, so an unknown path or method answers in REST-JSON (404).
/// </summary>
public sealed class RestJsonRouting : IRequestRouting
{
    private sealed record RestRoute(ServiceDefinition Service, string Operation, string[] RequiredQuery);

    private readonly Dictionary<string, List<RestRoute>> _routes;
    private readonly Dictionary<string, ServiceDefinition> _byFirstSegment;
    private readonly ServiceDefinition? _fallback;
    private readonly bool _routesAtRoot;

    public RestJsonRouting(IReadOnlyList<ServiceDefinition> services)
    {
        var rest = services.Where(s => s.Protocol is RestJsonProtocol).ToList();
        var all = rest.SelectMany(service => service.Model.OperationNames.Select(name =>
        {
            var operation = service.Model.Operation(name)!;
            var parts = operation.RequestUri.Split('?', 2);
            var required = parts.Length < 2 ? [] : parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).ToArray();
            return (Method: operation.HttpMethod.ToUpperInvariant(), Path: parts[0].TrimEnd('/'), OperationRoute: new RestRoute(service, name, required));
        })).ToList();
        _routes = all.GroupBy(r => $"{r.Method} {r.Path}")
            .ToDictionary(g => g.Key, g => g.Select(r => r.OperationRoute).OrderByDescending(r => r.RequiredQuery.Length).ToList());
        _byFirstSegment = all.GroupBy(r => FirstSegment(r.Path)).ToDictionary(g => g.Key, g => g.First().OperationRoute.Service);
        _fallback = rest.FirstOrDefault();
        _routesAtRoot = all.Any(r => r.Path.Length == 0);
    }

    public OperationRoute? Find(string method, string path, IQueryCollection query)
    {
        if (!_routes.TryGetValue($"{method.ToUpperInvariant()} {path.TrimEnd('/')}", out var candidates)) return null;
        var route = candidates.FirstOrDefault(r => r.RequiredQuery.All(query.ContainsKey));
        return route is null ? null : new OperationRoute(route.Service, route.Operation);
    }

    public ServiceDefinition? Claim(HttpRequest request, SigV4Credential? credential)
    {
        var path = request.Path.Value ?? "/";
        if (path.Length <= 1 && !_routesAtRoot) return null; // "/" is the JSON and Query protocols' path
        if (Find(request.Method, path, request.Query) is { } route) return route.Service;
        return path.Length > 1 ? _byFirstSegment.GetValueOrDefault(FirstSegment(path)) ?? _fallback : null;
    }

    public OperationRoute Resolve(HttpRequest request, byte[] body, ServiceDefinition claimed, SigV4Credential? credential) =>
        Find(request.Method, request.Path.Value ?? "/", request.Query)
        ?? throw claimed.Protocol.UnknownOperation(claimed.Model, $"{request.Method} {request.Path.Value}");

    private static string FirstSegment(string path) => path.TrimStart('/').Split('/', 2)[0];
}
