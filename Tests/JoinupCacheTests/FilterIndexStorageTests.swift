import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupCache

/// The filter index stored in the cache file: written with every changing apply, loaded by a
/// freshly opened cache instead of being rebuilt, and never trusted when stale or damaged.
@Suite struct FilterIndexStorageTests {
    let folder: TemporaryFolder
    let path: String
    let uri = Fixture.collectionURI
    let now = Fixture.date(10)

    init() throws {
        folder = try TemporaryFolder()
        path = folder.path("cache.sqlite")
        let cache = try CacheDatabase(path: path)
        try cache.apply(Fixture.snapshot(items: Self.randomItems(count: 120, seed: 7)), origin: .remote("test"))
    }

    /// Items with random kinds, days, titles and 0–3 topics (categories included), reproducible.
    static func randomItems(count: Int, seed: UInt64) -> [Item] {
        var rng = SplitMix64(seed: seed)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &rng) }
        let words = ["open", "source", "européen", "data", "legal", "procurement"]
        return (0..<count).map { n in
            let topics = (0..<next(4)).map { _ in Fixture.topics[next(Fixture.topics.count)] }
            var item = Fixture.item(n, kind: ItemKind.allCases[next(ItemKind.allCases.count)],
                                    topics: Array(Set(topics)).sorted { $0.uri < $1.uri }, day: Double(next(30)),
                                    title: "\(words[next(words.count)]) \(words[next(words.count)]) \(n)")
            item.body = words[next(words.count)]
            return item
        }
    }

    private func storedRow(in cache: CacheDatabase) throws -> (version: Int64, data: Data)? {
        try cache.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT content_version, data FROM filter_index_snapshot WHERE collection_uri = ?",
                             arguments: [uri]).map { ($0["content_version"], $0["data"]) }
        }
    }

    private func sameContent(_ a: FilterIndex, _ b: FilterIndex) -> Bool {
        a.version == b.version && a.ids == b.ids && a.kinds == b.kinds && a.dates == b.dates
            && a.topicStart == b.topicStart && a.topicIDs == b.topicIDs && a.topicURIs == b.topicURIs
            && a.newestOrder == b.newestOrder
    }

    @Test func anApplyStoresTheIndexAtTheNewContentVersion() throws {
        let cache = try CacheDatabase(path: path)
        let stored = try #require(try storedRow(in: cache))
        try cache.pool.read { db in
            let version = try Int64.fetchOne(db, sql: "SELECT content_version FROM collection WHERE uri = ?", arguments: [uri])
            #expect(stored.version == version)
            let built = try FilterIndex.build(collectionURI: uri, version: stored.version, in: db)
            let loaded = try #require(FilterIndexStorage.decode(stored.data, version: stored.version))
            #expect(sameContent(loaded, built))
            #expect(loaded.count == 120)
        }
        // Another apply that changes items stores the next version.
        var items = Self.randomItems(count: 120, seed: 7)
        items[3].title = "Changed title"
        try cache.apply(Fixture.snapshot(items: items), origin: .remote("test"))
        #expect(try storedRow(in: cache)?.version == stored.version + 1)
    }

    /// A cache opened afresh answers from the stored index exactly what plain SQL answers.
    @Test func aReopenedCacheAnswersFromTheStoredIndexLikeSQL() throws {
        let reopened = try CacheDatabase(path: path)
        let filters: [ItemFilter] = [
            .none, ItemFilter(topicURIs: [Fixture.ictCategory.uri]), ItemFilter(kinds: [.event, .news]),
            ItemFilter(text: "europ"), ItemFilter(topicURIs: [Fixture.legal.uri], excludedTopicURIs: [Fixture.oss.uri]),
        ]
        for filter in filters {
            for sort in ItemSort.allCases {
                let fast = try reopened.filteredItems(collectionURI: uri, filter: filter, sort: sort, limit: 200, now: now)
                let reference = try reopened.sqlReference(collectionURI: uri, filter: filter, sort: sort, limit: 200, now: now)
                #expect(fast == reference, "\(filter) \(sort)")
            }
        }
    }

    @Test func damagedOrStaleBlobsAreNotUsed() throws {
        let cache = try CacheDatabase(path: path)
        let stored = try #require(try storedRow(in: cache))
        let good = try #require(FilterIndexStorage.decode(stored.data, version: stored.version))
        // Truncated, extended, or with a topic number out of range: all refused.
        #expect(FilterIndexStorage.decode(stored.data.prefix(stored.data.count - 1), version: 1) == nil)
        #expect(FilterIndexStorage.decode(stored.data + Data([0]), version: 1) == nil)
        #expect(FilterIndexStorage.decode(Data(), version: 1) == nil)
        // Whole, well-formed blobs (encoded, not patched at a byte offset) whose one topic number
        // is past the topic list: refused; the same blob with that number in range: accepted.
        try #require(!good.topicIDs.isEmpty)
        func blob(firstTopicID: UInt16) -> Data {
            var topicIDs = good.topicIDs
            topicIDs[0] = firstTopicID
            return FilterIndexStorage.encode(FilterIndex(
                version: good.version, ids: good.ids, kinds: good.kinds, dates: good.dates, topicStart: good.topicStart,
                topicIDs: topicIDs, topicURIs: good.topicURIs, topicNumbers: good.topicNumbers, newestOrder: good.newestOrder))
        }
        #expect(FilterIndexStorage.decode(blob(firstTopicID: UInt16(good.topicURIs.count)), version: 1) == nil)
        #expect(FilterIndexStorage.decode(blob(firstTopicID: UInt16(good.topicURIs.count - 1)), version: 1) != nil)
        // A stale or garbled blob in the file: the cache builds the index instead and stays right.
        try cache.pool.write { db in
            try db.execute(sql: "UPDATE filter_index_snapshot SET data = x'00010203'")
        }
        let reopened = try CacheDatabase(path: path)
        let expected = try reopened.pool.read { db in
            try CacheDatabase.sqlItemCount(collectionURI: uri, filter: ItemFilter(kinds: [.event]), now: now, in: db)
        }
        #expect(try reopened.itemCount(collectionURI: uri, filter: ItemFilter(kinds: [.event]), now: now) == expected)
        let loaded = try reopened.pool.read { db in
            [try FilterIndexStorage.load(collectionURI: uri, version: stored.version, in: db),
             try FilterIndexStorage.load(collectionURI: uri, version: stored.version + 1, in: db)]
        }
        #expect(loaded.allSatisfy { $0 == nil })
    }

    /// When a topic's parent changes, every other collection's stored index is dropped (its
    /// implied categories changed too) and rebuilt on use.
    @Test func aChangedTopicParentDropsOtherCollectionsBlobs() throws {
        let cache = try CacheDatabase(path: path)
        var other = Fixture.snapshot(items: [])
        other.collection.uri = "urn:other"
        other.collection.alias = "other"
        other.items = (0..<3).map { n in
            var item = Fixture.item(500 + n, topics: [Fixture.oss], day: Double(n))
            item.collectionURI = "urn:other"
            return item
        }
        try cache.apply(other, origin: .remote("test"))
        let count = { try cache.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM filter_index_snapshot") } }
        #expect(try count() == 2)
        var moved = Fixture.snapshot(items: Self.randomItems(count: 120, seed: 7))
        moved.topics = Fixture.topics.map { topic in
            var topic = topic
            if topic.uri == Fixture.oss.uri { topic.parentURI = Fixture.govCategory.uri }
            return topic
        }
        try cache.apply(moved, origin: .remote("test"))
        #expect(try count() == 1)
        let reopened = try CacheDatabase(path: path)
        #expect(try reopened.itemCount(collectionURI: "urn:other", filter: ItemFilter(topicURIs: [Fixture.govCategory.uri]),
                                       now: now) == 3)
    }

    /// A cache written before v7 gets the index of each collection stored by the migration.
    @Test func theMigrationStoresIndexesOfExistingCollections() throws {
        let oldPath = folder.path("v5.sqlite")
        let queue = try DatabaseQueue(path: oldPath)
        try CacheSchema.migrator.migrate(queue, upTo: "v5: saved views")
        try queue.write { db in try OldSchemaFixture.insert(Fixture.snapshot(items: Self.randomItems(count: 30, seed: 3)), in: db) }
        try queue.close()
        let migrated = try CacheDatabase(path: oldPath)
        let stored = try #require(try storedRow(in: migrated))
        #expect(FilterIndexStorage.decode(stored.data, version: stored.version)?.count == 30)
    }
}

/// A snapshot whose items come packed stores exactly what the same items as an array store.
@Suite struct PackedSnapshotApplyTests {
    @Test func packedItemsStoreLikeAnArray() throws {
        let folder = try TemporaryFolder()
        var items = FilterIndexStorageTests.randomItems(count: 60, seed: 5)
        items.append(items[3])  // a repeated id: the first occurrence wins either way
        let plain = try CacheDatabase(path: folder.path("plain.sqlite"))
        let packed = try CacheDatabase(path: folder.path("packed.sqlite"))
        let now = Fixture.date(10)
        let first = try plain.apply(Fixture.snapshot(items: items), origin: .remote("r"), at: now)
        var snapshot = Fixture.snapshot(items: Array(items[..<10]))
        var rest = PackedItems()
        rest.append(contentsOf: Array(items[10...]))
        snapshot.packedItems = rest
        let second = try packed.apply(snapshot, origin: .remote("r"), at: now)
        #expect(first == second)
        func rows(_ cache: CacheDatabase) throws -> [[String]] {
            try cache.pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT guid, kind, title, body, author, published, list_date, content_hash, title_key,
                           (SELECT GROUP_CONCAT(topic_uri || '@' || COALESCE(position, '-')) FROM item_topic WHERE item_id = item.id)
                    FROM item ORDER BY id
                    """).map { row in (0..<10).map { "\(row[$0] as DatabaseValue)" } }
            }
        }
        #expect(try rows(plain) == rows(packed))
        // Changing through the packed path updates like the array path does.
        var changed = items
        changed[20].title = "Changed"
        var again = Fixture.snapshot(items: [])
        var all = PackedItems()
        all.append(contentsOf: changed)
        again.packedItems = all
        let update = try packed.apply(again, origin: .remote("r"), at: now)
        #expect(update.updatedItems == 1 && update.newItems == 0 && update.deletedItems == 0)
    }
}
