import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupCache

/// Cache files that users already have: one written by main before the records and the one-place
/// migrations (Fixtures/cache), and files edited behind joinup's back.
@Suite struct CacheCompatibilityTests {
    static let ospo = "http://data.europa.eu/w21/0ea48cb0-4f45-4a6e-9d0b-7b3f2a1c5e21"
    static let cybersecurity = "http://data.europa.eu/w21/9c4d2e7b-1a5f-4c3e-b8d2-6e0f7a1b3c59"

    /// A copy of the fixture cache, loaded by the `sqlite3` shell (not by joinup's code).
    static func cacheWrittenByMain(in folder: TemporaryFolder) throws -> String {
        let path = folder.path("joinup.sqlite")
        let dump = packageRoot.appendingPathComponent("Fixtures/cache/main-807a58d.sql").path
        let load = try runCommand("/usr/bin/env", ["sqlite3", "-bail", path, ".read '\(dump)'"])
        try #require(load.status == 0, "sqlite3: \(load.stderr)")
        return path
    }

    private func schema(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_schema ORDER BY name")
        }
    }

    @Test func aCacheWrittenByMainOpensUnchangedAndReadsBack() throws {
        let folder = try TemporaryFolder()
        let path = try Self.cacheWrittenByMain(in: folder)
        let rowsBefore = try TableDump.lines(of: path), schemaBefore = try schema(path)
        let applied = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        let registered = CacheSchema.migrator.migrations
        #expect(Set(applied).isSubset(of: Set(registered)), "every identifier main recorded is still registered")

        // Opening runs only the migrations main did not have; no row main wrote changes.
        let cache = try CacheDatabase(path: path)
        let added = registered.filter { !applied.contains($0) }
        #expect(try TableDump.lines(of: path) == (rowsBefore + added.map { "grdb_migrations: identifier='\($0)'" }).sorted())
        #expect(Set(schemaBefore).isSubset(of: Set(try schema(path))))

        // Every table main wrote reads back through the records.
        #expect(Set(try cache.collections().map(\.alias)) == ["ec-open-source-programme-office", "cybersecurity-working-group"])
        let about = try cache.about(collectionURI: Self.ospo)
        #expect(about.alias == "ec-open-source-programme-office")
        #expect(about.modified == Date(timeIntervalSinceReferenceDate: 700_474_320))
        let rows = try cache.itemSummaries(collectionURI: Self.cybersecurity, filter: .none, offset: 0, limit: 100)
        #expect(rows.count == 12)
        let detail = try #require(try cache.item(collectionURI: Self.cybersecurity, id: rows[0].id))
        #expect(detail.item.kind == rows[0].kind && detail.item.title == rows[0].title)
        #expect(detail.item.topicURIs == detail.topics.map(\.uri))
        #expect(try cache.members(collectionURI: Self.ospo).count > 0)
        let pending = try #require(try cache.pendingActions().first)
        #expect(pending.kind == .join && pending.collectionAlias == "cybersecurity-working-group")
        #expect(pending.lastError == "not signed in" && pending.attempts == 0)
        #expect(try cache.myMembership(collectionURI: Self.ospo) == .active)
        let view = try #require(try cache.savedView(collectionURI: Self.ospo))
        #expect(view.0 == ItemFilter(topicURIs: ["http://joinup.eu/ontology/topic#ict"], kinds: [.news], text: "open",
                                     since: Date(timeIntervalSinceReferenceDate: 700_000_000)))
        #expect(view.1 == .title)
        #expect(try cache.syncStatus(alias: "cybersecurity-working-group")?.lastError == nil)
        #expect(try cache.syncStatus(alias: "cybersecurity-working-group")?.lastSuccess != nil)
        #expect(try cache.header(collectionURI: Self.ospo).membership == .active)

        // And the new code keeps writing into it.
        try cache.apply(Fixture.snapshot(items: [FilterQueryTests.item(1, topics: [Fixture.oss], day: 1, title: "Zürich")]),
                        origin: .embeddedSnapshot)
        #expect(try cache.itemCount(collectionURI: Fixture.collectionURI, filter: ItemFilter(text: "zurich")) == 1)
        #expect(try cache.header(collectionURI: Self.ospo).membership == .active, "a re-import keeps the membership")
    }

    /// A kind this joinup does not know is an error naming the column, never a News.
    @Test func aStoredKindThisJoinupDoesNotKnowIsAnErrorNotANews() throws {
        let folder = try TemporaryFolder()
        let path = try Self.cacheWrittenByMain(in: folder)
        let queue = try DatabaseQueue(path: path)
        let guid = try queue.write { db in
            let guid = try String.fetchOne(db, sql: "SELECT guid FROM item WHERE collection_uri = ? ORDER BY id LIMIT 1",
                                           arguments: [Self.cybersecurity])
            try db.execute(sql: "UPDATE item SET kind = 'podcast' WHERE guid = ?", arguments: [guid])
            return try #require(guid)
        }
        try queue.close()
        let cache = try CacheDatabase(path: path)
        func expectUnreadableKind(_ read: () throws -> Void) {
            do {
                try read()
                Issue.record("the item with kind 'podcast' was read")
            } catch {
                #expect("\(error)".contains("podcast") && "\(error)".contains("kind"), "\(error)")
            }
        }
        expectUnreadableKind { _ = try cache.item(collectionURI: Self.cybersecurity, id: guid) }
        expectUnreadableKind { _ = try cache.itemSummaries(collectionURI: Self.cybersecurity, filter: .none, offset: 0, limit: 100) }
        expectUnreadableKind { _ = try cache.items(collectionURI: Self.cybersecurity, filter: .none) }

        // Without a stored filter index, building one reads every kind.
        let fresh = try DatabaseQueue(path: path)
        try fresh.write { db in try db.execute(sql: "DELETE FROM filter_index_snapshot") }
        try fresh.close()
        let reopened = try CacheDatabase(path: path)
        #expect(throws: CacheError.unreadableValue(column: "item.kind", value: "podcast")) {
            try reopened.itemCount(collectionURI: Self.cybersecurity, filter: .none)
        }
        // The other collection is untouched.
        #expect(try reopened.itemCount(collectionURI: Self.ospo, filter: .none) == 8)
    }

    @Test func otherUnknownStoredValuesAreErrorsToo() throws {
        let folder = try TemporaryFolder()
        let path = try Self.cacheWrittenByMain(in: folder)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE member SET roles = 'member,overlord' WHERE rowid = (SELECT MIN(rowid) FROM member)")
            try db.execute(sql: "UPDATE outbox SET kind = 'rejoin'")
        }
        try queue.close()
        let cache = try CacheDatabase(path: path)
        #expect(throws: CacheError.unreadableValue(column: "member.roles", value: "overlord")) {
            _ = try cache.members(collectionURI: Self.ospo) + cache.members(collectionURI: Self.cybersecurity)
        }
        #expect(throws: (any Error).self) { try cache.pendingActions() }
    }
}
