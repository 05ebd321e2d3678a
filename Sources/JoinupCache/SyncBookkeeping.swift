import Foundation
import GRDB
import JoinupModel

/// The HTTP validators a remote sent with a resource, sent back on the next conditional GET.
public struct ResourceValidator: Hashable, Sendable {
    public var url: String
    /// The `ETag` header, verbatim (quotes included).
    public var etag: String?
    /// The `Last-Modified` header, verbatim.
    public var lastModified: String?

    public init(url: String, etag: String?, lastModified: String?) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// How the last sync of one collection (by alias) went.
public struct SyncStatus: Hashable, Sendable {
    public var alias: String
    public var remote: String
    public var lastAttempt: Date
    /// When a sync of this collection last succeeded (nil if never).
    public var lastSuccess: Date?
    /// Why the last attempt failed; nil when it succeeded.
    public var lastError: String?

    public init(alias: String, remote: String, lastAttempt: Date, lastSuccess: Date?, lastError: String?) {
        self.alias = alias
        self.remote = remote
        self.lastAttempt = lastAttempt
        self.lastSuccess = lastSuccess
        self.lastError = lastError
    }
}

extension CacheDatabase {
    /// Stores a synced snapshot, the validators of the documents it was built from and a success
    /// stamp, all in one transaction.
    @discardableResult
    /// `membersPublished`: whether the remote answered the members document (nil: not known this time).
    public func apply(_ snapshot: CollectionSnapshot, remote: String, validators: [ResourceValidator],
                      alias: String, membersPublished: Bool? = nil, at now: Date = Date()) throws -> ApplyResult {
        try write { db in
            let result = try Self.apply(snapshot, origin: .remote(remote), now: now, in: db)
            if let membersPublished {
                try db.execute(sql: "UPDATE collection SET members_published = ? WHERE uri = ?",
                               arguments: [membersPublished, snapshot.collection.uri])
            }
            try Self.store(validators, now: now, in: db)
            try Self.stampSuccess(alias: alias, remote: remote, at: now, in: db)
            return result
        }
    }

    /// Records a sync that found nothing changed: only the status row is written.
    public func recordUnchangedSync(alias: String, remote: String, at now: Date = Date()) throws {
        try write { db in try Self.stampSuccess(alias: alias, remote: remote, at: now, in: db) }
    }

    /// Records a failed sync; the collection's data and validators are left as they were.
    public func recordSyncFailure(alias: String, remote: String, message: String, at now: Date = Date()) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO sync_status (alias, remote, last_attempt, last_success, last_error)
                VALUES (?, ?, ?, NULL, ?)
                ON CONFLICT(alias) DO UPDATE SET remote = excluded.remote,
                    last_attempt = excluded.last_attempt, last_error = excluded.last_error
                """, arguments: [alias, remote, now.timeIntervalSince1970, message])
        }
    }

    /// The stored validators for these URLs (URLs never stored are absent from the result).
    public func validators(for urls: [String]) throws -> [String: ResourceValidator] {
        guard !urls.isEmpty else { return [:] }
        return try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT url, etag, last_modified FROM http_validator WHERE url IN \(placeholders(urls.count))
                """, arguments: StatementArguments(urls))
            var result: [String: ResourceValidator] = [:]
            for row in rows {
                let validator = ResourceValidator(url: row["url"], etag: row["etag"], lastModified: row["last_modified"])
                result[validator.url] = validator
            }
            return result
        }
    }

    /// The sync status of a collection alias, if a sync was ever attempted.
    public func syncStatus(alias: String) throws -> SyncStatus? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sync_status WHERE alias = ?", arguments: [alias]).map { row in
                SyncStatus(alias: row["alias"], remote: row["remote"],
                           lastAttempt: Date(timeIntervalSince1970: row["last_attempt"]),
                           lastSuccess: (row["last_success"] as Double?).map(Date.init(timeIntervalSince1970:)),
                           lastError: row["last_error"])
            }
        }
    }

    /// Every topic the cache knows (the vocabulary a conditional sync reuses when it is unchanged).
    public func allTopics() throws -> [Topic] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT uri, label, parent_uri, level FROM topic ORDER BY rowid").map(Self.topic(from:))
        }
    }

    static func store(_ validators: [ResourceValidator], now: Date, in db: Database) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO http_validator (url, etag, last_modified, stored_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                stored_at = excluded.stored_at
            """)
        let delete = try db.cachedStatement(sql: "DELETE FROM http_validator WHERE url = ?")
        for validator in validators {
            if validator.etag == nil && validator.lastModified == nil {
                try delete.execute(arguments: [validator.url])
            } else {
                try upsert.execute(arguments: [validator.url, validator.etag, validator.lastModified, now.timeIntervalSince1970])
            }
        }
    }

    private static func stampSuccess(alias: String, remote: String, at now: Date, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO sync_status (alias, remote, last_attempt, last_success, last_error)
            VALUES (?, ?, ?, ?, NULL)
            ON CONFLICT(alias) DO UPDATE SET remote = excluded.remote, last_attempt = excluded.last_attempt,
                last_success = excluded.last_success, last_error = NULL
            """, arguments: [alias, remote, now.timeIntervalSince1970, now.timeIntervalSince1970])
    }
}
