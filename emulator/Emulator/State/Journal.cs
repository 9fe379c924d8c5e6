using LiteDB;

namespace Emulator.State;

/// <summary>
/// The state file's journal (format 4). A small commit is saved as one document in <see cref="Collection"/> — all its
/// changed documents and trail pages inside it — instead of one insert or update per collection: LiteDB writes a page
/// or more for every collection a transaction touches, so a CreateAccount cost ~16 pages, its journal entry ~6. The
/// entries are folded into their collections later, many at once, in one transaction that also deletes them (so a
/// document is always in its collection or in an entry, never lost in between); at open, entries left by a crash are
/// folded before the state is loaded. A bulk write is several entries, saved in one transaction: its documents are
/// written once, without LiteDB's index work, before it is acknowledged, and folded right after. This class keeps the
/// entries not yet folded, in order; the committer thread alone uses it.
/// </summary>
internal sealed class Journal
{
    public const string Collection = "_journal";

    /// <summary>Changes in one entry: a larger commit (a bulk write, e.g. trusted access in 10,000 accounts) takes several.</summary>
    public const int EntryChanges = 64;

    /// <summary>The committer folds once this many entries wait and no write does.</summary>
    public const int FoldAt = 128;

    /// <summary>A commit that would leave more entries waiting goes to the collections, with every entry still in the journal.</summary>
    public const int MaxEntries = 512;

    private readonly List<JournalEntry> _entries = [];
    private long _lastId;

    public IReadOnlyList<JournalEntry> Entries => _entries;

    public int Count => _entries.Count;

    /// <summary>Whether a commit goes to the journal rather than straight to the collections.</summary>
    public bool Takes(JournalEntry commit) =>
        !commit.Resets && _entries.Count + Math.Max(1, (commit.Changes.Count + EntryChanges - 1) / EntryChanges) <= MaxEntries;

    /// <summary>
    /// The commit as the journal's next entries, each with its document (they count once <see cref="Saved"/>): its
    /// changes <see cref="EntryChanges"/> at a time, its trail pages with the last.
    /// </summary>
    public List<(JournalEntry Entry, BsonDocument Document)> Next(JournalEntry commit)
    {
        var chunks = Chunks(commit);
        var id = _lastId;
        return chunks.Select((changes, i) => commit with { Id = ++id, Changes = changes, Trail = i == chunks.Count - 1 ? commit.Trail : [] })
            .Select(entry => (entry, new BsonDocument
            {
                ["_id"] = entry.Id,
                ["changes"] = new BsonArray(entry.Changes.Select(ToBson)),
                ["trail"] = new BsonArray(entry.Trail.Select(ToBson)),
            }))
            .ToList();
    }

    private static List<Change[]> Chunks(JournalEntry commit) =>
        commit.Changes.Count == 0 ? [[]] : commit.Changes.Chunk(EntryChanges).ToList();

    public void Saved(JournalEntry entry)
    {
        _entries.Add(entry);
        _lastId = entry.Id;
    }

    /// <summary>Every entry is now in its collections, and deleted from the journal.</summary>
    public void Folded() => _entries.Clear();

    /// <summary>The entries a previous run left in the file, oldest first.</summary>
    public void Load(IEnumerable<BsonDocument> documents)
    {
        foreach (var document in documents.OrderBy(d => d["_id"].AsInt64))
            Saved(new JournalEntry(document["_id"].AsInt64, false, FromBson(document["changes"]), FromBson(document["trail"])));
    }

    private static BsonDocument ToBson(Change change) => new()
    {
        ["c"] = change.Collection,
        ["i"] = change.Id,
        ["d"] = change.Document is null ? BsonValue.Null : (BsonDocument)change.Document,
    };

    private static List<Change> FromBson(BsonValue changes) =>
        changes.AsArray.Select(c => new Change(c["c"].AsString, c["i"].AsString, c["d"].IsNull ? null : c["d"].AsDocument)).ToList();
}

/// <summary>
/// Changes on their way to the collections: a journal entry (<see cref="Id"/> &gt; 0) or a commit. Its documents are
/// BSON already, so that a commit is mapped once, whether it goes to the journal, to the collections, or to both.
/// </summary>
/// <param name="Resets">Every document of every collection is deleted first.</param>
/// <param name="Trail">The event trail's pages to save and delete, after the changes.</param>
internal sealed record JournalEntry(long Id, bool Resets, IReadOnlyCollection<Change> Changes, IReadOnlyList<Change> Trail);
