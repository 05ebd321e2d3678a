import Foundation
import GRDB
import JoinupModel

/// The durable outbox: join/leave requests are committed here before anything is sent, and
/// leave it only in the transaction that records their outcome.
extension CacheDatabase {
    /// Migration "v6-outbox": the outbox, and the signed-in user's membership per collection
    /// (kept apart from `collection` so a re-imported collection keeps it).
    static func registerOutboxMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-outbox") { db in
            try db.execute(sql: """
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    collection_alias TEXT NOT NULL,
                    collection_uri TEXT NOT NULL,
                    collection_title TEXT NOT NULL,
                    kind TEXT NOT NULL,                 -- 'join' or 'leave'
                    idempotency_key TEXT NOT NULL UNIQUE,
                    created REAL NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt REAL NOT NULL,         -- epoch seconds: the backoff survives restarts
                    last_error TEXT
                );
                CREATE TABLE my_membership (
                    collection_uri TEXT PRIMARY KEY NOT NULL,
                    collection_alias TEXT NOT NULL,
                    state TEXT NOT NULL,                -- MyMembership raw value
                    updated REAL NOT NULL
                );
                """)
        }
    }

    /// Commits a request to the outbox with a fresh idempotency key and returns it; due at once.
    /// The same request already waiting is returned instead of queued twice.
    public func enqueue(_ request: MembershipRequest, now: Date = Date()) throws -> PendingAction {
        try pool.write { db in
            if let waiting = try Row.fetchOne(db, sql: """
                SELECT * FROM outbox WHERE collection_uri = ? AND kind = ? AND id = (SELECT MAX(id) FROM outbox)
                """, arguments: [request.collectionURI, request.kind.rawValue]) {
                return Self.pendingAction(waiting)
            }
            let key = UUID().uuidString.lowercased()
            try db.execute(sql: """
                INSERT INTO outbox (collection_alias, collection_uri, collection_title, kind, idempotency_key,
                                    created, next_attempt) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [request.collectionAlias, request.collectionURI, request.collectionTitle,
                                 request.kind.rawValue, key, now.timeIntervalSince1970, now.timeIntervalSince1970])
            return PendingAction(id: db.lastInsertedRowID, collectionAlias: request.collectionAlias,
                                 collectionURI: request.collectionURI, collectionTitle: request.collectionTitle,
                                 kind: request.kind, idempotencyKey: key, created: now, nextAttempt: now)
        }
    }

    /// Every waiting request, oldest first (the order they are delivered in).
    public func pendingActions() throws -> [PendingAction] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id").map(Self.pendingAction)
        }
    }

    /// Records what the remote answered for request `id`: the request leaves the outbox and the
    /// membership is stored, in one transaction (nil membership: unchanged).
    public func recordDelivery(of id: Int64, membership: MyMembership?, now: Date = Date()) throws {
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]) else { return }
            let action = Self.pendingAction(row)
            try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [id])
            guard let membership else { return }
            try Self.store(membership, uri: action.collectionURI, alias: action.collectionAlias, now: now, in: db)
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
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]) else { return nil }
            try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [id])
            return Self.pendingAction(row)
        }
    }

    /// The signed-in user's membership of a collection as last learnt (`.none` when never).
    public func myMembership(collectionURI uri: String) throws -> MyMembership {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT state FROM my_membership WHERE collection_uri = ?", arguments: [uri])
                .flatMap(MyMembership.init(rawValue:)) ?? MyMembership.none
        }
    }

    /// Forgets every stored membership (a sign-out or another account: they were someone else's).
    public func forgetMemberships() throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM my_membership")
            try db.execute(sql: "UPDATE collection SET membership = NULL")
        }
    }

    private static func store(_ membership: MyMembership, uri: String, alias: String, now: Date, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO my_membership (collection_uri, collection_alias, state, updated) VALUES (?, ?, ?, ?)
            ON CONFLICT(collection_uri) DO UPDATE SET state = excluded.state, updated = excluded.updated
            """, arguments: [uri, alias, membership.rawValue, now.timeIntervalSince1970])
        // The header reads the collection's own column (v1); keep it in step.
        try db.execute(sql: "UPDATE collection SET membership = ? WHERE uri = ?",
                       arguments: [membership.state?.rawValue, uri])
    }

    private static func pendingAction(_ row: Row) -> PendingAction {
        PendingAction(
            id: row["id"], collectionAlias: row["collection_alias"], collectionURI: row["collection_uri"],
            collectionTitle: row["collection_title"],
            kind: MembershipActionKind(rawValue: row["kind"]) ?? .join, idempotencyKey: row["idempotency_key"],
            created: Date(timeIntervalSince1970: row["created"]), attempts: row["attempts"],
            nextAttempt: Date(timeIntervalSince1970: row["next_attempt"]), lastError: row["last_error"])
    }
}
