import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// What `joinup doctor --reset-cache` did.
public struct CacheResetReport: Sendable, Equatable {
    /// Where the old file (and its -wal/-shm companions) now is; nil when there was none.
    public var movedTo: String?
    /// Rows of user data carried into the fresh cache, per table.
    public var preservedRows: [String: Int]
    /// Tables whose rows could not be read from the old file, with the reason.
    public var unreadableTables: [String: String]
}

/// Moves a broken (or unwanted) cache file aside and starts a fresh one, keeping the user's own data.
///
/// Synced data can always be fetched again; what the user made here cannot. Never deletes anything
/// of the old file, never runs while another joinup has the cache open (`CacheLock`), and never
/// leaves the path without a complete cache: the fresh one is written in full beside it first.
public enum CacheReset {
    /// Tables holding data only the user has (not re-syncable), copied from the old file when it
    /// is readable: saved views, the outbox of pending join/leave requests, your memberships, the
    /// collections you opened (the last one reopens), what you have read and when you last opened
    /// a collection or ran a digest. Add a table here when one is created.
    public static let userDataTables = ["saved_view", "outbox", "my_membership"] + ReadStateStorage.tables

    /// Takes the cache's exclusive lock (or throws `CacheAccessError.inUse` naming who has it open),
    /// writes a fresh cache beside `path` holding the `userDataTables` rows that can be read from
    /// the old file, then renames the old file (plus its -wal and -shm) to
    /// `<path>.broken-<UTC time>` and the fresh one to `path`. When the fresh cache cannot be
    /// written (a full disk) it throws `CacheAccessError.resetFailed` with the old file untouched.
    public static func reset(path: String, now: Date = Date()) throws -> CacheResetReport {
        let lock = try CacheLock.exclusive(cachePath: path)
        defer { withExtendedLifetime(lock) {} }
        removeLeftovers(of: path)
        let fresh = "\(path).new-\(getpid())"
        var report = CacheResetReport(movedTo: nil, preservedRows: [:], unreadableTables: [:])
        do {
            let cache = try CacheDatabase(path: fresh, lock: nil)
            if FileManager.default.fileExists(atPath: path) { try copyUserData(from: path, to: cache, into: &report) }
            try cache.checkpointAndClose()
            try finishTemporary(fresh)
        } catch {
            removeTemporary(fresh)
            throw CacheAccessError.resetFailed(path: path, reason: reason(error))
        }
        do {
            report.movedTo = try swapIn(fresh, at: path, now: now)
        } catch {
            removeTemporary(fresh)
            throw error
        }
        return report
    }

    /// Copies what can be read of each user-data table; a table the old file cannot give is
    /// reported (its rows stay in the old file), a failure to write the fresh file is thrown.
    private static func copyUserData(from path: String, to fresh: CacheDatabase, into report: inout CacheResetReport) throws {
        guard CacheDoctor.headerProblem(path: path) == nil else { return }
        let old: DatabaseQueue
        do {
            old = try DatabaseQueue(path: path, configuration: CacheDoctor.readOnlyConfiguration())
        } catch {
            for table in userDataTables { report.unreadableTables[table] = reason(error) }
            return
        }
        defer { try? old.close() }
        for table in userDataTables {
            let freshColumns = try fresh.pool.read { try $0.columns(in: table).map(\.name) }
            let rows: (columns: [String], rows: [Row])
            do {
                rows = try readRows(of: table, from: old, keeping: freshColumns)
            } catch {
                report.unreadableTables[table] = reason(error)
                continue
            }
            report.preservedRows[table] = try insert(rows.rows, columns: rows.columns, into: table, of: fresh)
        }
    }

    /// The fresh file complete on disk: its log merged and removed, its bytes synced. A file that
    /// is empty or not a database by now is a failure, never something to rename into place.
    private static func finishTemporary(_ fresh: String) throws {
        if CacheDoctor.fileSize(fresh + "-wal") > 0 { throw CacheAccessError.resetFailed(path: fresh, reason: "its write-ahead log could not be merged") }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: fresh + suffix) }
        if let problem = CacheDoctor.headerProblem(path: fresh) { throw CacheAccessError.resetFailed(path: fresh, reason: problem) }
        try fsyncPath(fresh)
    }

    /// Renames the old file and its companions aside, then the fresh file into place; on a failure
    /// the old names are restored. Returns where the old file went (nil: there was none).
    private static func swapIn(_ fresh: String, at path: String, now: Date) throws -> String? {
        let manager = FileManager.default
        var moved: [(from: String, to: String)] = []
        let aside = manager.fileExists(atPath: path) ? asideName(for: path, now: now) : nil
        do {
            if let aside {
                for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: path + suffix) {
                    try rename(path + suffix, to: aside + suffix)
                    moved.append((path + suffix, aside + suffix))
                }
            }
            try rename(fresh, to: path)
        } catch {
            for step in moved.reversed() { try? rename(step.to, to: step.from) }
            throw CacheAccessError.resetFailed(path: path, reason: reason(error))
        }
        // The renames themselves survive a power cut only once the folder is synced.
        try? fsyncPath((path as NSString).deletingLastPathComponent)
        return aside
    }

    /// Fresh files of resets that were killed half-way: with the exclusive lock held, no other
    /// reset is writing one.
    private static func removeLeftovers(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".new-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for name in names where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    private static func removeTemporary(_ fresh: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: fresh + suffix) }
    }

    private static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    private static func fsyncPath(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// SQLite's own words for its errors ("disk I/O error", "database or disk is full").
    private static func reason(_ error: any Error) -> String {
        switch error {
        case let database as DatabaseError: database.message ?? "\(database.resultCode)"
        case let access as CacheAccessError: if case .resetFailed(_, let reason) = access { reason } else { access.description }
        case let cache as CacheError: if case .unreadable(_, let reason) = cache { reason } else { cache.description }
        default: "\(error)"
        }
    }

    /// `joinup.sqlite` → `joinup.sqlite.broken-20260130T031500Z` (a number added if taken).
    static func asideName(for path: String, now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = "\(path).broken-\(formatter.string(from: now))"
        var candidate = base
        var number = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    /// The columns both files' `table` share (an older or newer schema may differ) and the old rows.
    static func readRows(of table: String, from old: DatabaseQueue, keeping freshColumns: [String]) throws -> (columns: [String], rows: [Row]) {
        try old.read { db in
            guard try db.tableExists(table) else { return ([], []) }
            let shared = try db.columns(in: table).map(\.name).filter(freshColumns.contains)
            guard !shared.isEmpty else { return ([], []) }
            let list = shared.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            return (shared, try Row.fetchAll(db, sql: "SELECT \(list) FROM \(table.quotedDatabaseIdentifier)"))
        }
    }

    /// Inserts `rows` in one transaction; rows already present in the fresh file are kept.
    static func insert(_ rows: [Row], columns: [String], into table: String, of fresh: CacheDatabase) throws -> Int {
        guard !columns.isEmpty else { return 0 }
        let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return try fresh.pool.write { db in
            let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO \(table.quotedDatabaseIdentifier) (\(list)) VALUES (\(marks))")
            var copied = 0
            for row in rows {
                try insert.execute(arguments: StatementArguments(columns.map { row[$0] as DatabaseValue }))
                copied += db.changesCount
            }
            return copied
        }
    }
}
