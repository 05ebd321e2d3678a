import GRDB

/// The v9 schema changes: what the first sync no longer writes.
///
/// Measured on a generated 100,000-item cache (`dbstat`, docs/BENCHMARKS.md): `item_fts` took
/// 67 MB with full position lists; positions serve phrase and NEAR queries only, and the search
/// never makes either (`FTSQuery`: every word a prefix, ANDed), so `detail = none` keeps the same
/// answers in 12 MB. Two indexes had no reader left once the filter index was stored:
/// `item_topic_by_topic_date` (37 MB; topic filters run on the in-memory index) and
/// `item_by_collection_date` (8 MB; the newest-first order is stored in the index blob). And
/// `item_by_collection_kind` (16 MB, read only to build a filter index) and
/// `item_by_collection_published` (15 MB, for the header's newest item) become one index
/// covering both reads (9 MB): one random-order index fewer to keep up on every insert.
enum LeanSchema {
    /// The full-text index's definition in v9 (v10's is `FoldedSearch.fullTextDefinition`).
    static let fullTextDefinition = """
        CREATE VIRTUAL TABLE item_fts USING fts5(
            title, body, author,
            content = 'item', content_rowid = 'id',
            tokenize = "unicode61 remove_diacritics 2",
            prefix = '1 2 3',
            detail = none
        )
        """

    /// The secondary indexes of `item` a first import builds after its rows (`CollectionWrites`);
    /// the migration creates them with the same statements.
    static let bulkIndexes = [
        ("item_by_collection_published_kind", "item(collection_uri, published, kind, list_date)"),
        ("item_by_collection_title", "item(collection_uri, title_key)"),
    ]

    static func dropBulkIndexes(in db: Database) throws {
        for (name, _) in bulkIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
    }

    static func createBulkIndexes(in db: Database) throws {
        for (name, columns) in bulkIndexes { try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(name) ON \(columns)") }
    }

    static func registerMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-lean-indexes") { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS item_topic_by_topic_date;
                DROP INDEX IF EXISTS item_by_collection_date;
                DROP INDEX IF EXISTS item_by_collection_kind;
                DROP INDEX IF EXISTS item_by_collection_published;
                DROP TABLE item_fts;
                \(fullTextDefinition);
                INSERT INTO item_fts(item_fts) VALUES('rebuild');
                """)
            try createBulkIndexes(in: db)
        }
        migrator.registerMigration("v9-own-topics-only") { db in
            // `item_topic` held, beside each item's own terms, one row per category they imply
            // (position NULL): 256,000 of 556,000 rows at 100,000 items, read by nothing but the
            // SQL reference queries since the filter index derives categories from the
            // vocabulary. Those queries now do the same (`ItemFilterSQL`).
            try db.execute(sql: "DELETE FROM item_topic WHERE position IS NULL")
        }
    }
}
