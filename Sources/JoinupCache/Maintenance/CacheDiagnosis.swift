import Foundation
import GRDB

/// What `joinup doctor` finds in a cache file, read without changing it.
public struct CacheDiagnosis: Sendable, Equatable {
    /// The health verdict, from best to worst.
    public enum Health: Sendable, Equatable {
        /// Readable, intact, written by this joinup (or an older one it can migrate).
        case healthy
        /// No file yet: the next start creates one.
        case missing
        /// Migrations this joinup does not know have been applied: a newer joinup wrote it.
        case newerSchema(unknownMigrations: [String])
        /// Not an SQLite database, unreadable, or failing its integrity check.
        case broken(reason: String)
    }

    public var path: String
    public var health: Health
    /// Bytes of the database file, and of its write-ahead log when one is present.
    public var fileSize: Int64
    public var walSize: Int64
    /// The migrations applied to the file, in the order this joinup knows them; unknown ones last.
    public var appliedMigrations: [String]
    /// The migrations this joinup knows.
    public var knownMigrations: [String]
    /// "ok", or the first problems `PRAGMA integrity_check` listed; nil when it could not run.
    public var integrity: [String]?
    /// Rows per table, for the tables doctor reports on (collections, items, members, user data).
    public var rowCounts: [String: Int]
    /// True when this user cannot write the file or its folder: reading works, syncing does not.
    public var isReadOnly = false

    /// True when the browser and sync can use the file as it is (a missing one is created).
    public var isUsable: Bool {
        switch health {
        case .healthy, .missing: true
        case .newerSchema, .broken: false
        }
    }
}

/// Reads a cache file's health without migrating or writing it.
public enum CacheDoctor {
    /// Tables whose row counts doctor reports: the synced data, then the user's own data.
    static var reportedTables: [String] { ["collection", "item", "member"] + CacheReset.userDataTables }

    /// Looks at the file at `path`: schema, integrity, sizes and row counts.
    public static func diagnose(path: String) -> CacheDiagnosis {
        let known = CacheSchema.migrator.migrations
        var diagnosis = CacheDiagnosis(path: path, health: .healthy, fileSize: fileSize(path),
                                       walSize: fileSize(path + "-wal"), appliedMigrations: [],
                                       knownMigrations: known, integrity: nil, rowCounts: [:])
        guard FileManager.default.fileExists(atPath: path) else {
            diagnosis.health = .missing
            return diagnosis
        }
        if let problem = headerProblem(path: path) {
            diagnosis.health = .broken(reason: problem)
            return diagnosis
        }
        do {
            diagnosis.isReadOnly = !CacheDatabase.isWritable(path)
            let queue = try DatabaseQueue(path: CacheDatabase.readOnlyLocation(path), configuration: readOnlyConfiguration())
            try queue.read { db in
                let applied = try CacheSchema.migrator.appliedIdentifiers(db)
                diagnosis.appliedMigrations = known.filter(applied.contains) + applied.subtracting(known).sorted()
                diagnosis.integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
                for table in reportedTables where try db.tableExists(table) {
                    diagnosis.rowCounts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)")
                }
                let unknown = applied.subtracting(known).sorted()
                if !unknown.isEmpty {
                    diagnosis.health = .newerSchema(unknownMigrations: unknown)
                } else if diagnosis.integrity != ["ok"] {
                    diagnosis.health = .broken(reason: "the integrity check failed")
                }
            }
            try queue.close()
        } catch let error as DatabaseError {
            diagnosis.health = .broken(reason: error.message ?? "\(error.resultCode)")
        } catch {
            diagnosis.health = .broken(reason: "\(error)")
        }
        return diagnosis
    }

    /// Every SQLite 3 file starts with these 16 bytes; an empty file is one SQLite would adopt.
    static func headerProblem(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "the file cannot be read" }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return "the file is empty" }
        if header != Data("SQLite format 3\0".utf8) { return "the file is not an SQLite database" }
        return nil
    }

    static func readOnlyConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(CacheDatabase.busyTimeout)
        return configuration
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
