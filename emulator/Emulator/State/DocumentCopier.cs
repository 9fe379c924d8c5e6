using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Emulator.Hosting;
using LiteDB;

namespace Emulator.State;

/// <summary>
/// A document's deep copy, equal to what a trip through BSON makes of it (<c>ToObject(ToDocument(x))</c>), without
/// building the BSON: writes copy every document they read or store, and at 10,000 roles the BSON made only to be
/// thrown away was most of a bulk write's garbage. The members are the mapper's own (names, id, ignored members), and
/// each value is copied as BSON would bring it back:
/// <list type="bullet">
/// <item>a null member is left out, so the new document keeps its initial value (e.g. an empty list); a null id stays null;</item>
/// <item>a timestamp keeps milliseconds only, at offset zero (the epoch milliseconds the store keeps);</item>
/// <item>a dictionary is a BSON document, whose keys are case-insensitive: keys equal but for case keep the first
/// key's spelling and the last value; null values and null list items stay;</item>
/// <item>a string is trimmed, and an empty one becomes null (LiteDB's defaults, which the store keeps);</item>
/// <item>strings, numbers and booleans are shared (immutable); lists, dictionaries and nested documents are new;</item>
/// <item>a member of any other type goes through BSON, so nothing is copied differently from the store.</item>
/// </list>
/// <c>DocumentCopierTests</c> checks this against BSON for every document type.
/// </summary>
internal sealed class DocumentCopier(DocumentMapper mapper)
{
    private readonly ConcurrentDictionary<Type, Func<object, object?>> _copiers = new();

    public object Copy(object document) => CopierOf(document.GetType())(document)!;

    private Func<object, object?> CopierOf(Type type) => _copiers.TryGetValue(type, out var copier) ? copier : _copiers.GetOrAdd(type, Build);

    private Func<object, object?> Build(Type type)
    {
        if (type == typeof(string)) return CopyString;
        if (type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(double) || type.IsEnum)
            return static value => value;
        if (type == typeof(DateTimeOffset))
            return static value => DateTimeOffset.FromUnixTimeMilliseconds(((DateTimeOffset)value).ToUnixTimeMilliseconds());
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return ListCopy(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
            return DictionaryCopy(type);
        if (mapper.EntityOf(type) is { } entity) return DocumentCopy(type, entity);
        return value => mapper.Deserialize(type, mapper.Serialize(type, value));
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = AotRoots.CollectionsJustification)]
    private Func<object, object?> DocumentCopy(Type type, EntityMapper entity)
    {
        var members = entity.Members.Where(m => m.Setter is not null).ToArray();
        var valueTypes = members.Select(m => ValueType(m.DataType)).ToArray();
        return source =>
        {
            var copy = Activator.CreateInstance(type)!;
            for (var i = 0; i < members.Length; i++)
            {
                var value = members[i].Getter(source);
                if (value is not null) members[i].Setter(copy, CopierOf(valueTypes[i])(value));
                else if (members[i].FieldName == "_id") members[i].Setter(copy, null); // BSON keeps a null id
            }
            return copy;
        };
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = AotRoots.CollectionsJustification)]
    private Func<object, object?> ListCopy(Type type)
    {
        var itemType = ValueType(type.GetGenericArguments()[0]);
        return source =>
        {
            var items = (IList)source;
            var copy = (IList)Activator.CreateInstance(type)!;
            foreach (var item in items) copy.Add(item is null ? null : CopierOf(itemType)(item));
            return copy;
        };
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = AotRoots.CollectionsJustification)]
    private Func<object, object?> DictionaryCopy(Type type)
    {
        var valueType = ValueType(type.GetGenericArguments()[1]);
        return source =>
        {
            var entries = (IDictionary)source;
            var copy = (IDictionary)Activator.CreateInstance(type)!;
            Dictionary<string, string>? spellings = entries.Count > 1 ? new(StringComparer.OrdinalIgnoreCase) : null;
            foreach (DictionaryEntry entry in entries)
            {
                var key = (string)entry.Key;
                if (spellings is not null && !spellings.TryAdd(key, key)) key = spellings[key];
                copy[key] = entry.Value is null ? null : CopierOf(valueType)(entry.Value);
            }
            return copy;
        };
    }

    /// <summary>BsonMapper trims strings (TrimWhitespace) and stores an empty one as null (EmptyStringToNull).</summary>
    private object? CopyString(object value)
    {
        var text = (string)value;
        if (mapper.TrimWhitespace) text = text.Trim();
        return text.Length == 0 && mapper.EmptyStringToNull ? null : text;
    }

    /// <summary>A nullable member holds its value boxed as the underlying type (or null, left out).</summary>
    private static Type ValueType(Type declared) => Nullable.GetUnderlyingType(declared) ?? declared;
}
