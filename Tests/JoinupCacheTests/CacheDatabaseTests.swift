import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupCache

@Suite struct CacheDatabaseTests {
    let folder: TemporaryFolder
    let cache: CacheDatabase

    init() throws {
        folder = try TemporaryFolder()
        cache = try CacheDatabase(path: folder.path("cache.sqlite"))
    }

    @Test func newCacheIsEmptyRealFile() throws {
        #expect(try cache.isEmpty())
        #expect(FileManager.default.fileExists(atPath: folder.path("cache.sqlite")))
    }

    @Test func appliedSnapshotReadsBack() throws {
        let result = try cache.apply(Fixture.snapshot(items: Fixture.sampleItems, members: [Fixture.member(1, roles: [.owner])]),
                                     origin: .embeddedSnapshot)
        #expect(result.newItems == 5)
        #expect(try !cache.isEmpty())
        #expect(try cache.itemCount(collectionURI: Fixture.collectionURI, filter: .none) == 5)
        let about = try cache.about(collectionURI: Fixture.collectionURI)
        #expect(about == Fixture.collection())
        let detail = try #require(try cache.item(collectionURI: Fixture.collectionURI, id: "4 at https://joinup.example"))
        #expect(detail.item == Fixture.sampleItems[3])
        #expect(detail.topics.map(\.label) == ["Digital government", "Legal", "Open Source Software"])
    }

    @Test func listIsNewestFirstWithLeadingTopicsAndRemainder() throws {
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot)
        let rows = try cache.itemSummaries(collectionURI: Fixture.collectionURI, filter: .none, offset: 0, limit: 10)
        #expect(rows.map(\.title) == ["Item 2", "Item 1", "Item 4", "Item 5", "Item 3"])
        #expect(rows[1].leadingTopics == ["Open Source Software", "ICT security"])
        #expect(rows[1].moreTopicCount == 1)
        #expect(rows[3].leadingTopics.isEmpty && rows[3].moreTopicCount == 0)
        let page = try cache.itemSummaries(collectionURI: Fixture.collectionURI, filter: .none, offset: 3, limit: 10)
        #expect(page.map(\.title) == ["Item 5", "Item 3"])
    }

    @Test func facetCountsInSQLAgreeWithFacetRules() throws {
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot)
        let sql = try cache.facetCounts(collectionURI: Fixture.collectionURI, filter: .none)
        let vocabulary = Dictionary(uniqueKeysWithValues: Fixture.topics.map { ($0.uri, $0) })
        let pure = FacetRules.counts(items: Fixture.sampleItems.map(\.topicURIs), vocabulary: vocabulary)
        #expect(sql == pure)
        #expect(sql.first == FacetCount(topic: Fixture.ictCategory, count: 4))
    }

    @Test func randomCollectionsCountTheSameInSQLAndInRules() throws {
        var generator = SplitMix64.forTest()
        let terms = Fixture.topics
        for round in 0..<5 {
            let items = (0..<60).map { n in
                Fixture.item(n, kind: ItemKind.allCases.randomElement(using: &generator)!,
                             topics: Array(terms.shuffled(using: &generator).prefix(Int.random(in: 0...4, using: &generator))),
                             day: Double(n))
            }
            try cache.apply(Fixture.snapshot(items: items), origin: .remote("round \(round)"))
            let kinds: Set<ItemKind> = [.news, .event]
            let sql = try cache.facetCounts(collectionURI: Fixture.collectionURI, filter: ItemFilter(topicURIs: [Fixture.oss.uri], kinds: kinds))
            let vocabulary = Dictionary(uniqueKeysWithValues: terms.map { ($0.uri, $0) })
            // The topic facet ignores its own selection, so only the kind filter narrows it.
            let pure = FacetRules.counts(items: items.filter { kinds.contains($0.kind) }.map(\.topicURIs), vocabulary: vocabulary)
            #expect(sql == pure, "round \(round), \(generator.replay)")
        }
    }

    @Test func topicFilterByCategoryAndByTermAreDifferent() throws {
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot)
        let byCategory = ItemFilter(topicURIs: [Fixture.ictCategory.uri])
        let byTerm = ItemFilter(topicURIs: [Fixture.ict.uri])
        #expect(try cache.itemCount(collectionURI: Fixture.collectionURI, filter: byCategory) == 4)
        #expect(try cache.itemCount(collectionURI: Fixture.collectionURI, filter: byTerm) == 1)
        let either = ItemFilter(topicURIs: [Fixture.ict.uri, Fixture.legal.uri])
        #expect(try cache.itemCount(collectionURI: Fixture.collectionURI, filter: either) == 2)
        let events = ItemFilter(topicURIs: [Fixture.ictCategory.uri], kinds: [.event])
        #expect(try cache.itemCount(collectionURI: Fixture.collectionURI, filter: events) == 1)
    }

    @Test func unchangedReapplyWritesOnlyTheSyncStamp() throws {
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot)
        let (result, rowsWritten) = try cache.pool.write { db in
            let before = db.totalChangesCount
            let result = try CacheDatabase.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot, now: Date(), in: db)
            return (result, db.totalChangesCount - before)
        }
        #expect(result.isUnchanged)
        #expect(result.unchangedItems == 5)
        #expect(rowsWritten == 1)  // the collection row's synced_at, nothing else
    }

    @Test func editedItemIsUpdatedInPlace() throws {
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot)
        var items = Fixture.sampleItems
        items[0].title = "Edited title"
        items[0].topicURIs = [Fixture.legal.uri]
        let result = try cache.apply(Fixture.snapshot(items: items), origin: .embeddedSnapshot)
        #expect(result.updatedItems == 1 && result.newItems == 0 && result.unchangedItems == 4)
        let detail = try #require(try cache.item(collectionURI: Fixture.collectionURI, id: items[0].id))
        #expect(detail.item.title == "Edited title")
        #expect(detail.topics == [Fixture.legal])
        // The implied category moved with the term.
        #expect(try cache.itemCount(collectionURI: Fixture.collectionURI, filter: ItemFilter(topicURIs: [Fixture.govCategory.uri])) == 3)
    }

    @Test func completeListingKeepsTheCachedCopyOfAnItemItCouldNotRead() throws {
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot)
        var listing = Fixture.snapshot(items: Array(Fixture.sampleItems.prefix(2)))
        listing.keptItemIDs = [Fixture.sampleItems[3].id]
        let result = try cache.apply(listing, origin: .embeddedSnapshot)
        #expect(result.deletedItems == 2)
        let kept = try #require(try cache.item(collectionURI: Fixture.collectionURI, id: Fixture.sampleItems[3].id))
        #expect(kept.item.title == Fixture.sampleItems[3].title)
        #expect(try cache.item(collectionURI: Fixture.collectionURI, id: Fixture.sampleItems[4].id) == nil)
    }

    @Test func completeListingDeletesMissingItemsPartialKeepsThem() throws {
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot)
        let partial = try cache.apply(Fixture.snapshot(items: Array(Fixture.sampleItems.prefix(2)), complete: false), origin: .embeddedSnapshot)
        #expect(partial.deletedItems == 0)
        #expect(try cache.itemCount(collectionURI: Fixture.collectionURI, filter: .none) == 5)
        let complete = try cache.apply(Fixture.snapshot(items: Array(Fixture.sampleItems.prefix(2))), origin: .embeddedSnapshot)
        #expect(complete.deletedItems == 3)
        #expect(try cache.itemCount(collectionURI: Fixture.collectionURI, filter: .none) == 2)
        let orphans = try cache.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item_topic WHERE item_id NOT IN (SELECT id FROM item)")
        }
        #expect(orphans == 0)
    }

    @Test func headerCountsActiveMembersAndNewestContent() throws {
        let members = (1...6).map { Fixture.member($0) } + [Fixture.member(7, state: .pending), Fixture.member(8, state: .blocked)]
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems, members: members, modified: Fixture.date(4)), origin: .embeddedSnapshot)
        let header = try cache.header(collectionURI: Fixture.collectionURI)
        #expect(header.memberCount == 6)
        #expect(header.lastUpdate == Fixture.date(9))
        #expect(header.count(of: .news) == 3 && header.count(of: .event) == 1 && header.count(of: .solution) == 0)
        #expect(header.origin == .embeddedSnapshot)
        #expect(try cache.members(collectionURI: Fixture.collectionURI).count == 6)
        #expect(try cache.members(collectionURI: Fixture.collectionURI, state: .pending).map(\.id) == ["m7"])
    }

    @Test func collectionNewerThanItsContentSetsLastUpdate() throws {
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems, modified: Fixture.date(20)), origin: .embeddedSnapshot)
        #expect(try cache.header(collectionURI: Fixture.collectionURI).lastUpdate == Fixture.date(20))
    }

    @Test func membersListOwnersAndFacilitatorsFirst() throws {
        let members = [Fixture.member(1), Fixture.member(2, roles: [.facilitator]), Fixture.member(3, roles: [.owner, .facilitator]), Fixture.member(4, roles: [.author])]
        try cache.apply(Fixture.snapshot(items: [], members: members), origin: .embeddedSnapshot)
        #expect(try cache.members(collectionURI: Fixture.collectionURI).map(\.id) == ["m3", "m2", "m4", "m1"])
    }

    @Test func aFirstVersionCacheIsMigratedKeepingItsData() throws {
        let path = folder.path("v1.sqlite")
        let queue = try DatabaseQueue(path: path)
        try CacheSchema.migrator.migrate(queue, upTo: "v1: collections, topics, items, members")
        try queue.write { db in
            try OldSchemaFixture.insert(Fixture.snapshot(items: Fixture.sampleItems, members: [Fixture.member(1)]), in: db)
        }
        try queue.close()
        let migrated = try CacheDatabase(path: path)
        let header = try migrated.header(collectionURI: Fixture.collectionURI)
        #expect(header.memberCount == 1 && header.membersPublished)
        #expect(try migrated.itemCount(collectionURI: Fixture.collectionURI, filter: .none) == 5)
        #expect(try migrated.syncStatus(alias: "test") == nil)
    }

    @Test func cacheFromANewerJoinupIsRefusedClearly() throws {
        let path = folder.path("future.sqlite")
        _ = try CacheDatabase(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        #expect(throws: CacheError.newerSchema(path: path)) { try CacheDatabase(path: path) }
    }

    @Test func fileThatIsNotADatabaseGetsAClearError() throws {
        let path = folder.path("garbage.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        #expect {
            try CacheDatabase(path: path)
        } throws: { error in
            guard case CacheError.unreadable(let where_, _) = error else { return false }
            return where_ == path && "\(error)".contains("joinup doctor --reset-cache")
        }
    }

    @Test func unknownCollectionIsAClearError() throws {
        #expect(throws: CacheError.unknownCollection("nope")) { try cache.header(collectionURI: "nope") }
    }
}
