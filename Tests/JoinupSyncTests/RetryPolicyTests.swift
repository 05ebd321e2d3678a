import Foundation
import Testing
@testable import JoinupSync

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(limits: HTTPClientLimits(retries: 2, maximumRetryWait: 30))

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.retryAfter("120", now: now) == 120)
        #expect(RetryPolicy.retryAfter(" 0 ", now: now) == 0)
        #expect(RetryPolicy.retryAfter("Tue, 14 Nov 2023 22:13:27 GMT", now: now) == 7)
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.retryAfter(nil, now: now) == nil)
    }

    @Test func busyAnswersWaitTheirRetryAfterOthersBackOffAndSomeAreNeverRetried() {
        let url = "http://127.0.0.1/feed.xml"
        #expect(policy.delay(after: .serverBusy(url: url, status: 503, retryAfter: 4), retry: 1) == .seconds(4))
        #expect(policy.delay(after: .serverBusy(url: url, status: 503, retryAfter: 31), retry: 1) == nil, "longer than the client waits")
        #expect(policy.delay(after: .serverBusy(url: url, status: 429, retryAfter: nil), retry: 2) == .seconds(2))
        #expect(policy.delay(after: .connectionLost(url: url, detail: "reset"), retry: 1) == .seconds(1))
        #expect(policy.delay(after: .httpStatus(url: url, status: 502), retry: 2) == .seconds(2))
        for final in [SyncError.httpStatus(url: url, status: 404), .timedOut(url: url, seconds: 5), .tooLarge(url: url, limit: 1),
                      .cannotConnect(url: url, detail: "refused")] {
            #expect(policy.delay(after: final, retry: 1) == nil, "\(final) must not be retried")
        }
    }

    @Test func aFailureIsRetriedAtMostTheAllowedTimes() async {
        let counter = Counter()
        // A budget no loaded machine exhausts: this counts attempts; the budget has its own test below.
        let quick = RetryPolicy(limits: HTTPClientLimits(resourceTimeout: 3600, retries: 2))
        do {
            _ = try await quick.run(url: "u") { (_: Int) async throws(SyncError) -> Int in
                counter.add()
                throw .serverBusy(url: "u", status: 503, retryAfter: 0)
            }
            Issue.record("the failure vanished")
        } catch {
            #expect(error == .serverBusy(url: "u", status: 503, retryAfter: 0))
        }
        #expect(counter.value == 3)
    }

    @Test func noRetryWhoseWaitWouldEndPastTheWholeBudget() async {
        let counter = Counter()
        let tight = RetryPolicy(limits: HTTPClientLimits(resourceTimeout: 2, retries: 2))
        do {
            _ = try await tight.run(url: "u") { (secondsLeft: Int) async throws(SyncError) -> Int in
                counter.add()
                #expect(secondsLeft == 2, "the first attempt gets the whole budget")
                throw .serverBusy(url: "u", status: 503, retryAfter: 3)
            }
        } catch {
            #expect(error == .serverBusy(url: "u", status: 503, retryAfter: 3))
        }
        #expect(counter.value == 1)
    }
}

/// Counts calls from a closure.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
