import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupCache

/// The durable outbox in a real SQLite file: committed before sending, survives reopening,
/// outcome and membership recorded together.
@Suite struct OutboxTests {
    let folder: TemporaryFolder
    let cache: CacheDatabase

    init() throws {
        folder = try TemporaryFolder()
        cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        _ = try cache.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot)
    }

    var join: MembershipRequest {
        MembershipRequest(collectionAlias: "test", collectionURI: Fixture.collectionURI, collectionTitle: "Test", kind: .join)
    }

    @Test func enqueuedRequestIsOnDiskBeforeAnythingIsSent() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let queued = try cache.enqueue(join, now: now)
        // A second connection (another process would see the same) reads it back.
        let reopened = try CacheDatabase(path: folder.path("cache.sqlite"))
        let waiting = try reopened.pendingActions()
        #expect(waiting == [queued])
        #expect(queued.nextAttempt == now && queued.attempts == 0)
        #expect(UUID(uuidString: queued.idempotencyKey) != nil)
    }

    @Test func sameRequestTwiceInARowIsQueuedOnce() throws {
        let first = try cache.enqueue(join)
        let second = try cache.enqueue(join)
        #expect(first.id == second.id && first.idempotencyKey == second.idempotencyKey)
        var leave = join
        leave.kind = .leave
        _ = try cache.enqueue(leave)
        _ = try cache.enqueue(join)
        #expect(try cache.pendingActions().map(\.kind) == [.join, .leave, .join])
    }

    @Test func deliveryRemovesTheRequestAndStoresTheMembershipTogether() throws {
        let queued = try cache.enqueue(join)
        try cache.recordDelivery(of: queued.id, membership: .active)
        #expect(try cache.pendingActions().isEmpty)
        #expect(try cache.myMembership(collectionURI: Fixture.collectionURI) == .active)
        #expect(try cache.header(collectionURI: Fixture.collectionURI).membership == .active)
        try cache.forgetMemberships()
        #expect(try cache.myMembership(collectionURI: Fixture.collectionURI) == MyMembership.none)
        #expect(try cache.header(collectionURI: Fixture.collectionURI).membership == nil)
    }

    @Test func failedAttemptKeepsTheRequestWithItsBackoffAcrossReopening() throws {
        let queued = try cache.enqueue(join)
        let next = Date(timeIntervalSince1970: 1_800_000_000)
        try cache.recordFailedAttempt(of: queued.id, error: "connection refused", nextAttempt: next)
        try cache.recordFailedAttempt(of: queued.id, error: "not signed in", nextAttempt: next, counts: false)
        let reopened = try CacheDatabase(path: folder.path("cache.sqlite"))
        let waiting = try #require(try reopened.pendingActions().first)
        #expect(waiting.attempts == 1)
        #expect(waiting.nextAttempt == next)
        #expect(waiting.lastError == "not signed in")
        #expect(waiting.idempotencyKey == queued.idempotencyKey)
        try reopened.makePendingActionsDue(now: Date(timeIntervalSince1970: 1_000))
        #expect(try reopened.pendingActions().first?.nextAttempt == Date(timeIntervalSince1970: 1_000))
    }

    @Test func cancelRemovesOnlyThatRequest() throws {
        let first = try cache.enqueue(join)
        var leave = join
        leave.kind = .leave
        let second = try cache.enqueue(leave)
        #expect(try cache.cancelPendingAction(id: first.id)?.kind == .join)
        #expect(try cache.cancelPendingAction(id: first.id) == nil)
        #expect(try cache.pendingActions().map(\.id) == [second.id])
    }

    @Test func membershipSurvivesAResync() throws {
        let queued = try cache.enqueue(join)
        try cache.recordDelivery(of: queued.id, membership: .pending)
        _ = try cache.apply(Fixture.snapshot(items: Fixture.sampleItems, modified: Fixture.date(3)), origin: .remote("http://127.0.0.1:1"))
        #expect(try cache.header(collectionURI: Fixture.collectionURI).membership == .pending)
    }
}
