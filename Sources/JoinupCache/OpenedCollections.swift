import Foundation
import GRDB

/// Which collection the browser showed last, so a restart opens it again. Kept in the cache
/// (the data folder) rather than the config: it is a record of use, not a setting.
extension CacheDatabase {
    /// Records that the browser opened the collection `uri` at `now`.
    public func recordOpened(collectionURI uri: String, at now: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO opened_collection (collection_uri, opened_at) VALUES (?, ?)
                ON CONFLICT(collection_uri) DO UPDATE SET opened_at = excluded.opened_at
                """, arguments: [uri, now.timeIntervalSince1970])
        }
    }

    /// The collection opened most recently that is still cached; nil when none is (never opened,
    /// or reset, or gone from the cache): the caller falls back to the first collection.
    public func lastOpenedCollection() throws -> CachedCollection? {
        try pool.read { db in
            // Another user's cache, opened read-only, may predate the table (it is never migrated).
            guard try db.tableExists("opened_collection") else { return nil }
            // The row stays when a collection leaves the cache; the join skips it.
            guard let uri = try String.fetchOne(db, sql: """
                SELECT opened.collection_uri FROM opened_collection AS opened
                JOIN collection ON collection.uri = opened.collection_uri
                ORDER BY opened.opened_at DESC LIMIT 1
                """) else { return nil }
            return try CollectionNameRecord.fetchOne(db, key: uri)?.cachedCollection
        }
    }
}

/// The `opened_collection` table's migration.
enum OpenedCollections {
    /// One row per collection the browser opened, with when. No foreign key: a collection that
    /// leaves the cache leaves a row nobody reads, and recording never fails for it.
    static func v12OpenedCollection(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE opened_collection (
                collection_uri TEXT PRIMARY KEY NOT NULL,
                opened_at REAL NOT NULL
            );
            """)
    }
}
