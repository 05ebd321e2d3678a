import Foundation
import JoinupCache
import JoinupModel
import JoinupRemote
import JoinupSync
import JoinupTestSupport
import Testing

/// Syncs against a real `joinup-remote --fault …` over a cache holding the good collection: every
/// fault ends in a clear error within the client's limits (or, where a retry is allowed to
/// succeed, in a good sync), and a failed sync leaves every table as it was.
///
/// The elapsed-time bounds are the client's whole-request budget (30 s; 10 s where the fault ends
/// the first request at once): a sync stuck on a fault cannot outlast it. A hang fails through the
/// suite's time limit. Serialized, and processes are started and stopped off the cooperative pool,
/// so these tests do not starve the other suites' async work on a 2-core machine.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct FaultTests {
    static let alias = HostileCorpus.alias

    struct Run {
        let result: CollectionSyncResult
        let seconds: Double
        /// The faulty remote's request log.
        let requests: [String]
        let before: [String]
        let after: [String]

        var error: SyncError? {
            if case .failed(let error) = result.outcome { error } else { nil }
        }

        func requests(containing text: String) -> [String] { requests.filter { $0.contains(text) } }
    }

    /// Starts from the good cache (synced from an honest remote), then syncs from one with `faults`.
    func run(_ faults: [String], limits: HTTPClientLimits = HTTPClientLimits(requestTimeout: 5, resourceTimeout: 30))
        async throws -> Run {
        let folder = try TemporaryFolder()
        let cachePath = folder.path("cache.sqlite")
        try await GoodCaches.shared.copy(syncing: [Self.alias], to: cachePath)
        let cache = try CacheDatabase(path: cachePath)
        let faulty = try await RemoteProcess.start(data: fixtureFolder, extra: faults.flatMap { ["--fault", $0] }, folder: folder)
        let inspection = CacheInspection(path: cachePath)
        let before = try inspection.dump()
        let engine = SyncEngine(layout: try #require(RemoteLayout(base: faulty.base)), cache: cache, client: HTTPClient(limits: limits))
        let clock = ContinuousClock()
        let started = clock.now
        let result = await engine.syncCollection(Self.alias)
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let requests = faulty.requests()
        await faulty.stop()
        return Run(result: result, seconds: seconds, requests: requests, before: before, after: try inspection.dump())
    }

    /// The failure checks every fault shares: an error in SyncError's words naming the URL, the cache
    /// unchanged, and the sync over within `seconds`.
    func expectCleanFailure(_ run: Run, within seconds: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.error != nil, "the sync succeeded", sourceLocation: sourceLocation)
        #expect(run.error?.message.contains("http://127.0.0.1") == true, "the message names the URL: \(run.error?.message ?? "")",
                sourceLocation: sourceLocation)
        #expect(run.after == run.before, "a failed sync changed the cache", sourceLocation: sourceLocation)
        #expect(run.seconds < seconds, "the sync took \(run.seconds) s", sourceLocation: sourceLocation)
    }

    @Test func latencyWithinTheTimeoutOnlySlowsTheSync() async throws {
        let run = try await run(["latency=1500ms,path=feed.xml"])
        #expect(run.result.succeeded, "\(run.result.summary)")
        #expect(run.seconds >= 1.5, "the latency was injected")
    }

    @Test func latencyPastTheTimeoutIsATimeoutNamingTheDocument() async throws {
        let run = try await run(["latency=4s,path=feed.xml"], limits: HTTPClientLimits(requestTimeout: 1, resourceTimeout: 30))
        guard case let .timedOut(url, seconds)? = run.error else { Issue.record("got \(run.result.summary)"); return }
        #expect(url.hasSuffix("/feed.xml") && seconds == 1)
        expectCleanFailure(run, within: 10)
        #expect(run.requests(containing: "feed.xml").count == 1, "a timeout is not retried")
    }

    @Test func aBusyRemoteIsAskedAgainAfterItsRetryAfter() async throws {
        let run = try await run(["status=503,retry-after=1,path=feed.xml,first=1"])
        #expect(run.result.succeeded, "\(run.result.summary)")
        #expect(run.requests(containing: "feed.xml").count == 2, "asked again after the 503")
        #expect(run.seconds >= 1, "Retry-After: 1 was honoured")
    }

    @Test func aRetryAfterLongerThanTheClientWaitsFailsAtOnceSayingSo() async throws {
        let run = try await run(["status=503,retry-after=120,path=feed.xml"])
        guard case let .serverBusy(_, status, retryAfter)? = run.error else { Issue.record("got \(run.result.summary)"); return }
        #expect(status == 503 && retryAfter == 120)
        #expect(run.error?.message.contains("it asks to wait 120 s") == true)
        #expect(run.requests(containing: "feed.xml").count == 1)
        expectCleanFailure(run, within: 10)
    }

    @Test func aRemoteThatStaysBusyIsTriedThreeTimesWithBackoff() async throws {
        let run = try await run(["status=503,path=feed.xml"])
        guard case .serverBusy(_, 503, nil)? = run.error else { Issue.record("got \(run.result.summary)"); return }
        #expect(run.requests(containing: "feed.xml").count == 3, "\(run.requests)")
        #expect(run.seconds >= 3, "waited 1 s then 2 s")
        expectCleanFailure(run, within: 30)
    }

    @Test func aServerErrorIsRetriedThenReported() async throws {
        let run = try await run(["status=500,path=members"])
        #expect(run.error == .httpStatus(url: try #require(run.error.flatMap(Self.url)), status: 500))
        #expect(run.requests(containing: "members").count == 3)
        expectCleanFailure(run, within: 30)
    }

    @Test func aResetConnectionIsRetriedAndASecondTrySucceeds() async throws {
        let run = try await run(["reset,path=feed.xml,first=1"])
        #expect(run.result.succeeded, "\(run.result.summary)")
        #expect(run.requests(containing: "feed.xml").count == 2)
    }

    @Test func aConnectionResetEveryTimeIsAConnectionLost() async throws {
        let run = try await run(["reset,path=feed.xml"])
        guard case .connectionLost? = run.error else { Issue.record("got \(run.result.summary)"); return }
        expectCleanFailure(run, within: 30)
    }

    @Test func aTruncatedBodyIsAConnectionLostNotAPartialDocument() async throws {
        let run = try await run(["truncate=1000,path=feed.xml"])
        guard case .connectionLost? = run.error else { Issue.record("got \(run.result.summary)"); return }
        expectCleanFailure(run, within: 30)
    }

    @Test func aSlowDripEndsAtTheWholeRequestTimeout() async throws {
        let run = try await run(["drip=50B/s,path=feed.xml"], limits: HTTPClientLimits(requestTimeout: 5, resourceTimeout: 3))
        guard case let .timedOut(_, seconds)? = run.error else { Issue.record("got \(run.result.summary) after \(run.seconds) s"); return }
        #expect(seconds == 3, "the message gives the whole-request limit")
        expectCleanFailure(run, within: 15)
    }

    @Test func aRedirectLoopIsStoppedAndNamed() async throws {
        let run = try await run(["redirect-loop,path=feed.xml"])
        guard case let .transport(_, detail)? = run.error else { Issue.record("got \(run.result.summary)"); return }
        #expect(detail.contains("redirected more than 5 times"))
        #expect(run.requests(containing: "feed.xml").count == 6)
        expectCleanFailure(run, within: 10)
    }

    @Test func anHTMLPageWhereTheFeedShouldBeIsRefused() async throws {
        let run = try await run(["content-type=text/html"])
        guard case let .notADocument(url, type)? = run.error else { Issue.record("got \(run.result.summary)"); return }
        #expect(url.hasSuffix("/feed.xml") && type == "text/html")
        expectCleanFailure(run, within: 10)
    }

    @Test func aBodyOverTheSizeLimitIsRefusedWhileArriving() async throws {
        let run = try await run(["oversize=70MB,path=feed.xml"])
        guard case let .tooLarge(_, limit)? = run.error else { Issue.record("got \(run.result.summary)"); return }
        #expect(limit == 64 << 20)
        expectCleanFailure(run, within: 30)
    }

    @Test func faultSpecsAreReadOrRefusedWithAReason() throws {
        let spec = try Fault(spec: "status=503,retry-after=2,path=feed.xml,first=1")
        #expect(spec.kind == .status(503, retryAfter: 2) && spec.pathContains == "feed.xml" && spec.firstRequests == 1)
        #expect(try Fault(spec: "drip=1KB/s").kind == .drip(bytesPerSecond: 1024))
        #expect(try Fault(spec: "oversize=70MB").kind == .oversize(bytes: 70 << 20))
        #expect(try Fault(spec: "latency=1500ms").kind == .latency(milliseconds: 1500))
        #expect(throws: Fault.SpecError.self) { try Fault(spec: "explode") }
        #expect(throws: Fault.SpecError.self) { try Fault(spec: "reset,truncate=10") }
        #expect(throws: Fault.SpecError.self) { try Fault(spec: "reset,retry-after=3") }
    }

    static func url(of error: SyncError) -> String? {
        if case let .httpStatus(url, _) = error { url } else { nil }
    }
}
