namespace Emulator.Services.Authorization;

/// <summary>
/// What a policy is evaluated against: the action, the resource ARN, the caller's principal names (for Principal
/// elements) and the request's context keys. Keys are case-insensitive; a key may carry several values (aws:TagKeys).
/// </summary>
public sealed class RequestContext
{
    private readonly Dictionary<string, IReadOnlyList<string>> _keys = new(StringComparer.OrdinalIgnoreCase);

    public RequestContext(string action, string resource)
    {
        Action = action;
        Resource = resource;
    }

    public string Action { get; }
    public string Resource { get; }

    /// <summary>Values a Principal element of type "AWS" may use to name the caller: its ARN(s), its account id and account root ARN.</summary>
    public IReadOnlySet<string> AwsPrincipals { get; init; } = new HashSet<string>();

    /// <summary>Principal names the caller has in Principal elements of type "Service" (calls made by a service).</summary>
    public IReadOnlySet<string> ServicePrincipals { get; init; } = new HashSet<string>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Keys => _keys;

    public RequestContext With(string key, params IReadOnlyList<string> values)
    {
        if (values.Count > 0) _keys[key] = values;
        return this;
    }

    public IReadOnlyList<string>? Values(string key) => _keys.GetValueOrDefault(key);

    /// <summary>A copy for another action/resource with the same caller and keys (the simulator, multi-resource operations).</summary>
    public RequestContext For(string action, string resource)
    {
        var copy = new RequestContext(action, resource) { AwsPrincipals = AwsPrincipals, ServicePrincipals = ServicePrincipals };
        foreach (var (key, values) in _keys) copy._keys[key] = values;
        return copy;
    }
}
