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
    /// Read marks per collection as position sets over its filter index (ReadState.swift).
    let readMarks = ReadMarkStore()
    /// True when opened for reading only (`openForReading` on a file this user cannot write).
    public let isReadOnly: Bool
    /// The shared lock that keeps `doctor --reset-cache` away while this cache is open.
    private let lock: CacheLock?
    /// The file opened, to notice when the path names another one (`ReplacementGuard`, `collectionChanges`).
    let identity: CacheFileIdentity?

    /// Opens (creating if needed) the cache file at `path` and brings its schema up to date,
    /// holding the cache's shared lock for as long as this value lives (a reset waits for it).
    public convenience init(path: String) throws {
        try self.init(path: path, readOnly: false, lock: CacheLock.shared(cachePath: path, timeout: Self.busyTimeout))
    }

    /// For commands that only read: opens read-only when this user cannot write the file or its
    /// folder (another user's cache), which would otherwise fail with "attempt to write a
    /// readonly database"; else exactly as `init(path:)`.
    public static func openForReading(path: String) throws -> CacheDatabase {
        try CacheDatabase(path: path, readOnly: !isWritable(path),
                          lock: CacheLock.shared(cachePath: path, timeout: Self.busyTimeout))
    }

    /// `lock` nil: a file nobody else knows yet (the reset's fresh cache, written aside).
    convenience init(path: String, lock: CacheLock?) throws {
        try self.init(path: path, readOnly: false, lock: lock)
    }

    private init(path: String, readOnly: Bool, lock: CacheLock?) throws {
        self.path = path
        self.lock = lock
        isReadOnly = readOnly
        if readOnly, !FileManager.default.fileExists(atPath: path) { throw CacheError.readOnly(path: path) }
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        // Another joinup (a `joinup sync` beside the browser) may hold the write lock while it
        // stores a large collection: wait for it rather than report "database is locked".
        configuration.busyMode = .timeout(Self.busyTimeout)
        // A file a newer joinup migrated is refused untouched: our older code would misread it,
        // and even opening a pool writes (GRDB makes sure the write-ahead log exists).
        if FileManager.default.fileExists(atPath: path), Self.isSuperseded(path: path) {
            throw CacheError.newerSchema(path: path)
        }
        // WAL with synchronous=NORMAL: a commit no longer waits for an fsync (only checkpoints
        // do). Each transaction stays atomic — a killed process leaves the old or the new state —
        // and a power cut can at worst lose the last commit, which the next sync fetches again.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            pool = try DatabasePool(path: readOnly ? Self.readOnlyLocation(path) : path, configuration: configuration)
        } catch let error as DatabaseError {
            throw CacheError.explaining(error, path: path)
        }
        identity = CacheFileIdentity(path: path)
        pool.add(transactionObserver: ReplacementGuard(path: path, opened: identity), extent: .databaseLifetime)
        let migrator = CacheSchema.migrator
        do {
            // Checked again inside the pool: another process may have migrated it meanwhile.
            let (superseded, complete) = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw CacheError.newerSchema(path: path) }
            // Migrating takes the write lock; an up-to-date file opens without waiting for a sync.
            if !complete, readOnly { throw CacheError.readOnly(path: path) }
            if !complete { try migrator.migrate(pool) }
        } catch let error as DatabaseError {
            throw CacheError.explaining(error, path: path)
        }
    }

    /// Whether this user can write the cache: the file (when there is one) and its folder, where
    /// SQLite creates the write-ahead log.
    public static func isWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let fileWritable = !FileManager.default.fileExists(atPath: path) || access(path, W_OK) == 0
        return fileWritable && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// Where a read-only connection opens the file. SQLite reads a WAL database through its -shm
    /// index, which it must create when absent: in a folder this user cannot write, with no -shm
    /// left beside the file, the only way in is `immutable=1` (no locks, no index). No -shm means
    /// no joinup has the file open (a running one keeps it), so nothing changes it under us, unless
    /// its owner starts writing during our read; a read-only command is short, re-run it then.
    static func readOnlyLocation(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        if access(folder.isEmpty ? "." : folder, W_OK) == 0 || access(path + "-shm", R_OK) == 0 { return path }
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["?", "#"])) ?? path
        return "file:\(encoded)?immutable=1"
    }

    /// `pool.write` that gives back what a refused write leaves behind: on a full disk (or past a
    /// file-size limit) SQLite rolls the transaction back but keeps its pages in the write-ahead
    /// log, megabytes that keep the disk full. A TRUNCATE checkpoint empties the log, but only if
    /// it has no committed pages left to copy into the database, which could not grow on that
    /// disk: so the log is checkpointed (passively, never waiting for readers) before writing too.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try? pool.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        do {
            return try pool.write(updates)
        } catch let error as DatabaseError where CacheError.isOutOfSpace(error) {
            try? pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            throw CacheError.explaining(error, path: path)
        }
    }

    /// True when migrations this joinup does not know were applied to the file, read without writing it.
    /// A file that cannot be read at all is left to the pool to report.
    static func isSuperseded(path: String) -> Bool {
        guard let queue = try? DatabaseQueue(path: readOnlyLocation(path), configuration: CacheDoctor.readOnlyConfiguration()) else { return false }
        defer { try? queue.close() }
        return (try? queue.read { try CacheSchema.migrator.hasBeenSuperseded($0) }) ?? false
    }

    /// Seconds a write waits for another connection or process to finish its transaction.
    public static let busyTimeout: TimeInterval = 60

    /// Merges the write-ahead log into the file and closes every connection, leaving the whole
    /// cache in the one file (the reset renames just that file into place).
    func checkpointAndClose() throws {
        _ = try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try pool.close()
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
