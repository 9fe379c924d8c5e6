using LiteDB;

namespace Emulator.State;

/// <summary>The store's own BsonMapper (never BsonMapper.Global) and the secondary indexes, created once at start.</summary>
public static class Documents
{
    public static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, SerializeNullValues = false };
        // Timestamps are kept as epoch milliseconds: AWS's own precision, and free of time-zone conversions.
        mapper.RegisterType(
            serialize: (DateTimeOffset time) => new BsonValue(time.ToUnixTimeMilliseconds()),
            deserialize: value => DateTimeOffset.FromUnixTimeMilliseconds(value.AsInt64));
        BuildMappings(mapper);
        return mapper;
    }

    /// <summary>
    /// BsonMapper builds a type's mapping on first use and that is not safe under concurrent reads, so every document
    /// type (by convention, the classes named *Doc) is mapped once here, before the store serves anyone.
    /// </summary>
    private static void BuildMappings(BsonMapper mapper)
    {
        var documentTypes = typeof(Documents).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Doc", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null);
        foreach (var type in documentTypes) mapper.ToDocument(type, Activator.CreateInstance(type));
    }

    public static void EnsureIndexes(LiteDatabase db)
    {
        db.GetCollection("accounts").EnsureIndex("OrganizationId");
        db.GetCollection("roles").EnsureIndex("AccountId");
        db.GetCollection("trusted_services").EnsureIndex("OrganizationId");
    }
}
