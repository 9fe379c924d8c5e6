using System.Diagnostics.CodeAnalysis;
using Emulator.Services.Iam;
using Emulator.Services.Organizations;
using Emulator.Services.Sso;

namespace Emulator.Hosting;

/// <summary>
/// What the Native AOT form (<c>dotnet publish -r linux-x64 -p:PublishAot=true</c>, README "Published forms") must keep
/// for reflection. Emulator.csproj roots this assembly and LiteDB (<c>TrimmerRootAssembly</c>): every type and member
/// of both is kept, so the reflection over our documents and requests and over LiteDB's internals finds what it finds
/// in the JIT build; the suppressions citing <see cref="Justification"/> are exactly those reflection sites. The
/// framework's collections are not rooted: those our documents hold are listed in <see cref="DocumentCollections"/>.
/// </summary>
internal static class AotRoots
{
    public const string Justification =
        "The Native AOT form roots this assembly and LiteDB (TrimmerRootAssembly in Emulator.csproj): every type and member of both is kept.";

    /// <summary>Creating a document, or a collection inside one (the store's reads, <c>DocumentCopier</c>).</summary>
    public const string CollectionsJustification =
        "Documents are types of this assembly (rooted); the collections inside them are kept by AotRoots.DocumentCollections, which AotRootsTests checks against the documents.";

    /// <summary>
    /// The framework collections inside our documents, as LiteDB creates them when it reads one and DocumentCopier when it copies
    /// one (an interface member becomes List or Dictionary): by reflection, through the parameterless constructor and Add. Passing each here
    /// keeps those for reflection in the Native AOT form; <c>AotRootsTests</c> checks the list against the documents.
    /// </summary>
    public static readonly IReadOnlyList<Type> DocumentCollections =
    [
        Constructible(typeof(List<string>)),
        Constructible(typeof(Dictionary<string, string>)),
        Constructible(typeof(List<TagDoc>)),
        Constructible(typeof(List<TagEntryDoc>)),
        Constructible(typeof(List<AttachedPolicyDoc>)),
        Constructible(typeof(List<PolicyVersionDoc>)),
        Constructible(typeof(List<PolicyReferenceDoc>)),
        Constructible(typeof(List<SamlPrivateKeyDoc>)),
    ];

    private static Type Constructible(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicMethods)] Type type) => type;
}
