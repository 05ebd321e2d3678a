import Foundation
import GRDB

/// Which collection the browser showed last, so a restart opens it again. Kept in the cache
/// (the data folder) rather than the config: it is a record of use, not a setting. The openings
/// are recorded by `recordOpening` (ReadState.swift), which also tells what is new since.
extension CacheDatabase {
    /// The collection opened most recently that is still cached; nil when none is (never opened,
    /// or reset, or gone from the cache): the caller falls back to the first collection.
    public func lastOpenedCollection() throws -> CachedCollection? {
        try pool.read { db in
            // Another user's cache, opened read-only, may predate the table (it is never migrated).
            guard try db.tableExists("collection_opened") else { return nil }
            // The row stays when a collection leaves the cache; the join skips it.
            guard let uri = try String.fetchOne(db, sql: """
                SELECT opened.collection_uri FROM collection_opened AS opened
                JOIN collection ON collection.uri = opened.collection_uri
                ORDER BY opened.opened_at DESC LIMIT 1
                """) else { return nil }
            return try CollectionNameRecord.fetchOne(db, key: uri)?.cachedCollection
        }
    }
}
