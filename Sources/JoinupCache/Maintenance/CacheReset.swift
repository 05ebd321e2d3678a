import Foundation
import GRDB

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
/// Synced data can always be fetched again; what the user made here cannot. Never deletes anything.
public enum CacheReset {
    /// Tables holding data only the user has (not re-syncable), copied from the old file when it
    /// is readable: saved views, the outbox of pending join/leave requests, your memberships. Add a table here when one is created.
    public static let userDataTables = ["saved_view", "outbox", "my_membership"]

    /// Renames the file at `path` to `<path>.broken-<UTC time>` (plus its -wal and -shm), creates a
    /// fresh cache at `path`, and copies the `userDataTables` rows that can be read from the old one.
    public static func reset(path: String, now: Date = Date()) throws -> CacheResetReport {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else {
            _ = try CacheDatabase(path: path)
            return CacheResetReport(movedTo: nil, preservedRows: [:], unreadableTables: [:])
        }
        let movedTo = asideName(for: path, now: now)
        try manager.moveItem(atPath: path, toPath: movedTo)
        for suffix in ["-wal", "-shm"] where manager.fileExists(atPath: path + suffix) {
            try manager.moveItem(atPath: path + suffix, toPath: movedTo + suffix)
        }
        let fresh = try CacheDatabase(path: path)
        var report = CacheResetReport(movedTo: movedTo, preservedRows: [:], unreadableTables: [:])
        guard CacheDoctor.headerProblem(path: movedTo) == nil else { return report }
        let old: DatabaseQueue
        do {
            old = try DatabaseQueue(path: movedTo, configuration: CacheDoctor.readOnlyConfiguration())
        } catch {
            for table in userDataTables { report.unreadableTables[table] = "\(error)" }
            return report
        }
        defer { try? old.close() }
        for table in userDataTables {
            do {
                report.preservedRows[table] = try copyRows(of: table, from: old, to: fresh)
            } catch let error as DatabaseError {
                report.unreadableTables[table] = error.message ?? "\(error.resultCode)"
            } catch {
                report.unreadableTables[table] = "\(error)"
            }
        }
        return report
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

    /// Copies the columns both files' `table` share (an older or newer schema may differ), in one
    /// transaction; rows already present in the fresh file are kept.
    static func copyRows(of table: String, from old: DatabaseQueue, to fresh: CacheDatabase) throws -> Int {
        let (columns, rows) = try old.read { db -> ([String], [Row]) in
            guard try db.tableExists(table) else { return ([], []) }
            let oldColumns = try db.columns(in: table).map(\.name)
            let freshColumns = try fresh.pool.read { try $0.columns(in: table).map(\.name) }
            let shared = oldColumns.filter(freshColumns.contains)
            guard !shared.isEmpty else { return ([], []) }
            let list = shared.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            return (shared, try Row.fetchAll(db, sql: "SELECT \(list) FROM \(table.quotedDatabaseIdentifier)"))
        }
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
