using System.Collections;
using System.Reflection;
using Emulator.State;
using LiteDB;

namespace Emulator.Tests.State;

/// <summary>
/// The store's mapper compiles member accessors lazily (start-up); every document type must still become the same BSON
/// as with LiteDB's own BsonMapper, and come back whole.
/// </summary>
public sealed class DocumentMapperTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_123);

    public static TheoryData<string> DocumentTypes() => [.. Documents.Collections.Select(c => c.DocumentType.FullName!)];

    private static Type Named(string name) => Documents.Collections.Single(c => c.DocumentType.FullName == name).DocumentType;

    /// <summary>LiteDB's mapper with the store's settings: the reference the lazy mapper must match.</summary>
    private static BsonMapper Reference()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, SerializeNullValues = false };
        mapper.RegisterType(time => new BsonValue(time.ToUnixTimeMilliseconds()), value => DateTimeOffset.FromUnixTimeMilliseconds(value.AsInt64));
        return mapper;
    }

    [Theory]
    [MemberData(nameof(DocumentTypes))]
    public void A_filled_document_becomes_the_same_bson_as_with_LiteDBs_own_mapper(string typeName)
    {
        var type = Named(typeName);
        var document = Filled(type, depth: 0)!;

        var stored = Documents.Mapper.ToDocument(type, document);

        stored.ToString().Should().Be(Reference().ToDocument(type, document).ToString());
        stored.Keys.Should().Contain("_id");
    }

    [Theory]
    [MemberData(nameof(DocumentTypes))]
    public void A_filled_document_comes_back_whole(string typeName)
    {
        var type = Named(typeName);
        var stored = Reference().ToDocument(type, Filled(type, depth: 0)!);

        var loaded = Documents.Mapper.ToObject(type, stored);

        Reference().ToDocument(type, loaded).ToString().Should().Be(stored.ToString());
    }

    [Fact]
    public void Every_document_type_is_checked_with_values_in_every_member()
    {
        foreach (var type in Documents.Collections.Select(c => c.DocumentType))
            Reference().ToDocument(type, Filled(type, depth: 0)!).Values.Should().NotContain(BsonValue.Null, type.Name);
    }

    /// <summary>An instance with a distinct, non-default value in every settable member, nested documents included.</summary>
    private static object? Filled(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return $"v{depth}-{Guid.NewGuid():N}"[..12];
        if (underlying == typeof(bool)) return true;
        if (underlying == typeof(int)) return 7 + depth;
        if (underlying == typeof(long)) return 70_000_000_000L + depth;
        if (underlying == typeof(double)) return 7.5 + depth;
        if (underlying == typeof(DateTimeOffset)) return Time.AddDays(depth);
        if (underlying.IsEnum) return Enum.GetValues(underlying).Cast<object>().Last();
        if (depth > 4) return null;
        if (underlying.IsArray) return ListOf(underlying.GetElementType()!, depth, array: true);
        if (underlying.IsGenericType && typeof(IDictionary).IsAssignableFrom(underlying))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(underlying)!;
            dictionary.Add(Filled(underlying.GetGenericArguments()[0], depth + 1)!, Filled(underlying.GetGenericArguments()[1], depth + 1));
            return dictionary;
        }
        if (underlying.IsGenericType && underlying.GetGenericArguments() is [var item] && typeof(IEnumerable).IsAssignableFrom(underlying))
        {
            var list = ListOf(item, depth, array: false);
            return underlying.IsInterface || underlying.IsAssignableFrom(list.GetType()) ? list : Activator.CreateInstance(underlying, list);
        }
        if (!underlying.IsClass || underlying.GetConstructor(Type.EmptyTypes) is null) return null;
        var instance = Activator.CreateInstance(underlying)!;
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            if (Filled(property.PropertyType, depth + 1) is { } value) property.SetValue(instance, value);
        return instance;
    }

    private static object ListOf(Type item, int depth, bool array)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
        list.Add(Filled(item, depth + 1));
        if (!array) return list;
        var result = Array.CreateInstance(item, 1);
        list.CopyTo(result, 0);
        return result;
    }
}
