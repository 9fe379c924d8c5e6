using LiteDB;

namespace Emulator.State;

/// <summary>
/// Format 1 (the emulator until 2026-11-30) kept each document under its own id as LiteDB's <c>_id</c>; format 2 keeps
/// it under a storage key (<see cref="StorageKeys"/>). A format-1 file is upgraded in place when it is opened, in one
/// transaction with the new marker: a crash leaves it in format 1, whole, or in format 2.
/// </summary>
internal static class StateFileUpgrade
{
    public const string Format1 = "aws-org-sso-emulator/1";

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
