import GRDB

/// The secondary indexes of `item` that a first import builds after its rows (`CollectionWrites`):
/// into an empty table, one sort fills whole pages, where random inserts leave them half full
/// and write twice as much. The v9 migration creates them with the same statements.
enum ItemBulkIndexes {
    static let all = [
        ("item_by_collection_published_kind", "item(collection_uri, published, kind, list_date)"),
        ("item_by_collection_title", "item(collection_uri, title_key)"),
    ]

    static func drop(in db: Database) throws {
        for (name, _) in all { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
    }

    static func create(in db: Database) throws {
        for (name, columns) in all { try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(name) ON \(columns)") }
    }
}
