import Foundation

/// What a queued membership request asks for.
public enum MembershipActionKind: String, CaseIterable, Hashable, Sendable, Codable {
    case join
    case leave
}

/// A join or leave request recorded in the outbox before anything is sent; delivered exactly once.
public struct PendingAction: Hashable, Sendable, Identifiable {
    /// The outbox row id (what `joinup outbox --cancel ID` takes).
    public var id: Int64
    public var collectionAlias: String
    public var collectionURI: String
    public var collectionTitle: String
    public var kind: MembershipActionKind
    /// Sent as `Idempotency-Key` on every attempt, so a retry after a lost answer is a no-op on the server.
    public var idempotencyKey: String
    public var created: Date
    /// Deliveries tried so far (attempts that reached no answer, or answered 5xx).
    public var attempts: Int
    /// Not tried again before this time (the backoff).
    public var nextAttempt: Date
    /// Why the last attempt did not deliver, for `joinup outbox` and the status line.
    public var lastError: String?

    public init(id: Int64, collectionAlias: String, collectionURI: String, collectionTitle: String,
                kind: MembershipActionKind, idempotencyKey: String, created: Date, attempts: Int = 0,
                nextAttempt: Date, lastError: String? = nil) {
        self.id = id
        self.collectionAlias = collectionAlias
        self.collectionURI = collectionURI
        self.collectionTitle = collectionTitle
        self.kind = kind
        self.idempotencyKey = idempotencyKey
        self.created = created
        self.attempts = attempts
        self.nextAttempt = nextAttempt
        self.lastError = lastError
    }
}

/// A membership request about to be queued (the outbox assigns the id and the key).
public struct MembershipRequest: Hashable, Sendable {
    public var collectionAlias: String
    public var collectionURI: String
    public var collectionTitle: String
    public var kind: MembershipActionKind

    public init(collectionAlias: String, collectionURI: String, collectionTitle: String, kind: MembershipActionKind) {
        self.collectionAlias = collectionAlias
        self.collectionURI = collectionURI
        self.collectionTitle = collectionTitle
        self.kind = kind
    }
}

/// When a request that reached no answer is tried again: 5 s, 30 s, 2 min, 10 min, then every 30 min.
public enum OutboxBackoff {
    public static let delays: [TimeInterval] = [5, 30, 120, 600, 1800]

    /// The wait after `attempts` failed attempts (1 → 5 s), capped at the last step.
    public static func delay(afterAttempts attempts: Int) -> TimeInterval {
        delays[min(max(0, attempts - 1), delays.count - 1)]
    }
}
