using System.Collections;
using System.Reflection;
using Emulator.State;

namespace Emulator.Tests.State;

/// <summary>
/// Writes copy documents without BSON (<see cref="DocumentCopier"/>); a copy must equal, member for member, what a trip
/// through the store's BSON makes of the same document, and share nothing mutable with it. Checked on random documents
/// of every type: nulls, empty and padded strings, sub-millisecond timestamps at other offsets, null list items, dictionary keys equal but for case.
/// </summary>
public sealed class DocumentCopierTests
{
    private const int DocumentsPerType = 300;

    public static TheoryData<string> DocumentTypes() => [.. Documents.Collections.Select(c => c.DocumentType.FullName!)];

    [Theory]
    [MemberData(nameof(DocumentTypes))]
    public void A_copy_equals_the_document_after_a_trip_through_BSON(string typeName)
    {
        var type = Documents.Collections.Single(c => c.DocumentType.FullName == typeName).DocumentType;
        var random = new Random(typeName.Length * 7919 + typeName[^1]);
        for (var i = 0; i < DocumentsPerType; i++)
        {
            var document = Random(type, random, depth: 0)!;
            var throughBson = Documents.Mapper.ToObject(type, Documents.Mapper.ToDocument(type, document));

            var copy = Documents.Copy(document);

            Difference(copy, throughBson, type.Name).Should().BeNull($"document {i}: {Documents.Mapper.ToDocument(type, document)}");
            SharedMutable(copy, document, type.Name).Should().BeNull();
            Documents.IdOf(copy).Should().Be(Documents.Mapper.ToDocument(type, document)["_id"].AsString);
        }
    }

    [Fact]
    public void The_random_documents_reach_every_case_the_copy_distinguishes()
    {
        var random = new Random(1);
        var seen = new HashSet<string>();
        foreach (var type in Documents.Collections.Select(c => c.DocumentType))
            for (var i = 0; i < DocumentsPerType; i++)
                Cases(Random(type, random, depth: 0), seen);

        seen.Should().Contain(["null member", "empty or padded string", "timestamp below a millisecond", "timestamp off UTC", "null list item", "keys equal but for case", "null dictionary value", "nested document"]);
    }

    [Fact]
    public void A_copy_keeps_a_timestamps_milliseconds_at_offset_zero()
    {
        var role = new Emulator.Services.Iam.RoleDoc { Id = "1/r", CreateDate = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(12_345) };

        var copy = Documents.Copy(role);

        copy.CreateDate.EqualsExact(new DateTimeOffset(2026, 1, 2, 1, 4, 5, 1, TimeSpan.Zero)).Should().BeTrue(copy.CreateDate.ToString("O"));
    }

    /// <summary>Where two objects differ (types, strings, exact timestamps with offsets, list and key order), or null.</summary>
    private static string? Difference(object? a, object? b, string path)
    {
        if (a is null || b is null) return a is null && b is null ? null : $"{path}: {a ?? "null"} vs {b ?? "null"}";
        if (a.GetType() != b.GetType()) return $"{path}: {a.GetType()} vs {b.GetType()}";
        switch (a)
        {
            case DateTimeOffset time:
                return time.EqualsExact((DateTimeOffset)b) ? null : $"{path}: {time:O} vs {(DateTimeOffset)b:O}";
            case string or bool or int or long or double:
                return a.Equals(b) ? null : $"{path}: {a} vs {b}";
            case IDictionary dictionary:
                var other = (IDictionary)b;
                var keys = dictionary.Keys.Cast<string>().ToList();
                if (!keys.SequenceEqual(other.Keys.Cast<string>())) return $"{path}: keys {string.Join(",", keys)} vs {string.Join(",", other.Keys.Cast<string>())}";
                return keys.Select(k => Difference(dictionary[k], other[k], $"{path}[{k}]")).FirstOrDefault(d => d is not null);
            case IList list:
                var items = (IList)b;
                if (list.Count != items.Count) return $"{path}: {list.Count} items vs {items.Count}";
                return Enumerable.Range(0, list.Count).Select(i => Difference(list[i], items[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            default:
                return Properties(a.GetType()).Select(p => Difference(p.GetValue(a), p.GetValue(b), $"{path}.{p.Name}")).FirstOrDefault(d => d is not null);
        }
    }

    /// <summary>A list, dictionary or document object that the copy shares with the original, or null.</summary>
    private static string? SharedMutable(object? copy, object? original, string path)
    {
        if (copy is null || original is null || copy is string || copy.GetType().IsValueType) return null;
        if (ReferenceEquals(copy, original)) return path;
        return copy switch
        {
            IDictionary dictionary => dictionary.Keys.Cast<string>().Where(((IDictionary)original).Contains)
                .Select(k => SharedMutable(dictionary[k], ((IDictionary)original)[k], $"{path}[{k}]")).FirstOrDefault(s => s is not null),
            IList list => Enumerable.Range(0, Math.Min(list.Count, ((IList)original).Count))
                .Select(i => SharedMutable(list[i], ((IList)original)[i], $"{path}[{i}]")).FirstOrDefault(s => s is not null),
            _ => Properties(copy.GetType()).Select(p => SharedMutable(p.GetValue(copy), p.GetValue(original), $"{path}.{p.Name}")).FirstOrDefault(s => s is not null),
        };
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>
    /// A random value of the type: a member declared nullable is null a fifth of the time (others never, as in the
    /// store), collections have 0–3 items, strings are sometimes empty or padded (BSON trims them; an empty one is null).
    /// </summary>
    private static object? Random(Type type, Random random, int depth, bool mayBeEmpty = true)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
            return mayBeEmpty && random.Next(6) == 0 ? Pick(random, "", "  ") : Pick(random, "a", "A", "b", "Key", "key", " padded ", "ü-" + random.Next(1000), $"v{random.Next()}");
        if (underlying == typeof(bool)) return random.Next(2) == 1;
        if (underlying == typeof(int)) return random.Next(-5, 100_000);
        if (underlying == typeof(long)) return random.NextInt64(-5, long.MaxValue / 4);
        if (underlying == typeof(DateTimeOffset))
            return new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(random.Next(-14, 15) * 60)).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 3000));
        if (depth > 3) return null;
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(underlying)!;
            var valueType = underlying.GetGenericArguments()[1];
            for (var n = random.Next(4); n > 0; n--)
                dictionary[Pick(random, "p", "P", "q", $"k{random.Next(5)}")] = random.Next(5) == 0 ? null : Random(valueType, random, depth + 1);
            return dictionary;
        }
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(underlying)!;
            for (var n = random.Next(4); n > 0; n--) list.Add(random.Next(5) == 0 ? null : Random(underlying.GetGenericArguments()[0], random, depth + 1));
            return list;
        }
        var instance = Activator.CreateInstance(underlying)!;
        foreach (var property in Properties(underlying).Where(p => p.CanWrite))
        {
            var nullable = Nullability.Create(property).WriteState == NullabilityState.Nullable;
            property.SetValue(instance, nullable && random.Next(5) == 0 ? null : Random(property.PropertyType, random, depth + 1, mayBeEmpty: nullable));
        }
        return instance;
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    /// <summary>Names the cases a random document contains (see the fact that every case is reached).</summary>
    private static void Cases(object? value, HashSet<string> seen)
    {
        switch (value)
        {
            case string text:
                if (text.Trim() != text || text.Length == 0) seen.Add("empty or padded string");
                return;
            case null or bool or int or long:
                return;
            case DateTimeOffset time:
                if (time.Ticks % TimeSpan.TicksPerMillisecond != 0) seen.Add("timestamp below a millisecond");
                if (time.Offset != TimeSpan.Zero) seen.Add("timestamp off UTC");
                return;
            case IDictionary dictionary:
                var keys = dictionary.Keys.Cast<string>().ToList();
                if (keys.Count != keys.Distinct(StringComparer.OrdinalIgnoreCase).Count()) seen.Add("keys equal but for case");
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Value is null) seen.Add("null dictionary value");
                    Cases(entry.Value, seen);
                }
                return;
            case IList list:
                foreach (var item in list)
                {
                    if (item is null) seen.Add("null list item");
                    Cases(item, seen);
                }
                return;
            default:
                foreach (var property in Properties(value.GetType()).Where(p => p.CanWrite))
                {
                    var member = property.GetValue(value);
                    if (member is null) seen.Add("null member");
                    else if (((DocumentMapper)Documents.Mapper).EntityOf(member.GetType()) is not null) seen.Add("nested document");
                    Cases(member, seen);
                }
                return;
        }
    }
}
