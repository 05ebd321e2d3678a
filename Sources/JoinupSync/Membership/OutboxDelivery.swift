import Foundation
import JoinupCache
import JoinupModel

extension RemoteLayout {
    /// `POST` here to join or leave a collection (by URI when the collection is cached under its URI).
    public func membership(_ alias: String, _ kind: MembershipActionKind) -> String {
        collectionPage(CollectionAddress(argument: alias)) + "/" + kind.rawValue
    }

    /// `GET` with the bearer token: who the token belongs to.
    public var currentUser: String { base + "/user?_format=json" }
}

/// What one delivery attempt of a queued request came to.
public struct DeliveryResult: Hashable, Sendable {
    public var action: PendingAction
    public var outcome: MembershipOutcome
    /// The membership stored with the outcome (nil when the request stays queued).
    public var membership: MyMembership?

    public init(action: PendingAction, outcome: MembershipOutcome, membership: MyMembership?) {
        self.action = action
        self.outcome = outcome
        self.membership = membership
    }

    /// The outcome in Joinup's words.
    public var message: String { MembershipWording.message(for: outcome, title: action.collectionTitle) }
}

/// Delivers the outbox to the remote: `POST /collection/<alias>/join|leave` with the bearer token
/// and the request's stored `Idempotency-Key`, so a retry after a lost answer changes nothing twice.
/// Outcomes are recorded in the cache (request removed and membership stored in one transaction);
/// requests that reached no answer stay, with a backoff that survives restarts.
public struct OutboxDelivery: Sendable {
    public let cache: CacheDatabase
    public let client: HTTPClient
    /// The remote's base URL (nil: none configured; requests wait).
    public let remote: String?
    public let credentials: Credentials?

    public init(cache: CacheDatabase, client: HTTPClient = HTTPClient(), remote: String?, credentials: Credentials?) {
        self.cache = cache
        self.client = client
        self.remote = remote
        self.credentials = credentials
    }

    /// Tries every request that is due (every one with `all`), oldest first. Stops at the first
    /// one that reaches no answer: the others would not either, and order is kept. A join or leave
    /// that changed the membership re-syncs that collection so Members and the count follow.
    public func deliver(now: Date = Date(), all: Bool = false) async -> [DeliveryResult] {
        let waiting: [PendingAction]
        do {
            waiting = try cache.pendingActions().filter { all || $0.nextAttempt <= now }
        } catch {
            return []
        }
        var results: [DeliveryResult] = []
        for action in waiting {
            let result = await attempt(action, now: now)
            results.append(result)
            if case .queued = result.outcome { break }
        }
        return results
    }

    /// One attempt at one request, recorded in the cache.
    func attempt(_ action: PendingAction, now: Date) async -> DeliveryResult {
        func waiting(_ outcome: MembershipOutcome, _ reason: String, counts: Bool) -> DeliveryResult {
            let attempts = action.attempts + (counts ? 1 : 0)
            let next = now.addingTimeInterval(OutboxBackoff.delay(afterAttempts: max(1, attempts)))
            try? cache.recordFailedAttempt(of: action.id, error: reason, nextAttempt: next, counts: counts)
            var updated = action
            updated.attempts = attempts
            updated.nextAttempt = next
            updated.lastError = reason
            return DeliveryResult(action: updated, outcome: outcome, membership: nil)
        }
        guard let remote, let layout = RemoteLayout(base: remote) else {
            return waiting(.queued(kind: action.kind, reason: "no remote configured"), "no remote configured", counts: false)
        }
        guard let url = URL(string: layout.membership(action.collectionAlias, action.kind)) else {
            return waiting(.queued(kind: action.kind, reason: "bad remote URL"), "bad remote URL", counts: false)
        }
        if let refusal = TokenPolicy.refusal(for: url) {
            return waiting(.queued(kind: action.kind, reason: refusal), refusal, counts: false)
        }
        guard let credentials else {
            return waiting(.notSignedIn, "not signed in", counts: false)
        }
        if let refusal = credentials.refusal(for: remote) {
            return waiting(.queued(kind: action.kind, reason: refusal), refusal, counts: false)
        }
        // A request goes to the remote its collection was synced from, never to whichever is configured now.
        if let source = try? cache.collectionSource(uri: action.collectionURI), Origin(source) != Origin(remote) {
            let reason = "\(action.collectionTitle) was synced from \(Origin(source)?.description ?? URLText.printable(source)), not \(Origin(remote)?.description ?? URLText.printable(remote)); the request waits for that remote"
            return waiting(.queued(kind: action.kind, reason: reason), reason, counts: false)
        }
        let status: Int, body: Data, location: String?
        do {
            (status, body, location) = try await client.send("POST", url, headers: [
                "Authorization": "Bearer \(credentials.token)",
                "Idempotency-Key": action.idempotencyKey,
                "Accept": "application/json",
            ]).parts
        } catch {
            return waiting(.queued(kind: action.kind, reason: error.message), error.message, counts: true)
        }
        let answer = MembershipAnswer.decode(body)
        let final: (MembershipOutcome, MyMembership?)
        switch status {
        case 200...299:
            switch (action.kind, answer?.state) {
            case (.join, "active"?):
                final = (.joined, answer?.roles.contains("owner") == true ? .owner : .active)
            case (.join, "pending"?):
                final = (.joinPending, .pending)
            case (.leave, _):
                // Leaving while the join waits for a facilitator withdraws the request: never a member.
                let wasPending = (try? cache.myMembership(collectionURI: action.collectionURI)) == .pending
                final = (wasPending ? .withdrawn : .left, MyMembership.none)
            default:
                final = (.refused("unexpected answer \(answer?.state ?? "(none)") to a join"), nil)
            }
        case 300...399:
            // The token is never sent on to another address; the request waits for the remote to be fixed.
            let reason = "the remote redirected the request\(location.map { " to \(URLText.printable($0))" } ?? "") (HTTP \(status)); a signed-in request is never sent on: check the remote's address"
            return waiting(.queued(kind: action.kind, reason: reason), reason, counts: true)
        case 401:
            return waiting(.notSignedIn, "the remote did not accept the token (401): run `joinup login`", counts: false)
        case 403:
            final = (.blocked, .blocked)
        case 404, 405, 406, 501:
            // No such endpoint: the remote has no join API (Joinup answers its pages, not this).
            final = (.noJoinAPI(pageURL: layout.collectionPage(action.collectionAlias)), nil)
        case 409:
            final = (.ownerCannotLeave, .owner)
        case 500...599:
            let reason = "the remote answered \(status)"
            return waiting(.queued(kind: action.kind, reason: reason), reason, counts: true)
        default:
            let detail = answer?.message.map { TerminalText.line($0) } ?? "HTTP \(status)"
            final = (.refused("\(detail) (HTTP \(status))"), nil)
        }
        do {
            try cache.recordDelivery(of: action.id, membership: final.1, now: now)
        } catch {
            return waiting(.queued(kind: action.kind, reason: "cache error: \(error)"), "cache error: \(error)", counts: true)
        }
        if final.0 == .joined || final.0 == .left {
            // Members and the member count come from the collection's members list.
            _ = await SyncEngine(layout: layout, cache: cache, client: client).syncCollection(action.collectionAlias)
        }
        return DeliveryResult(action: action, outcome: final.0, membership: final.1)
    }
}

/// The JSON body of a join/leave answer: `{"collection", "user", "state", "roles"}` or `{"error", "message"}`.
struct MembershipAnswer: Decodable {
    var state: String?
    var roles: [String] = []
    var message: String?

    enum CodingKeys: String, CodingKey { case state, roles, message }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        state = try container.decodeIfPresent(String.self, forKey: .state)
        roles = try container.decodeIfPresent([String].self, forKey: .roles) ?? []
        message = try container.decodeIfPresent(String.self, forKey: .message)
    }

    static func decode(_ body: Data) -> MembershipAnswer? {
        try? JSONDecoder().decode(MembershipAnswer.self, from: body)
    }
}

/// Asks the remote who a token belongs to (`GET /user?_format=json` → `{"name": …}`).
public enum AccountCheck {
    public enum Answer: Hashable, Sendable {
        case user(String)
        /// 401: the remote does not know the token.
        case rejected
    }

    public static func whoami(remote: String, token: String, client: HTTPClient = HTTPClient()) async throws(SyncError) -> Answer {
        guard let layout = RemoteLayout(base: remote), let url = URL(string: layout.currentUser) else {
            throw .transport(url: remote, detail: "not an http(s) URL")
        }
        if let refusal = TokenPolicy.refusal(for: url) { throw .transport(url: remote, detail: refusal) }
        let (status, body, location) = try await client.send("GET", url, headers: ["Authorization": "Bearer \(token)",
                                                                                    "Accept": "application/json"]).parts
        if status == 401 { return .rejected }
        if (300...399).contains(status) {
            throw .redirectRefused(url: URLText.printable(url.absoluteString),
                                   detail: "the remote redirected the sign-in check\(location.map { " to \(URLText.printable($0))" } ?? "") (HTTP \(status)); the token is never sent on: check the remote's address")
        }
        guard status == 200,
              let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let name = object["name"] as? String else {
            throw .httpStatus(url: url.absoluteString, status: status)
        }
        return .user(TerminalText.line(name))
    }
}
