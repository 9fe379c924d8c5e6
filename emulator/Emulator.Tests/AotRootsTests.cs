using System.Reflection;
using Emulator.Hosting;
using Emulator.State;
using LiteDB;

namespace Emulator.Tests;

/// <summary>
/// The Native AOT form keeps for reflection only what <see cref="AotRoots.DocumentCollections"/> names among the
/// framework's collections: the list must be exactly the collections LiteDB creates when it reads our documents.
/// </summary>
public class AotRootsTests
{
    [Fact]
    public void The_kept_collections_are_exactly_those_the_documents_hold()
    {
        var held = new HashSet<Type>();
        var walked = new HashSet<Type>();
        foreach (var collection in Documents.Collections) Walk(collection.DocumentType, held, walked);

        held.Should().NotBeEmpty("documents hold lists");
        AotRoots.DocumentCollections.Select(Name).Should().BeEquivalentTo(held.Select(Name),
            "each framework collection inside a document is created by reflection when LiteDB reads it");
    }

    private static void Walk(Type document, HashSet<Type> held, HashSet<Type> walked)
    {
        if (!walked.Add(document)) return;
        foreach (var property in document.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (!property.IsDefined(typeof(BsonIgnoreAttribute), true)) Visit(property.PropertyType, held, walked);
    }

    private static void Visit(Type type, HashSet<Type> held, HashSet<Type> walked)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) throw new InvalidOperationException($"{type} in a document: arrays are not listed in AotRoots");
        if (type.Assembly == typeof(AotRoots).Assembly)
        {
            if (type.IsClass) Walk(type, held, walked);
            return;
        }
        if (!type.IsGenericType) return;
        held.Add(AsLiteDbCreatesIt(type));
        foreach (var argument in type.GetGenericArguments()) Visit(argument, held, walked);
    }

    /// <summary>LiteDB 5's Reflection.CreateInstance: IList/ICollection/IEnumerable become List, IDictionary Dictionary.</summary>
    private static Type AsLiteDbCreatesIt(Type type)
    {
        if (!type.IsInterface) return type;
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>))
            return typeof(List<>).MakeGenericType(arguments);
        if (definition == typeof(IDictionary<,>)) return typeof(Dictionary<,>).MakeGenericType(arguments);
        throw new InvalidOperationException($"{type} in a document: LiteDB cannot create it");
    }

    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;
}
