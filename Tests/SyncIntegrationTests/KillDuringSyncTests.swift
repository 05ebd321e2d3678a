import Foundation
import JoinupCache
import JoinupModel
import JoinupTestSupport
import Testing

/// `kill -9` of a real `joinup sync` of two 50,000-item collections (100,000 items) at seeded
/// random moments: the cache always opens intact, each collection is entirely as before or
/// entirely as synced, and the user's own data survives.
///
/// Every kill must hit a running sync (it dies of the SIGKILL, not of having finished). The sync
/// commits one collection, then fetches, parses and writes the other: half the kills land at a
/// random moment before the first commit, half at a random moment after it (seen by polling the
/// cache), while the second collection is still on its way. So both outcomes, old and new, occur
/// by construction rather than by luck, however loaded the machine. The seed is in every failure
/// message (`JOINUP_TEST_SEED` replays it).
@Suite(.serialized) struct KillDuringSyncTests {
    static let kills = 20
    static let collections = 2
    static let itemsPerCollection = 50_000
    /// The older state: the same generated collections (same seed, same URIs) with fewer items and other members.
    static let oldItemsPerCollection = 1_000

    /// When a kill is sent, counted from the start of the sync.
    enum KillPlan: Sendable, CustomStringConvertible {
        /// At this many seconds, or at the first commit if it comes sooner.
        case beforeFirstCommit(seconds: Double)
        /// Once a collection has committed, after this fraction of the time that took (the second
        /// collection takes about as long again, so the sync is still running).
        case afterFirstCommit(fraction: Double)
        /// Never: the sync runs to its end.
        case never

        var description: String {
            switch self {
            case .beforeFirstCommit(let seconds): String(format: "at %.2f s, before the first commit", seconds)
            case .afterFirstCommit(let fraction): String(format: "%.0f %% of the first commit's time after it", fraction * 100)
            case .never: "never"
            }
        }
    }

    @Test func killedSyncLeavesEachCollectionOldOrNewAndKeepsUserData() async throws {
        let folder = try TemporaryFolder()
        var random = SplitMix64.forTest()
        let seed = random.replay
        print("KillDuringSyncTests: \(seed)")
        let seeded = folder.path("seeded")

        // Every wait for a process happens off the cooperative pool (runBlocking); the checks stay here.
        let setup = try await runBlocking { try prepare(folder: folder, seeded: seeded) }
        let (old, new, reference) = (setup.old, setup.new, setup.reference)
        print(String(format: "KillDuringSyncTests: a whole sync took %.1f s, the first commit came at %.1f s",
                     reference.seconds, reference.firstCommit ?? -1))
        try #require(Set(old.keys) == Set(new.keys) && old.count == Self.collections)
        for (uri, print) in old { try #require(new[uri] != print, "old and new states of \(uri) must differ") }
        let firstCommit = try #require(reference.firstCommit, "the uninterrupted sync's first commit was never seen")
        try #require(firstCommit < reference.seconds * 0.75, "the collections must commit apart: \(reference)")

        var outcomes: [String: Int] = ["old": 0, "new": 0]
        for index in 0..<Self.kills {
            let plan: KillPlan = index.isMultiple(of: 2)
                ? .beforeFirstCommit(seconds: firstCommit * (0.02 + 0.93 * random.unit()))
                : .afterFirstCommit(fraction: 0.25 * random.unit())
            let run = folder.path("run-\(index)")
            let found = try await runBlocking {
                try killAndInspect(base: setup.remote.base, seeded: seeded, run: run, plan: plan, userData: setup.userData)
            }
            let context = "kill \(index) (\(plan)), \(seed)"
            #expect(found.run.killedBySIGKILL, "\(context): the kill hit no running sync: \(found.run)")
            #expect(found.openError == nil, "\(context): the cache must open: \(found.openError ?? "")")
            #expect(found.diagnosis.health == .healthy && found.diagnosis.integrity == ["ok"], "\(context): \(found.diagnosis)")
            for (uri, print) in found.prints {
                let state = print == old[uri] ? "old" : print == new[uri] ? "new" : nil
                #expect(state != nil, "\(context): \(uri) is neither entirely old nor entirely new: found \(print), old \(old[uri] ?? "-"), new \(new[uri] ?? "-")")
                if let state { outcomes[state, default: 0] += 1 }
            }
            #expect(Set(found.prints.keys) == Set(old.keys), "\(context): collections \(found.prints.keys.sorted())")
            #expect(found.lostUserData.isEmpty, "\(context): \(found.lostUserData)")
        }
        print("KillDuringSyncTests: collections found old \(outcomes["old"] ?? 0), new \(outcomes["new"] ?? 0) times")
        #expect(outcomes["old", default: 0] >= 1 && outcomes["new", default: 0] >= 1,
                "both outcomes must occur over \(Self.kills) kills: \(outcomes), \(seed)")
        setup.remote.stop()
    }

    /// The old and new states, the remote serving the new one, and the uninterrupted sync's timing.
    private struct Setup: Sendable {
        var old: [String: String]
        var new: [String: String]
        var reference: SyncRun
        var userData: UserDataProbe
        var remote: ServerProcess
    }

    /// What one killed sync left behind.
    private struct Inspection: Sendable {
        var run: SyncRun
        var openError: String?
        var diagnosis: CacheDiagnosis
        var prints: [String: String]
        var lostUserData: [String]
    }

    /// How a `joinup sync` run went: when a collection first committed, how long it ran, how it ended.
    struct SyncRun: Sendable, CustomStringConvertible {
        var firstCommit: Double?
        var seconds: Double
        var reason: Process.TerminationReason
        var status: Int32

        var killedBySIGKILL: Bool { reason == .uncaughtSignal && status == SIGKILL }

        var description: String {
            let end = reason == .exit ? "exited with status \(status)" : "died of signal \(status)"
            let commit = firstCommit.map { String(format: "%.2f s", $0) } ?? "none seen"
            return end + String(format: " after %.2f s, first commit at ", seconds) + commit
        }
    }

    /// The old state is a first sync of the smaller version plus the user's own data; the new
    /// state and the timing come from one uninterrupted sync of a copy.
    private func prepare(folder: TemporaryFolder, seeded: String) throws -> Setup {
        let small = try Self.remote(itemsPerCollection: Self.oldItemsPerCollection, folder: folder)
        let first = try sync(small.base, dataDirectory: seeded)
        small.stop()
        guard first.status == 0 else { throw ProcessFailure(message: "seeding sync failed: \(first.stderr)") }
        let userData = try UserDataProbe.seed(cachePath(seeded))
        let old = try fingerprints(cachePath(seeded))

        let remote = try Self.remote(itemsPerCollection: Self.itemsPerCollection, folder: folder)
        let reference = try copy(seeded, to: folder.path("reference"))
        let run = try runSync(remote.base, dataDirectory: reference, plan: .never)
        guard run.reason == .exit, run.status == 0 else { throw ProcessFailure(message: "reference sync failed: \(run)") }
        let new = try fingerprints(cachePath(reference))
        try? FileManager.default.removeItem(atPath: reference)
        return Setup(old: old, new: new, reference: run, userData: userData, remote: remote)
    }

    private func killAndInspect(base: String, seeded: String, run: String, plan: KillPlan,
                                userData: UserDataProbe) throws -> Inspection {
        _ = try copy(seeded, to: run)
        defer { try? FileManager.default.removeItem(atPath: run) }
        let result = try runSync(base, dataDirectory: run, plan: plan)
        let path = cachePath(run)
        var openError: String?
        var lost: [String] = []
        do {
            lost = try userData.problems(in: CacheDatabase(path: path))
        } catch {
            openError = "\(error)"
        }
        return Inspection(run: result, openError: openError, diagnosis: CacheDoctor.diagnose(path: path),
                          prints: try fingerprints(path), lostUserData: lost)
    }

    // MARK: Processes

    /// This test keeps both cores busy for minutes: its processes run at the lowest priority so
    /// the suites running beside it (some with network timeouts) are not starved. `nice` execs
    /// the program, so the PID signalled is the program's own.
    static let lowPriority = ["/usr/bin/nice", "-n", "19"]

    static func remote(itemsPerCollection: Int, folder: TemporaryFolder) throws -> ServerProcess {
        try ServerProcess(executable: lowPriority[0],
                          arguments: Array(lowPriority.dropFirst()) + [builtBinary("joinup-remote"), "--port", "0",
                                                                       "--generate", "\(itemsPerCollection)",
                                                                       "--collections", "\(collections)"],
                          folder: folder)
    }

    private func syncArguments(_ base: String, dataDirectory: String) -> [String] {
        Array(Self.lowPriority.dropFirst()) + [builtBinary("joinup"), "sync", "--remote", base, "--timeout", "60",
                                               // One collection at a time, so they commit apart and a kill can fall between them.
                                               "--parallel", "1",
                                               "--data-dir", dataDirectory, "--config-dir", dataDirectory + "-config"]
    }

    private func sync(_ base: String, dataDirectory: String) throws -> CommandResult {
        try runCommand(Self.lowPriority[0], syncArguments(base, dataDirectory: dataDirectory))
    }

    /// Runs `joinup sync`, watching the cache for the first commit (a collection's sync stamp
    /// changes), sends SIGKILL as `plan` says, and reaps it.
    private func runSync(_ base: String, dataDirectory: String, plan: KillPlan) throws -> SyncRun {
        let path = cachePath(dataDirectory)
        let stampsBefore = try stamps(path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.lowPriority[0])
        process.arguments = syncArguments(base, dataDirectory: dataDirectory)
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let started = Date()
        try process.run()
        var firstCommit: Double?
        while process.isRunning {
            let now = Date().timeIntervalSince(started)
            // A read that fails (the file busy for a moment) counts as "no commit yet".
            if firstCommit == nil, let current = try? stamps(path), current != stampsBefore { firstCommit = now }
            let due: Bool
            switch plan {
            case .beforeFirstCommit(let seconds): due = now >= seconds || firstCommit != nil
            case .afterFirstCommit(let fraction): due = firstCommit.map { now >= $0 * (1 + fraction) } ?? false
            case .never: due = false
            }
            if due {
                kill(process.processIdentifier, SIGKILL)
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let reaped = Date().addingTimeInterval(plan.isNever ? 600 : 30)
        while process.isRunning, Date() < reaped { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            throw ProcessFailure(message: "joinup sync did not end")
        }
        return SyncRun(firstCommit: firstCommit, seconds: Date().timeIntervalSince(started),
                       reason: process.terminationReason, status: process.terminationStatus)
    }

    /// Each collection's URI and sync stamp, which a collection's commit changes.
    private func stamps(_ path: String) throws -> String {
        try sqlite(path, "SELECT uri, synced_at FROM collection ORDER BY uri")
    }

    // MARK: Files

    private func cachePath(_ dataDirectory: String) -> String { dataDirectory + "/joinup.sqlite" }

    private func copy(_ source: String, to destination: String) throws -> String {
        try FileManager.default.copyItem(atPath: source, toPath: destination)
        return destination
    }

    /// Per collection URI, SHA3s of everything synced for it: its row (without sync stamps), its
    /// About metadata, its items, their topic rows, its members and the HTTP validators of its
    /// documents, each in a fixed order, joined by "/".
    private func fingerprints(_ path: String) throws -> [String: String] {
        let uris = try sqlite(path, "SELECT uri FROM collection ORDER BY uri").split(separator: "\n").map(String.init)
        var prints: [String: String] = [:]
        for uri in uris {
            let alias = try sqlite(path, "SELECT alias FROM collection WHERE uri = \(literal(uri))")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let parts = [
                "SELECT uri, alias, title, modified, origin, membership, members_published FROM collection WHERE uri = \(literal(uri))",
                // about_json's key order differs between runs (JSONEncoder without sorted keys): hash its leaves in path order.
                "SELECT j.fullkey, j.type, j.atom FROM collection c, json_tree(c.about_json) j WHERE c.uri = \(literal(uri)) AND j.type NOT IN ('object', 'array') ORDER BY j.fullkey",
                "SELECT guid, kind, title, link, body, author, published, event_start, event_end, event_location, list_date, topic_count, content_hash, title_key, author_key FROM item WHERE collection_uri = \(literal(uri)) ORDER BY guid",
                "SELECT i.guid, t.topic_uri, t.position, t.list_date FROM item_topic t JOIN item i ON i.id = t.item_id WHERE i.collection_uri = \(literal(uri)) ORDER BY i.guid, t.topic_uri",
                "SELECT id, name, business_title, organisation, roles, state, member_since FROM member WHERE collection_uri = \(literal(uri)) ORDER BY id",
                "SELECT url, etag, last_modified FROM http_validator WHERE url LIKE \(literal("%/collection/\(alias)%")) ORDER BY url",
            ]
            let hashes = try parts.map { query in
                try sqlite(path, "SELECT hex(sha3_query(\(literal(query))))").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            prints[uri] = hashes.joined(separator: "/")
        }
        return prints
    }

    private func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// The sqlite3 shell (it brings sha3_query), read-only.
    private func sqlite(_ path: String, _ sql: String) throws -> String {
        let result = try runCommand("/usr/bin/env", ["sqlite3", "-readonly", path, sql])
        guard result.status == 0 else { throw ProcessFailure(message: result.stderr) }
        return result.stdout
    }
}

/// A process this test ran failed (the sqlite3 shell, a sync, a kill).
private struct ProcessFailure: Error { var message: String }

extension KillDuringSyncTests.KillPlan {
    var isNever: Bool {
        if case .never = self { true } else { false }
    }
}

/// The user's own data, which no sync may lose (a sync never writes it, but a kill must not
/// damage it either): saved views and queued join/leave requests, seeded through the cache's API
/// before the kills, checked after each. (`joinup sync` tries the outbox first; signed out, it
/// sends nothing and the requests stay queued.)
struct UserDataProbe: Sendable {
    var views: [String: (ItemFilter, ItemSort)]
    var queued: [PendingAction]

    static func seed(_ path: String) throws -> UserDataProbe {
        let cache = try CacheDatabase(path: path)
        var views: [String: (ItemFilter, ItemSort)] = [:]
        for (index, collection) in try cache.collections().enumerated() {
            var filter = ItemFilter()
            filter.text = "interoperability \(index)"
            filter.kinds = [.news, .event]
            try cache.saveView(collectionURI: collection.uri, filter: filter, sort: .title)
            views[collection.uri] = (filter, .title)
        }
        // A view for a collection that is not synced: user data need not match synced data.
        var other = ItemFilter()
        other.text = "kept"
        try cache.saveView(collectionURI: "http://data.europa.eu/w21/not-synced", filter: other, sort: .oldest)
        views["http://data.europa.eu/w21/not-synced"] = (other, .oldest)
        var queued: [PendingAction] = []
        for collection in try cache.collections() {
            queued.append(try cache.enqueue(MembershipRequest(collectionAlias: collection.alias, collectionURI: collection.uri,
                                                              collectionTitle: collection.title, kind: .join)))
        }
        queued.append(try cache.enqueue(MembershipRequest(collectionAlias: "not-synced", collectionURI: "http://data.europa.eu/w21/not-synced",
                                                          collectionTitle: "Not synced", kind: .leave)))
        return UserDataProbe(views: views, queued: queued)
    }

    /// What is missing or changed, one line each; empty when all is there.
    func problems(in cache: CacheDatabase) throws -> [String] {
        var problems: [String] = []
        for (uri, (filter, sort)) in views {
            guard let (savedFilter, savedSort) = try cache.savedView(collectionURI: uri) else {
                problems.append("saved view of \(uri) lost")
                continue
            }
            if savedFilter != filter || savedSort != sort { problems.append("saved view of \(uri) changed") }
        }
        let waiting = Dictionary(try cache.pendingActions().map { ($0.idempotencyKey, $0) }, uniquingKeysWith: { first, _ in first })
        for action in queued {
            guard let found = waiting[action.idempotencyKey] else {
                problems.append("queued \(action.kind.rawValue) of \(action.collectionAlias) lost")
                continue
            }
            if found.collectionURI != action.collectionURI || found.kind != action.kind {
                problems.append("queued \(action.kind.rawValue) of \(action.collectionAlias) changed")
            }
        }
        return problems
    }
}

