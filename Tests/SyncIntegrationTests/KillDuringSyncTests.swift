import Foundation
import JoinupCache
import JoinupModel
import JoinupTestSupport
import Testing

/// `kill -9` of a real `joinup sync` of a 100,000-item collection at seeded random moments: the
/// cache always opens intact, each collection is entirely as before or entirely as synced, and
/// the user's own data survives.
///
/// Set `JOINUP_KILL_SEED` to replay a run; the seed in use is printed.
@Suite(.serialized) struct KillDuringSyncTests {
    static let kills = 20
    static let items = 100_000
    /// The older state: the same generated collection (same seed, same URI) with fewer items and other members.
    static let oldItems = 2_000

    @Test func killedSyncLeavesEachCollectionOldOrNewAndKeepsUserData() async throws {
        let folder = try TemporaryFolder()
        let seed = ProcessInfo.processInfo.environment["JOINUP_KILL_SEED"].flatMap(UInt64.init)
            ?? UInt64(Date().timeIntervalSince1970 * 1000)
        print("KillDuringSyncTests: seed \(seed) (JOINUP_KILL_SEED=\(seed) replays it)")
        let seeded = folder.path("seeded")

        // Every wait for a process happens off the cooperative pool (runBlocking); the checks stay here.
        let setup = try await runBlocking { try prepare(folder: folder, seeded: seeded) }
        let (old, new, duration) = (setup.old, setup.new, setup.duration)
        print("KillDuringSyncTests: a whole sync took \(String(format: "%.1f", duration)) s")
        try #require(Set(old.keys) == Set(new.keys) && !old.isEmpty)
        for (uri, print) in old { try #require(new[uri] != print, "old and new states of \(uri) must differ") }

        // One kill per slice of the measured duration, at a random moment within it.
        var random = SplitMix64(seed: seed)
        var outcomes: [String: Int] = ["old": 0, "new": 0]
        for index in 0..<Self.kills {
            let moment = duration * (Double(index) + random.unit()) / Double(Self.kills)
            let run = folder.path("run-\(index)")
            let found = try await runBlocking {
                try killAndInspect(base: setup.remote.base, seeded: seeded, run: run, after: moment, userData: setup.userData)
            }
            let context = "kill \(index) at \(String(format: "%.2f", moment)) s (seed \(seed))"
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
        setup.remote.stop()
    }

    /// The old and new states, the remote serving the new one, and one sync's duration.
    private struct Setup: Sendable {
        var old: [String: String]
        var new: [String: String]
        var duration: TimeInterval
        var userData: UserDataProbe
        var remote: ServerProcess
    }

    /// What one killed sync left behind.
    private struct Inspection: Sendable {
        var openError: String?
        var diagnosis: CacheDiagnosis
        var prints: [String: String]
        var lostUserData: [String]
    }

    /// The old state is a first sync of the smaller version plus the user's own data; the new
    /// state and the duration come from one uninterrupted sync of a copy.
    private func prepare(folder: TemporaryFolder, seeded: String) throws -> Setup {
        let small = try Self.remote(items: Self.oldItems, folder: folder)
        let first = try sync(small.base, dataDirectory: seeded)
        small.stop()
        guard first.status == 0 else { throw ProcessFailure(message: "seeding sync failed: \(first.stderr)") }
        let userData = try UserDataProbe.seed(cachePath(seeded))
        let old = try fingerprints(cachePath(seeded))

        let remote = try Self.remote(items: Self.items, folder: folder)
        let reference = try copy(seeded, to: folder.path("reference"))
        let started = Date()
        let full = try sync(remote.base, dataDirectory: reference)
        let duration = Date().timeIntervalSince(started)
        guard full.status == 0 else { throw ProcessFailure(message: "reference sync failed: \(full.stderr)") }
        let new = try fingerprints(cachePath(reference))
        try? FileManager.default.removeItem(atPath: reference)
        return Setup(old: old, new: new, duration: duration, userData: userData, remote: remote)
    }

    private func killAndInspect(base: String, seeded: String, run: String, after moment: Double,
                                userData: UserDataProbe) throws -> Inspection {
        _ = try copy(seeded, to: run)
        defer { try? FileManager.default.removeItem(atPath: run) }
        try killSync(base, dataDirectory: run, after: moment)
        let path = cachePath(run)
        var openError: String?
        var lost: [String] = []
        do {
            lost = try userData.problems(in: CacheDatabase(path: path))
        } catch {
            openError = "\(error)"
        }
        return Inspection(openError: openError, diagnosis: CacheDoctor.diagnose(path: path),
                          prints: try fingerprints(path), lostUserData: lost)
    }

    // MARK: Processes

    /// This test keeps both cores busy for minutes: its processes run at the lowest priority so
    /// the suites running beside it (some with network timeouts) are not starved. `nice` execs
    /// the program, so the PID signalled is the program's own.
    static let lowPriority = ["/usr/bin/nice", "-n", "19"]

    static func remote(items: Int, folder: TemporaryFolder) throws -> ServerProcess {
        try ServerProcess(executable: lowPriority[0],
                          arguments: Array(lowPriority.dropFirst()) + [builtBinary("joinup-remote"), "--port", "0", "--generate", "\(items)"],
                          folder: folder)
    }

    private func syncArguments(_ base: String, dataDirectory: String) -> [String] {
        Array(Self.lowPriority.dropFirst()) + [builtBinary("joinup"), "sync", "--remote", base, "--timeout", "60",
                                               "--data-dir", dataDirectory, "--config-dir", dataDirectory + "-config"]
    }

    private func sync(_ base: String, dataDirectory: String) throws -> CommandResult {
        try runCommand(Self.lowPriority[0], syncArguments(base, dataDirectory: dataDirectory))
    }

    /// Starts `joinup sync`, sends SIGKILL after `seconds` (or lets it finish first), and reaps it.
    private func killSync(_ base: String, dataDirectory: String, after seconds: Double) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.lowPriority[0])
        process.arguments = syncArguments(base, dataDirectory: dataDirectory)
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let reaped = Date().addingTimeInterval(30)
        while process.isRunning, Date() < reaped { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { throw ProcessFailure(message: "joinup sync did not die") }
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

