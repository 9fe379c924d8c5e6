using LiteDB;

namespace Emulator.State;

/// <summary>
/// The state file's formats, and how an older one is upgraded in place when it is opened, in one transaction with the
/// new marker (a crash leaves the old format, whole, or the new one):
/// <list type="bullet">
/// <item>format 1 (the emulator until stop 10) kept each document under its own id as LiteDB's <c>_id</c>;</item>
/// <item>format 2 keeps it under a storage key (<see cref="StorageKeys"/>), the trail's events as JSON;</item>
/// <item>format 3 saves new trail pages in <see cref="Services.Trail.TrailPageCodec"/>'s binary and still reads JSON
/// pages, so a format-2 file only takes the new marker. The marker is what keeps an emulator that cannot read the
/// binary pages from opening the file and losing its trail.</item>
/// <item>format 4 keeps small commits in a <see cref="Journal"/> until they are folded into their collections; a file
/// of format 2 or 3 has no journal, so it only takes the new marker, which keeps an emulator that would not fold the
/// journal (and so would not see its writes) from opening the file.</item>
/// </list>
/// </summary>
internal static class StateFileUpgrade
{
    public const string Format1 = "aws-org-sso-emulator/1";
    public const string Format2 = "aws-org-sso-emulator/2";
    public const string Format3 = "aws-org-sso-emulator/3";

    /// <summary>Format 2 or 3 to 4: the documents stay as they are.</summary>
    public static void Mark(LiteDatabase db, BsonDocument marker, string markerCollection)
    {
        db.GetCollection(markerCollection).Upsert(marker);
        db.Checkpoint();
    }

    /// <summary>Format 1 to the current one: every document under a storage key, in the order the file holds them.</summary>
    /// <param name="collections">The file's document collections (not the marker, not the trail, whose ids stay).</param>
    public static void ToStorageKeys(LiteDatabase db, IEnumerable<string> collections, BsonDocument marker, string markerCollection)
    {
        if (!db.BeginTrans()) throw new InvalidOperationException("The state file already had a transaction open.");
        try
        {
            foreach (var name in collections)
            {
                var collection = db.GetCollection(name);
                var documents = collection.FindAll().ToList();
                collection.DeleteAll();
                var key = 0L;
                foreach (var document in documents)
                {
                    document[StorageKeys.DocumentIdField] = document["_id"];
                    document["_id"] = ++key;
                    collection.Insert(document);
                }
            }
            db.GetCollection(markerCollection).Upsert(marker);
            if (!db.Commit()) throw new InvalidOperationException("The state file's upgrade was not committed.");
        }
        catch
        {
            db.Rollback();
            throw;
        }
        db.Checkpoint();
    }
}
