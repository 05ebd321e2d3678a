import Foundation
import GRDB
import JoinupModel

/// The durable outbox: join/leave requests are committed here before anything is sent, and
/// leave it only in the transaction that records their outcome.
extension CacheDatabase {
    /// Commits a request to the outbox with a fresh idempotency key and returns it; due at once.
    /// The same request already waiting is returned instead of queued twice.
    public func enqueue(_ request: MembershipRequest, now: Date = Date()) throws -> PendingAction {
        try pool.write { db in
            if let waiting = try OutboxRecord.fetchOne(db, sql: """
                SELECT * FROM outbox WHERE collection_uri = ? AND kind = ? AND id = (SELECT MAX(id) FROM outbox)
                """, arguments: [request.collectionURI, request.kind.rawValue]) {
                return waiting.pendingAction
            }
            var record = OutboxRecord(request, idempotencyKey: UUID().uuidString.lowercased(), now: now)
            try record.insert(db)
            return record.pendingAction
        }
    }

    /// Every waiting request, oldest first (the order they are delivered in).
    public func pendingActions() throws -> [PendingAction] {
        try pool.read { db in
            try OutboxRecord.order(Column("id")).fetchAll(db).map(\.pendingAction)
        }
    }

    /// Records what the remote answered for request `id`: the request leaves the outbox and the
    /// membership is stored, in one transaction (nil membership: unchanged).
    public func recordDelivery(of id: Int64, membership: MyMembership?, now: Date = Date()) throws {
        try pool.write { db in
            guard let record = try OutboxRecord.fetchOne(db, key: id) else { return }
            try record.delete(db)
            guard let membership else { return }
            try Self.store(membership, uri: record.collectionURI, alias: record.collectionAlias, now: now, in: db)
        }
    }

    /// Records a failed attempt: the request stays, with why and when to try again. `counts` is
    /// false when nothing was sent (not signed in, an insecure remote), so the backoff does not grow.
    public func recordFailedAttempt(of id: Int64, error: String, nextAttempt: Date, counts: Bool = true) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE outbox SET attempts = attempts + ?, next_attempt = ?, last_error = ? WHERE id = ?
                """, arguments: [counts ? 1 : 0, nextAttempt.timeIntervalSince1970, error, id])
        }
    }

    /// Makes every waiting request due now (`joinup outbox --retry`, a new sign-in).
    public func makePendingActionsDue(now: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE outbox SET next_attempt = ?", arguments: [now.timeIntervalSince1970])
        }
    }

    /// Removes a waiting request without sending it; nil when there is none with that id.
    @discardableResult
    public func cancelPendingAction(id: Int64) throws -> PendingAction? {
        try pool.write { db in
            guard let record = try OutboxRecord.fetchOne(db, key: id) else { return nil }
            try record.delete(db)
            return record.pendingAction
        }
    }

    /// The signed-in user's membership of a collection as last learnt (`.none` when never).
    public func myMembership(collectionURI uri: String) throws -> MyMembership {
        try pool.read { db in
            try MyMembershipRecord.fetchOne(db, key: uri)?.state ?? MyMembership.none
        }
    }

    /// The signed-in user's membership of every collection it is known for, by collection URI.
    public func myMemberships() throws -> [String: MyMembership] {
        try pool.read { db in try Self.myMemberships(db) }
    }

    static func myMemberships(_ db: Database) throws -> [String: MyMembership] {
        var memberships: [String: MyMembership] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT collection_uri, state FROM my_membership") {
            memberships[row["collection_uri"]] = MyMembership(rawValue: row["state"])
        }
        return memberships
    }

    /// Forgets every stored membership (a sign-out or another account: they were someone else's).
    public func forgetMemberships() throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM my_membership")
            try db.execute(sql: "UPDATE collection SET membership = NULL")
        }
    }

    private static func store(_ membership: MyMembership, uri: String, alias: String, now: Date, in db: Database) throws {
        try MyMembershipRecord(collectionURI: uri, collectionAlias: alias, state: membership, updated: now).upsert(db)
        // The header reads the collection's own column (v1); keep it in step.
        try db.execute(sql: "UPDATE collection SET membership = ? WHERE uri = ?",
                       arguments: [membership.state?.rawValue, uri])
    }
}
