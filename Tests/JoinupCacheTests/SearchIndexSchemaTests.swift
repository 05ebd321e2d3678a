import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupCache

/// The v9 schema: a full-text index without positions, and two indexes fewer; same answers.
@Suite struct SearchIndexSchemaTests {
    let uri = Fixture.collectionURI
    let now = Fixture.date(10)

    static let items: [Item] = [
        FilterQueryTests.item(1, topics: [Fixture.oss], day: 1, title: "Open source in the public sector",
                              body: "Un rapport européen sur le logiciel libre.", author: "Zoë Novák"),
        FilterQueryTests.item(2, topics: [Fixture.legal], day: 2, title: "Étude juridique",
                              body: "Legal study of procurement.", author: "Ana García"),
        // A word the tokenizer splits in two at the Hebrew point (U+05B7): "א" and "ב".
        FilterQueryTests.item(3, topics: [], day: 3, title: "Shalom \u{05D0}\u{05B7}\u{05D1}", body: "x", author: "Dov"),
    ]

    private func numbers(_ cache: CacheDatabase, _ text: String) throws -> Set<Int> {
        Set(try cache.itemSummaries(collectionURI: uri, filter: ItemFilter(text: text), offset: 0, limit: 100, now: now)
            .compactMap { Int($0.id.split(separator: " ")[0]) })
    }

    private func schemaSQL(_ cache: CacheDatabase, _ name: String) throws -> String? {
        try cache.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = ?", arguments: [name])
        }
    }

    @Test func aWordTheTokenizerSplitsIsSearchedAsItsTokens() {
        let split = FTSQuery.match("open \u{05D0}\u{05B7}\u{05D1}") { word in
            word == "open" ? ["open"] : ["\u{05D0}", "\u{05D1}"]
        }
        #expect(split == "\"open\"* \"\u{05D0}\"* \"\u{05D1}\"*")
        // One token (or none: a letter the tokenizer does not know) keeps the word as typed.
        #expect(FTSQuery.match("Zoë x") { $0 == "x" ? [] : ["zoe"] } == "\"Zoë\"* \"x\"*")
    }

    @Test func searchWithoutPositionsFindsWhatItFoundBefore() throws {
        let folder = try TemporaryFolder()
        let cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        try cache.apply(Fixture.snapshot(items: Self.items), origin: .embeddedSnapshot)
        #expect(try schemaSQL(cache, "item_fts")?.contains("detail = none") == true)
        // The first import built the indexes it dropped; a second collection keeps them.
        for (name, _) in ItemBulkIndexes.all { #expect(try schemaSQL(cache, name) != nil, "\(name)") }
        var other = Fixture.snapshot(items: Self.items)
        other.collection.uri = "urn:other"
        other.collection.alias = "other"
        try cache.apply(other, origin: .remote("r"))
        for (name, _) in ItemBulkIndexes.all { #expect(try schemaSQL(cache, name) != nil, "\(name)") }
        #expect(try cache.itemCount(collectionURI: "urn:other", filter: ItemFilter(text: "europeen"), now: now) == 1)
        #expect(try numbers(cache, "europeen") == [1])
        #expect(try numbers(cache, "ETUDE jur") == [2])
        #expect(try numbers(cache, "p") == [1, 2])
        // Would be a phrase query, which an index without positions refuses.
        #expect(try numbers(cache, "\u{05D0}\u{05B7}\u{05D1}") == [3])
        #expect(try numbers(cache, "shal \u{05D0}\u{05B7}\u{05D1}") == [3])
        let reference = try cache.pool.read { db in
            try CacheDatabase.sqlItemCount(collectionURI: uri, filter: ItemFilter(text: "\u{05D0}\u{05B7}\u{05D1}"), now: now, in: db)
        }
        #expect(reference == 1)
    }

    /// A cache written by the v8 schema (full-detail text index, the two old indexes) migrates,
    /// and its items are found by the new index.
    @Test func aVersion8CacheIsMigrated() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v8.sqlite")
        let queue = try DatabaseQueue(path: path)
        try CacheSchema.migrator.migrate(queue, upTo: "v7-filter-index-snapshot")
        try queue.write { db in
            try OldSchemaFixture.insert(Fixture.snapshot(items: Self.items), in: db)
            try db.execute(sql: "INSERT INTO item_fts(item_fts) VALUES('rebuild')")
            let full = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'item_fts'")
            #expect(full?.contains("detail") == false)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item_fts WHERE item_fts MATCH '\"legal\"*'") == 1)
        }
        try queue.close()

        let migrated = try CacheDatabase(path: path)
        #expect(try schemaSQL(migrated, "item_fts")?.contains("detail = none") == true)
        #expect(try schemaSQL(migrated, "item_topic_by_topic_date") == nil)
        #expect(try schemaSQL(migrated, "item_by_collection_date") == nil)
        #expect(try schemaSQL(migrated, "item_by_collection_kind") == nil)
        // The two reads the merged index is for still read only the index.
        let plans = try migrated.pool.read { db in
            try ["SELECT id, kind, list_date FROM item WHERE collection_uri = ?",
                 "SELECT MAX(published) FROM item WHERE collection_uri = ?"].map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: [uri]).map { $0["detail"] as String }
                    .joined(separator: "; ")
            }
        }
        for plan in plans { #expect(plan.contains("COVERING INDEX item_by_collection_published_kind"), "\(plan)") }
        #expect(try numbers(migrated, "europeen") == [1])
        #expect(try numbers(migrated, "legal") == [2])
        // Implied category rows are gone; a category still selects its terms' items, in both paths.
        let implied = try migrated.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item_topic WHERE position IS NULL")
        }
        #expect(implied == 0)
        let category = ItemFilter(topicURIs: [Fixture.ictCategory.uri])
        #expect(try migrated.itemCount(collectionURI: uri, filter: category, now: now) == 1)
        let reference = try migrated.pool.read { db in
            (try CacheDatabase.sqlItemCount(collectionURI: uri, filter: category, now: now, in: db),
             try CacheDatabase.sqlFacetCounts(collectionURI: uri, filter: .none, now: now, in: db))
        }
        #expect(reference.0 == 1)
        #expect(reference.1 == (try migrated.facetCounts(collectionURI: uri, filter: .none, now: now)))
        try migrated.pool.write { db in try db.execute(sql: "INSERT INTO item_fts(item_fts, rank) VALUES('integrity-check', 1)") }
        // Later applies keep the new index in step (update, delete).
        var edited = Self.items
        edited[1].body = "Cherries."
        try migrated.apply(Fixture.snapshot(items: Array(edited.dropFirst())), origin: .embeddedSnapshot)
        #expect(try numbers(migrated, "legal") == [])
        #expect(try numbers(migrated, "cherr") == [2])
        #expect(try numbers(migrated, "europeen") == [])
        try migrated.pool.write { db in try db.execute(sql: "INSERT INTO item_fts(item_fts, rank) VALUES('integrity-check', 1)") }
    }
}
