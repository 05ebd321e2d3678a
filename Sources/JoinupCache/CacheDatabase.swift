import Foundation
import GRDB
import JoinupModel

/// The local SQLite cache: one file holding every synced collection. Safe to share across tasks.
public final class CacheDatabase: Sendable {
    let pool: DatabasePool
    /// The file this cache lives in.
    public let path: String
    /// In-memory filter indexes per collection (FilterIndex.swift).
    let filterIndexes = FilterIndexStore()

    /// Opens (creating if needed) the cache file at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another joinup (a `joinup sync` beside the browser) may hold the write lock briefly.
        configuration.busyMode = .timeout(5)
        // WAL with synchronous=NORMAL: a commit no longer waits for an fsync (only checkpoints
        // do). Each transaction stays atomic — a killed process leaves the old or the new state —
        // and a power cut can at worst lose the last commit, which the next sync fetches again.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw CacheError.unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        let migrator = CacheSchema.migrator
        do {
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw CacheError.newerSchema(path: path)
            }
            try migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw CacheError.unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// True when no collection has been stored yet (a first start).
    public func isEmpty() throws -> Bool {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM collection") ?? 0 } == 0
    }
}

/// Where a stored collection came from: the embedded snapshot or a remote.
public enum CacheOrigin: Hashable, Sendable {
    case embeddedSnapshot
    case remote(String)

    var column: String {
        switch self {
        case .embeddedSnapshot: "embedded"
        case .remote(let url): url
        }
    }

    static func dataOrigin(column: String, syncedAt: Date) -> DataOrigin {
        column == "embedded" ? .embeddedSnapshot : .synced(remote: column, at: syncedAt)
    }
}
