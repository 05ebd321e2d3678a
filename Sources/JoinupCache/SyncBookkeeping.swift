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
            // The last success stays: the header still shows when the data was synced.
            var status = try SyncStatusRecord.fetchOne(db, key: alias)
                ?? SyncStatusRecord(alias: alias, remote: remote, lastAttempt: now)
            status.remote = remote
            status.lastAttempt = now
            status.lastError = message
            try status.save(db)
        }
    }

    /// The stored validators for these URLs (URLs never stored are absent from the result).
    public func validators(for urls: [String]) throws -> [String: ResourceValidator] {
        guard !urls.isEmpty else { return [:] }
        return try pool.read { db in
            var result: [String: ResourceValidator] = [:]
            for record in try HTTPValidatorRecord.fetchAll(db, keys: urls) { result[record.url] = record.validator }
            return result
        }
    }

    /// The sync status of a collection alias, if a sync was ever attempted.
    public func syncStatus(alias: String) throws -> SyncStatus? {
        try pool.read { db in
            try SyncStatusRecord.fetchOne(db, key: alias)?.status
        }
    }

    /// Every topic the cache knows (the vocabulary a conditional sync reuses when it is unchanged).
    public func allTopics() throws -> [Topic] {
        try pool.read { db in
            try TopicRecord.order(sql: "rowid").fetchAll(db).map(\.topic)
        }
    }

    static func store(_ validators: [ResourceValidator], now: Date, in db: Database) throws {
        for validator in validators {
            if validator.etag == nil && validator.lastModified == nil {
                try HTTPValidatorRecord.deleteOne(db, key: validator.url)
            } else {
                try HTTPValidatorRecord(url: validator.url, etag: validator.etag, lastModified: validator.lastModified,
                                        storedAt: now).upsert(db)
            }
        }
    }

    private static func stampSuccess(alias: String, remote: String, at now: Date, in db: Database) throws {
        try SyncStatusRecord(alias: alias, remote: remote, lastAttempt: now, lastSuccess: now).upsert(db)
    }
}
