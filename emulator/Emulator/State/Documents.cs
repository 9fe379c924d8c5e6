using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Emulator.Hosting;
using LiteDB;

namespace Emulator.State;

/// <summary>
/// How documents become BSON and back: one BsonMapper per process (never BsonMapper.Global), built once — in the
/// background at start — and the catalog of collections, read from the <see cref="Tx"/> properties so that a
/// collection declared in any Tx partial is loaded, mapped and reset like the others.
/// </summary>
public static class Documents
{
    private static readonly Lazy<DocumentMapper> LazyMapper = new(CreateMapper, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<IReadOnlyList<ICollectionDefinition>> LazyCollections = new(DiscoverCollections);
    private static readonly Lazy<DocumentCopier> LazyCopier = new(() => new DocumentCopier(LazyMapper.Value));

    public static BsonMapper Mapper => LazyMapper.Value;

    internal static IReadOnlyList<ICollectionDefinition> Collections => LazyCollections.Value;

    /// <summary>Builds the mapper on a pool thread so that the first write does not pay for it.</summary>
    public static void WarmUpInBackground() => ThreadPool.UnsafeQueueUserWorkItem(_ => _ = Mapper, null);

    /// <summary>A deep copy, as the document would come back from the store (<see cref="DocumentCopier"/>).</summary>
    public static T Copy<T>(T document) where T : class => (T)LazyCopier.Value.Copy(document);

    public static string IdOf(object document) => LazyMapper.Value.IdOf(document);

    private static DocumentMapper CreateMapper()
    {
        var mapper = new DocumentMapper { EnumAsInteger = false, SerializeNullValues = false };
        // Timestamps are kept as epoch milliseconds: AWS's own precision, and free of time-zone conversions.
        mapper.RegisterType(
            serialize: (DateTimeOffset time) => new BsonValue(time.ToUnixTimeMilliseconds()),
            deserialize: value => DateTimeOffset.FromUnixTimeMilliseconds(value.AsInt64));
        var mapped = new HashSet<Type>();
        foreach (var collection in Collections) Map(mapper, collection.DocumentType, mapped);
        return mapper;
    }

    /// <summary>
    /// BsonMapper builds a type's mapping on first use, and that is not safe while another thread uses the mapper: so
    /// every document type and every class type inside one is mapped here, before anyone can use the mapper (cheaply:
    /// <see cref="DocumentMapper"/> compiles a member's accessors on its first use).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = AotRoots.Justification)]
    private static void Map(DocumentMapper mapper, Type type, HashSet<Type> mapped)
    {
        if (!mapped.Add(type)) return;
        mapper.Prepare(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var types = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments() : [property.PropertyType];
            foreach (var inner in types)
                if (inner.IsClass && inner != typeof(string) && inner.Assembly == typeof(Documents).Assembly) Map(mapper, inner, mapped);
        }
    }

    private static IReadOnlyList<ICollectionDefinition> DiscoverCollections()
    {
        var probe = new Tx(Snapshot.Empty);
        return typeof(Tx).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ILiteCollection<>))
            .Select(p => (ICollectionDefinition)p.GetValue(probe)!)
            .ToList();
    }
}

/// <summary>A collection as the store knows it: its name, its document type, and how to load it from BSON.</summary>
internal interface ICollectionDefinition
{
    string Name { get; }
    Type DocumentType { get; }
    object Load(IEnumerable<BsonDocument> documents);
}
