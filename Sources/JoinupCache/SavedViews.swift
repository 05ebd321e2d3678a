import Foundation
import GRDB
import JoinupModel

extension CacheDatabase {
    /// Remembers the filter and sort last used on a collection (one per collection).
    public func saveView(collectionURI: String, filter: ItemFilter, sort: ItemSort, at now: Date = Date()) throws {
        try pool.write { db in
            try SavedViewRecord(collectionURI: collectionURI, filter: filter, sort: sort, savedAt: now).upsert(db)
        }
    }

    /// The filter and sort last saved for a collection; nil when none was saved, or when what
    /// was saved can no longer be read (a view is a convenience, never an error).
    public func savedView(collectionURI: String) throws -> (ItemFilter, ItemSort)? {
        let row = try pool.read { db in
            try Row.fetchOne(db, SavedViewRecord.filter(key: collectionURI))
        }
        guard let row, let view = try? SavedViewRecord(row: row) else { return nil }
        return (view.filter, view.sort)
    }
}
