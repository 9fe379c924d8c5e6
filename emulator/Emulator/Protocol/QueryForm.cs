using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Emulator.Protocol;

/// <summary>
/// The fields of a Query request (query string, then the form body, which wins), read in one pass into a dictionary,
/// with every dotted prefix that has members (<c>Tags</c>, <c>Tags.member</c>, <c>Tags.member.1</c> for
/// <c>Tags.member.1.Key</c>) in a set, so finding a structure's members is one lookup: parsing stays linear.
/// </summary>
public sealed class QueryForm
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private HashSet<string>? _prefixes; // made for the first dotted field

    public static QueryForm Read(HttpRequest request, byte[] body)
    {
        var form = new QueryForm();
        form.Add(request.QueryString.Value);
        if (body.Length > 0) form.Add(Encoding.UTF8.GetString(body));
        return form;
    }

    public string? this[string key] => _fields.TryGetValue(key, out var value) ? value : null;

    public bool Has(string key) => _fields.ContainsKey(key);

    /// <summary>Whether any field starts with <c>prefix.</c>.</summary>
    public bool HasMembersUnder(string prefix) => _prefixes?.Contains(prefix) == true;

    private void Add(string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        foreach (var pair in new QueryStringEnumerable(text))
        {
            var key = pair.DecodeName().ToString();
            _fields[key] = pair.DecodeValue().ToString();
            for (var dot = key.IndexOf('.'); dot > 0; dot = key.IndexOf('.', dot + 1))
                (_prefixes ??= new(StringComparer.Ordinal)).Add(key[..dot]);
        }
    }
}
