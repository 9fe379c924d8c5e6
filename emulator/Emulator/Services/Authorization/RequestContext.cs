namespace Emulator.Services.Authorization;

/// <summary>
/// What a policy is evaluated against: the action, the resource ARN, the caller's principal names (for Principal
/// elements) and the request's context keys. Keys are case-insensitive; a key may carry several values (aws:TagKeys).
/// Keys shared by every request of a principal (<see cref="CallerAuthorization.PrincipalKeys"/>) are read in place,
/// not copied. The request's own keys are added with <see cref="With"/>, by the caller or, when a key is first needed,
/// by the <c>fill</c> given at construction (most statements read no key, so most requests never compute them).
/// </summary>
public sealed class RequestContext
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoKeys = new Dictionary<string, IReadOnlyList<string>>();
    private static readonly IReadOnlySet<string> NoNames = new HashSet<string>();

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _shared;
    private Dictionary<string, IReadOnlyList<string>>? _keys;
    private Action<RequestContext>? _fill;

    /// <param name="shared">Keys to start with (case-insensitive), read in place: never changed by this request.</param>
    /// <param name="fill">Adds the request's own keys (with <see cref="With"/>), run once before the first key is read or added.</param>
    public RequestContext(string action, string resource, IReadOnlyDictionary<string, IReadOnlyList<string>>? shared = null,
        Action<RequestContext>? fill = null)
    {
        Action = action;
        Resource = resource;
        _shared = shared ?? NoKeys;
        _fill = fill;
    }

    public string Action { get; }
    public string Resource { get; }

    /// <summary>Values a Principal element of type "AWS" may use to name the caller: its ARN(s), its account id and account root ARN.</summary>
    public IReadOnlySet<string> AwsPrincipals { get; init; } = NoNames;

    /// <summary>Principal names the caller has in Principal elements of type "Service" (calls made by a service).</summary>
    public IReadOnlySet<string> ServicePrincipals { get; init; } = NoNames;

    public RequestContext With(string key, params IReadOnlyList<string> values)
    {
        Fill();
        if (values.Count > 0) (_keys ??= new(StringComparer.OrdinalIgnoreCase))[key] = values;
        return this;
    }

    public IReadOnlyList<string>? Values(string key)
    {
        Fill();
        return _keys is not null && _keys.TryGetValue(key, out var values) ? values : _shared.GetValueOrDefault(key);
    }

    private void Fill()
    {
        if (_fill is not { } fill) return;
        _fill = null;
        fill(this);
    }
}
