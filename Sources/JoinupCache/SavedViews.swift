import Foundation
import GRDB
import JoinupModel

extension CacheDatabase {
    /// Remembers the filter and sort last used on a collection (one per collection).
    public func saveView(collectionURI: String, filter: ItemFilter, sort: ItemSort, at now: Date = Date()) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(filter), as: UTF8.self)
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO saved_view (collection_uri, filter_json, sort, saved_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(collection_uri) DO UPDATE SET filter_json = excluded.filter_json,
                    sort = excluded.sort, saved_at = excluded.saved_at
                """, arguments: [collectionURI, json, sort.rawValue, now.timeIntervalSince1970])
        }
    }

    /// The filter and sort last saved for a collection; nil when none was saved, or when what
    /// was saved can no longer be read (a view is a convenience, never an error).
    public func savedView(collectionURI: String) throws -> (ItemFilter, ItemSort)? {
        let row = try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT filter_json, sort FROM saved_view WHERE collection_uri = ?",
                             arguments: [collectionURI])
        }
        guard let row else { return nil }
        let json: String = row["filter_json"]
        guard let filter = try? JSONDecoder().decode(ItemFilter.self, from: Data(json.utf8)),
              let sort = ItemSort(rawValue: row["sort"]) else { return nil }
        return (filter, sort)
    }
}
