import Foundation
import JoinupCache
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupSync

/// Delivery paths that need no server: nothing is sent, and the request stays queued.
@Suite struct OutboxDeliveryTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    private func queued() throws -> (CacheDatabase, PendingAction) {
        let cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        let action = try cache.enqueue(MembershipRequest(collectionAlias: "x", collectionURI: "http://data.europa.eu/w21/x",
                                                         collectionTitle: "X", kind: .join))
        return (cache, action)
    }

    @Test func tokenIsNeverSentOverPlainHTTPToAnotherMachine() async throws {
        let (cache, action) = try queued()
        let delivery = OutboxDelivery(cache: cache, remote: "http://joinup.example.org", credentials: Credentials(token: "t", user: nil, origin: "http://joinup.example.org"))
        let results = await delivery.deliver()
        guard case .queued(_, let reason)? = results.first?.outcome else { Issue.record("not queued: \(results)"); return }
        #expect(reason.contains("https"))
        let waiting = try cache.pendingActions()
        #expect(waiting.map(\.id) == [action.id])
        #expect(waiting.first?.attempts == 0, "nothing was sent, so the backoff does not grow")
    }

    @Test func withoutATokenTheRequestWaitsForASignIn() async throws {
        let (cache, action) = try queued()
        let results = await OutboxDelivery(cache: cache, remote: "http://127.0.0.1:1", credentials: nil).deliver()
        #expect(results.map(\.outcome) == [.notSignedIn])
        #expect(try cache.pendingActions().map(\.idempotencyKey) == [action.idempotencyKey])
    }

    @Test func unreachableRemoteBacksOffAndKeepsTheKey() async throws {
        let (cache, action) = try queued()
        let now = Date()
        let delivery = OutboxDelivery(cache: cache, client: HTTPClient(limits: HTTPClientLimits(requestTimeout: 2)),
                                      remote: "http://127.0.0.1:1", credentials: Credentials(token: "t", user: nil, origin: "http://127.0.0.1:1"))
        let results = await delivery.deliver(now: now)
        guard case .queued(.join, _)? = results.first?.outcome else { Issue.record("not queued: \(results)"); return }
        #expect(results.first?.message.hasPrefix("Join queued — will be sent when the remote is reachable") == true)
        let waiting = try #require(try cache.pendingActions().first)
        #expect(waiting.attempts == 1)
        #expect(abs(waiting.nextAttempt.timeIntervalSince(now) - 5) < 0.001)
        #expect(waiting.idempotencyKey == action.idempotencyKey)
        // Not due yet: a second pass sends nothing.
        #expect(await delivery.deliver(now: now.addingTimeInterval(1)).isEmpty)
    }
}
