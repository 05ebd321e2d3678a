import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupCache

/// `joinup doctor` and `--reset-cache` on real files: healthy, future, garbage, truncated.
@Suite struct CacheMaintenanceTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.path("joinup.sqlite")
    }

    /// A healthy cache holding the sample collection, one saved view, one queued leave and one
    /// recorded membership (a join delivered as pending).
    private func healthyCache() throws -> CacheDatabase {
        let cache = try CacheDatabase(path: path)
        try cache.apply(Fixture.snapshot(items: Fixture.sampleItems, members: [Fixture.member(1)]), origin: .embeddedSnapshot)
        var filter = ItemFilter()
        filter.text = "moodle"
        try cache.saveView(collectionURI: Fixture.collectionURI, filter: filter, sort: .oldest)
        let join = try cache.enqueue(MembershipRequest(collectionAlias: "test", collectionURI: Fixture.collectionURI,
                                                       collectionTitle: "Test collection", kind: .join))
        try cache.recordDelivery(of: join.id, membership: .pending)
        _ = try cache.enqueue(MembershipRequest(collectionAlias: "other", collectionURI: "http://data.europa.eu/w21/other",
                                                collectionTitle: "Other", kind: .leave))
        try cache.setRead(true, collectionURI: Fixture.collectionURI, ids: [Fixture.sampleItems[0].id, Fixture.sampleItems[2].id])
        try cache.recordOpening(collectionURI: Fixture.collectionURI, now: Fixture.date(20))
        try cache.recordDigest(at: Fixture.date(21))
        return cache
    }

    static let userRows = ["saved_view": 1, "outbox": 1, "my_membership": 1, "read_state": 2, "collection_opened": 1,
                           "digest_run": 1]

    private func asideFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".broken-") }
    }

    @Test func aHealthyCacheIsReportedWithItsSchemaAndCounts() throws {
        _ = try healthyCache()
        let diagnosis = CacheDoctor.diagnose(path: path)
        #expect(diagnosis.health == .healthy && diagnosis.isUsable)
        #expect(diagnosis.integrity == ["ok"])
        #expect(diagnosis.appliedMigrations == CacheSchema.migrator.migrations)
        #expect(diagnosis.rowCounts == ["collection": 1, "item": 5, "member": 1].merging(Self.userRows) { $1 })
        #expect(diagnosis.fileSize > 0)
    }

    @Test func doctorNeverWritesTheFile() throws {
        _ = try healthyCache()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = CacheDoctor.diagnose(path: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aMissingFileIsNotAnError() {
        let diagnosis = CacheDoctor.diagnose(path: path)
        #expect(diagnosis.health == .missing && diagnosis.isUsable)
    }

    @Test func aFutureSchemaIsNamedAndLeftUntouched() throws {
        _ = try healthyCache()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
            try db.execute(sql: "CREATE TABLE future_thing (x)")
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: CacheError.newerSchema(path: path)) { try CacheDatabase(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "opening must not migrate a newer file")
        #expect(CacheDoctor.diagnose(path: path).health == .newerSchema(unknownMigrations: ["v99-from-the-future"]))
    }

    @Test(arguments: ["garbage", "empty", "truncated", "zeroed-pages"])
    func aDamagedFileIsBrokenAndResetMovesItAside(kind: String) throws {
        _ = try healthyCache()
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let damaged: Data = switch kind {
        case "garbage": Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        case "empty": Data()
        case "truncated": original.prefix(original.count / 3)
        default: original.prefix(4096) + Data(repeating: 0, count: original.count - 4096)
        }
        try damaged.write(to: URL(fileURLWithPath: path))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }

        let diagnosis = CacheDoctor.diagnose(path: path)
        guard case .broken(let reason) = diagnosis.health else {
            Issue.record("\(kind): expected broken, got \(diagnosis.health)")
            return
        }
        #expect(!reason.isEmpty)

        let report = try CacheReset.reset(path: path)
        let movedTo = try #require(report.movedTo)
        #expect(try Data(contentsOf: URL(fileURLWithPath: movedTo)) == damaged, "\(kind): the old bytes must be kept as they were")
        #expect(CacheDoctor.diagnose(path: path).health == .healthy)
        #expect(try CacheDatabase(path: path).isEmpty())
    }

    @Test func resetKeepsTheUserDataOfAReadableFile() throws {
        var cache: CacheDatabase? = try healthyCache()
        let expected = try #require(try cache?.savedView(collectionURI: Fixture.collectionURI))
        let queued = try cache?.pendingActions()
        cache = nil  // a reset waits until nothing has the cache open
        let report = try CacheReset.reset(path: path)
        #expect(report.preservedRows == Self.userRows)
        #expect(report.unreadableTables.isEmpty)
        let fresh = try CacheDatabase(path: path)
        #expect(try fresh.isEmpty(), "synced data is fetched again, not copied")
        let kept = try #require(try fresh.savedView(collectionURI: Fixture.collectionURI))
        #expect(kept.0 == expected.0 && kept.1 == expected.1)
        #expect(try fresh.pendingActions() == queued, "the outbox keeps its requests and their idempotency keys")
        #expect(try fresh.myMembership(collectionURI: Fixture.collectionURI) == .pending)
        #expect(try fresh.lastDigest() == Fixture.date(21))
        #expect(try fresh.recordOpening(collectionURI: Fixture.collectionURI) == Fixture.date(20))
        // The read marks apply again once the items are synced again.
        try fresh.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot)
        #expect(try fresh.unreadCount(collectionURI: Fixture.collectionURI) == 3)
        #expect(try fresh.isRead(collectionURI: Fixture.collectionURI, id: Fixture.sampleItems[0].id))
        #expect(try asideFiles().filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.count == 1)
        #expect(CacheDoctor.diagnose(path: try #require(report.movedTo)).rowCounts["item"] == 5, "the old file is intact")
    }

    @Test func resetOfANewerFileKeepsTheColumnsBothKnow() throws {
        _ = try healthyCache()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
            try db.execute(sql: "ALTER TABLE saved_view ADD COLUMN colour TEXT DEFAULT 'blue'")
        }
        try queue.close()
        let report = try CacheReset.reset(path: path)
        #expect(report.preservedRows == Self.userRows)
        #expect(try CacheDatabase(path: path).savedView(collectionURI: Fixture.collectionURI)?.1 == .oldest)
    }

    @Test func aResetIsRefusedWhileTheCacheIsOpenAndNamesWhoHasIt() throws {
        let cache = try healthyCache()
        var refusal: (any Error)?
        do { _ = try CacheReset.reset(path: path) } catch { refusal = error }
        let message = "\(try #require(refusal, "a reset must not pull the file from under an open cache"))"
        #expect(message.contains("PID \(getpid())") && message.contains("nothing was changed"), "\(message)")
        #expect(try asideFiles().isEmpty)
        #expect(try cache.pendingActions().count == 1, "the open cache still reads its own file")
    }

    @Test func lockHoldersAreTheFlockHoldersOfTheLockFileOnly() {
        let locks = """
            1: FLOCK  ADVISORY  READ  5698 fe:00:16223077 0 EOF
            1: -> FLOCK  ADVISORY  WRITE 7000 fe:00:16223077 0 EOF
            2: FLOCK  ADVISORY  READ  5701 fe:00:16223077 0 EOF
            3: FLOCK  ADVISORY  READ  5698 fe:00:16223077 0 EOF
            4: POSIX  ADVISORY  WRITE 4830 fe:00:16223077 0 EOF
            5: FLOCK  ADVISORY  WRITE 4831 fe:01:16223077 0 EOF
            6: FLOCK  ADVISORY  WRITE 4832 fe:00:99 0 EOF
            """
        // Device fe:00 as glibc encodes it; the waiter (->), a POSIX lock and other files are not holders.
        #expect(CacheLock.lockingPIDs(procLocks: locks, device: 0xfe00, inode: 16223077) == [5698, 5701])
    }

    @Test func aWriteIntoAFileMovedAsideIsRefusedAndLandsNowhere() throws {
        let cache = try healthyCache()
        // What an unlocked reset did: the open file moved aside, another put in its place.
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.moveItem(atPath: path + suffix, toPath: path + ".moved" + suffix)
        }
        _ = try CacheDatabase(path: path)
        #expect(throws: (any Error).self, "the join would be lost in the moved file") {
            try cache.enqueue(MembershipRequest(collectionAlias: "third", collectionURI: "http://data.europa.eu/w21/third",
                                                collectionTitle: "Third", kind: .join))
        }
        let moved = try DatabaseQueue(path: path + ".moved", configuration: CacheDoctor.readOnlyConfiguration())
        #expect(try moved.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox") } == 1)
        try moved.close()
        #expect(try CacheDatabase(path: path).pendingActions().isEmpty)
    }

    @Test func twoResetsInTheSameSecondKeepBothOldFiles() throws {
        _ = try healthyCache()
        let now = Date()
        let first = try CacheReset.reset(path: path, now: now)
        let second = try CacheReset.reset(path: path, now: now)
        #expect(first.movedTo != second.movedTo)
        #expect(try asideFiles().filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.count == 2)
    }
}
