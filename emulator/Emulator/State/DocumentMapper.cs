using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Emulator.Hosting;
using LiteDB;

namespace Emulator.State;

/// <summary>
/// LiteDB's BsonMapper with each member's getter and setter compiled on first use instead of when its type is mapped:
/// LiteDB compiles two expression trees per member, ~700 for our documents, which was a quarter of the process's
/// start-up; a request now compiles only the members of the documents it touches. The mapping itself (field names,
/// the id, BsonId/BsonIgnore/BsonField) is LiteDB 5.0.21's <c>BuildAddEntityMapper</c>, and the getters and setters
/// are LiteDB's own (<c>LiteDB.Reflection</c>; plain reflection in the Native AOT form), so documents read and write exactly as before.
/// </summary>
internal sealed class DocumentMapper : BsonMapper
{
    private static readonly Type LiteDbReflection = FindLiteDbReflection();
    private static readonly Func<Type, MemberInfo, GenericGetter> CompileGetter = Internal<Func<Type, MemberInfo, GenericGetter>>("CreateGenericGetter");
    private static readonly Func<Type, MemberInfo, GenericSetter?> CompileSetter = Internal<Func<Type, MemberInfo, GenericSetter?>>("CreateGenericSetter");
    private static readonly Func<Type, bool> IsEnumerable = Internal<Func<Type, bool>>("IsEnumerable");
    private static readonly Func<Type, Type> ListItemType = Internal<Func<Type, Type>>("GetListItemType");

    [ThreadStatic] private static bool _withoutMembers;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, EntityMapper> _entities = new();

    /// <summary>The mapping of a document type (or of a class inside one), or null for any other type.</summary>
    public EntityMapper? EntityOf(Type type) => _entities.GetValueOrDefault(type);

    /// <summary>The document's id (its "_id" member).</summary>
    public string IdOf(object document) =>
        _entities.TryGetValue(document.GetType(), out var entity) && entity.Members.Find(m => m.FieldName == "_id") is { } id
            ? (string)id.Getter(document)
            : throw new InvalidOperationException($"{document.GetType().Name} is not a mapped document with an id.");

    /// <summary>Maps <paramref name="type"/> now (members described, nothing compiled). Not thread-safe: call before the mapper is shared.</summary>
    public void Prepare(Type type) => BuildAddEntityMapper(type);

    /// <summary>LiteDB registers the type's (here empty) mapper, as recursion needs; its members are added here with lazy accessors.</summary>
    protected override EntityMapper BuildAddEntityMapper(Type type)
    {
        _withoutMembers = true;
        EntityMapper entity;
        try { entity = base.BuildAddEntityMapper(type); }
        finally { _withoutMembers = false; }

        var members = base.GetTypeMembers(type).ToList();
        var id = GetIdMember(members);
        foreach (var info in members)
        {
            if (info.IsDefined(typeof(BsonIgnoreAttribute), true)) continue;
            if (info.IsDefined(typeof(BsonRefAttribute), false)) throw new NotSupportedException($"[BsonRef] on {type.Name}.{info.Name} is not supported by {nameof(DocumentMapper)}.");
            var name = info == id ? "_id" : info.GetCustomAttribute<BsonFieldAttribute>(true)?.Name ?? ResolveFieldName(info.Name);
            var dataType = info is PropertyInfo property ? property.PropertyType : ((FieldInfo)info).FieldType;
            var enumerable = IsEnumerable(dataType);
            var member = new MemberMapper
            {
                AutoId = info.GetCustomAttribute<BsonIdAttribute>(true)?.AutoId ?? true,
                FieldName = name,
                MemberName = info.Name,
                DataType = dataType,
                IsEnumerable = enumerable,
                UnderlyingType = enumerable ? ListItemType(dataType) : dataType,
                Getter = LazyGetter(type, info),
                Setter = LazySetter(type, info),
            };
            ResolveMember?.Invoke(type, info, member);
            if (member.FieldName is not null && !entity.Members.Any(m => m.FieldName.Equals(name, StringComparison.OrdinalIgnoreCase)))
                entity.Members.Add(member);
        }
        _entities[type] = entity;
        return entity;
    }

    protected override IEnumerable<MemberInfo> GetTypeMembers(Type type) => _withoutMembers ? [] : base.GetTypeMembers(type);

    private static GenericGetter LazyGetter(Type type, MemberInfo info)
    {
        GenericGetter? compiled = null;
        return target => (compiled ??= Getter(type, info))(target);
    }

    /// <summary>Null for a read-only property, as LiteDB's own; otherwise compiled on the first write (a member LiteDB would not set stays unset).</summary>
    private static GenericSetter? LazySetter(Type type, MemberInfo info)
    {
        if (info is PropertyInfo { CanWrite: false }) return null;
        GenericSetter? compiled = null;
        return (target, value) => (compiled ??= Setter(type, info) ?? ((_, _) => { }))(target, value);
    }

    /// <summary>
    /// LiteDB's compiled expression trees where code is compiled (the JIT builds); in the Native AOT form, which could
    /// only interpret them, plain reflection over the (rooted) member instead.
    /// </summary>
    private static GenericGetter Getter(Type type, MemberInfo info) =>
        RuntimeFeature.IsDynamicCodeCompiled ? CompileGetter(type, info)
        : info is PropertyInfo property ? target => property.GetValue(target)! : target => ((FieldInfo)info).GetValue(target)!;

    private static GenericSetter? Setter(Type type, MemberInfo info) =>
        RuntimeFeature.IsDynamicCodeCompiled ? CompileSetter(type, info)
        : info is PropertyInfo property ? (target, value) => property.SetValue(target, value) : (target, value) => ((FieldInfo)info).SetValue(target, value);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = AotRoots.Justification)]
    private static Type FindLiteDbReflection() => typeof(BsonMapper).Assembly.GetType("LiteDB.Reflection", throwOnError: true)!;

    [UnconditionalSuppressMessage("Trimming", "IL2080", Justification = AotRoots.Justification)]
    private static T Internal<T>(string name) where T : Delegate =>
        LiteDbReflection.GetMethod(name, BindingFlags.Public | BindingFlags.Static)?.CreateDelegate<T>()
        ?? throw new InvalidOperationException($"LiteDB.Reflection.{name} is missing: this LiteDB version is not the one DocumentMapper follows.");
}
