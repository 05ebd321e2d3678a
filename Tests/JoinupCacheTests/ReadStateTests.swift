import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupCache

/// Read state on a real SQLite file: keyed by the feed's guid so re-syncs and edits keep it, one
/// statement for "mark all read", the unread filter and counts, and the digest's arrivals.
@Suite struct ReadStateTests {
    let folder: TemporaryFolder
    let cache: CacheDatabase
    let uri = Fixture.collectionURI

    init() throws {
        folder = try TemporaryFolder()
        cache = try CacheDatabase(path: folder.path("joinup.sqlite"))
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot, at: Fixture.date(10))
    }

    private func id(_ n: Int) -> String { Fixture.item(n, topics: [], day: 0).id }

    private func unreadIDs(_ filter: ItemFilter = ItemFilter(readState: .unread)) throws -> [String] {
        try cache.itemSummaries(collectionURI: uri, filter: filter, offset: 0, limit: 100).map(\.id)
    }

    @Test func everyItemStartsUnreadAndMarksShowInRowsCountsAndFilters() throws {
        #expect(try cache.unreadCount(collectionURI: uri) == 5)
        try cache.setRead(true, collectionURI: uri, ids: [id(1), id(3)])
        #expect(try cache.unreadCount(collectionURI: uri) == 3)
        #expect(try cache.header(collectionURI: uri).unreadCount == 3)
        #expect(try cache.collections().first?.unreadCount == 3)
        // Newest first: 2 (day 9), 1 (5), 4 (3), 5 (2), 3 (1).
        #expect(try unreadIDs() == [id(2), id(4), id(5)])
        #expect(try unreadIDs(ItemFilter(readState: .read)) == [id(1), id(3)])
        let rows = try cache.itemSummaries(collectionURI: uri, filter: .none, offset: 0, limit: 10)
        #expect(rows.map(\.isRead) == [false, true, false, false, true])
        let filtered = try cache.filteredItems(collectionURI: uri, filter: ItemFilter(kinds: [.news], readState: .read), limit: 10)
        #expect(filtered.count == 2)
        #expect(filtered.unreadCount == 1, "the Unread count ignores the read-state selection: news 4 is unread")
        try cache.setRead(false, collectionURI: uri, ids: [id(1)])
        #expect(try unreadIDs() == [id(2), id(1), id(4), id(5)])
    }

    @Test func readStateSurvivesAResyncAnEditOnTheRemoteAndADeleteAndReturn() throws {
        try cache.setRead(true, collectionURI: uri, ids: [id(1), id(2)])
        var items = Fixture.sampleItems
        items[0].title = "Item 1, edited on the remote"
        items[0].body = "A new body."
        let edited = try cache.apply(Fixture.snapshot(items: items), origin: .embeddedSnapshot)
        #expect(edited.updatedItems == 1)
        #expect(try cache.isRead(collectionURI: uri, id: id(1)))
        // Item 2 leaves the remote's listing, then comes back with a new row id.
        try cache.apply(Fixture.snapshot(items: items.filter { $0.id != id(2) }), origin: .embeddedSnapshot)
        try cache.apply(Fixture.snapshot(items: items), origin: .embeddedSnapshot)
        #expect(try unreadIDs() == [id(4), id(5), id(3)])
        #expect(try cache.unreadCount(collectionURI: uri) == 3)
    }

    @Test func markAllReadMarksWhatTheFilterShowsInOneStatement() throws {
        let statements = StatementCounter()
        cache.pool.writeWithoutTransaction { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { statements.record(statement.sql) }
            }
        }
        let marked = try cache.markAllRead(collectionURI: uri, filter: ItemFilter(topicURIs: [Fixture.oss.uri]))
        #expect(marked == 3, "items 1, 3 and 4 carry Open Source Software")
        #expect(statements.readStateInserts == 1)
        #expect(try unreadIDs() == [id(2), id(5)])
        #expect(try cache.markAllRead(collectionURI: uri, filter: ItemFilter(topicURIs: [Fixture.oss.uri])) == 0)
        #expect(try cache.markAllRead(collectionURI: uri, filter: .none) == 2)
        #expect(try cache.unreadCount(collectionURI: uri) == 0)
    }

    @Test func nextAndPreviousUnreadWrapAroundTheFilteredList() throws {
        // List: 2, 1, 4, 5, 3 (offsets 0–4); read 1 and 5, so unread at offsets 0, 2, 4.
        try cache.setRead(true, collectionURI: uri, ids: [id(1), id(5)])
        #expect(try cache.unreadOffset(collectionURI: uri, filter: .none, from: 0) == 2)
        #expect(try cache.unreadOffset(collectionURI: uri, filter: .none, from: 2) == 4)
        #expect(try cache.unreadOffset(collectionURI: uri, filter: .none, from: 4) == 0, "wraps to the top")
        #expect(try cache.unreadOffset(collectionURI: uri, filter: .none, from: 0, backward: true) == 4, "wraps to the bottom")
        #expect(try cache.unreadOffset(collectionURI: uri, filter: .none, from: 3, backward: true) == 2)
        // News only: 1, 4, 3 → unread 4 (offset 1) and 3 (offset 2).
        #expect(try cache.unreadOffset(collectionURI: uri, filter: ItemFilter(kinds: [.news]), from: 1) == 2)
        try cache.markAllRead(collectionURI: uri, filter: .none)
        #expect(try cache.unreadOffset(collectionURI: uri, filter: .none, from: 0) == nil)
    }

    @Test func arrivalsAreWhatSyncsStoredAfterAMomentGroupedByCollectionThenKind() throws {
        #expect(try cache.arrivals(since: Fixture.date(10), collectionURIs: nil).isEmpty)
        let later = Fixture.sampleItems + [Fixture.item(6, kind: .event, topics: [], day: 0),
                                           Fixture.item(7, topics: [], day: 4), Fixture.item(8, topics: [], day: 6)]
        try cache.apply(Fixture.snapshot(items: later), origin: .embeddedSnapshot, at: Fixture.date(11))
        let arrivals = try cache.arrivals(since: Fixture.date(10), collectionURIs: nil)
        #expect(arrivals.map(\.id) == [id(8), id(7), id(6)], "news newest first, then the event")
        #expect(arrivals.allSatisfy { $0.arrived == Fixture.date(11) })
        #expect(try cache.arrivals(since: Fixture.date(10), collectionURIs: ["http://data.europa.eu/w21/other"]).isEmpty)
        #expect(try cache.arrivals(since: nil, collectionURIs: nil).count == 8)
        #expect(try cache.lastDigest() == nil)
        try cache.recordDigest(at: Fixture.date(12), markingRead: arrivals)
        #expect(try cache.lastDigest() == Fixture.date(12))
        #expect(try cache.unreadCount(collectionURI: uri) == 5)
    }

    @Test func openingACollectionReturnsThePreviousOpening() throws {
        #expect(try cache.recordOpening(collectionURI: uri, now: Fixture.date(1)) == nil)
        #expect(try cache.recordOpening(collectionURI: uri, now: Fixture.date(2)) == Fixture.date(1))
        let rows = try cache.itemSummaries(collectionURI: uri, filter: .none, offset: 0, limit: 1)
        #expect(rows.first?.firstSeen == Fixture.date(10))
        #expect(rows.first?.isNew(since: Fixture.date(2)) == true)
        #expect(rows.first?.isNew(since: Fixture.date(10)) == false)
        #expect(rows.first?.isNew(since: nil) == false)
    }

    @Test func marksMadeByAnotherConnectionAreSeen() throws {
        #expect(try cache.unreadCount(collectionURI: uri) == 5)
        let other = try CacheDatabase(path: folder.path("joinup.sqlite"))
        try other.setRead(true, collectionURI: uri, ids: [id(2)])
        #expect(try cache.unreadCount(collectionURI: uri) == 4, "the in-memory read positions follow the stored version")
        #expect(try unreadIDs() == [id(1), id(4), id(5), id(3)])
    }

    /// Our own marks update the kept read positions in place; a mark by another writer in between
    /// makes the next read rebuild them instead (else its mark would be lost from the counts).
    @Test func ownMarksUpdateTheKeptPositionsAndAnotherWriterBetweenForcesARebuild() throws {
        #expect(try cache.unreadCount(collectionURI: uri) == 5)
        try cache.setRead(true, collectionURI: uri, ids: [id(1)])
        #expect(try cache.unreadCount(collectionURI: uri) == 4)
        #expect(try unreadIDs() == [id(2), id(4), id(5), id(3)])
        let other = try CacheDatabase(path: folder.path("joinup.sqlite"))
        try other.setRead(true, collectionURI: uri, ids: [id(2)])
        try cache.setRead(false, collectionURI: uri, ids: [id(1)])
        #expect(try unreadIDs() == [id(1), id(4), id(5), id(3)], "2 read by the other writer, 1 unread again")
        #expect(try cache.unreadCount(collectionURI: uri) == 4)
    }
}

/// Counts the statements the writer connection runs that insert read marks.
private final class StatementCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var inserts = 0

    var readStateInserts: Int { lock.withLock { inserts } }

    func record(_ sql: String) {
        if sql.contains("INTO read_state") { lock.withLock { inserts += 1 } }
    }
}
