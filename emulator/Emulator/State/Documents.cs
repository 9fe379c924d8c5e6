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
        return mapper;
    }

    public static void EnsureIndexes(LiteDatabase db)
    {
        db.GetCollection("accounts").EnsureIndex("OrganizationId");
        db.GetCollection("roles").EnsureIndex("AccountId");
        db.GetCollection("trusted_services").EnsureIndex("OrganizationId");
    }
}
