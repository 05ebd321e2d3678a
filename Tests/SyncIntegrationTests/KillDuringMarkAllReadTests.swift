import Foundation
import JoinupCache
import JoinupModel
import JoinupTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` of a real `joinup items --mark-read` (the statement `A` runs) while it marks 10,000
/// items read: the cache always opens intact and the items are all read or all unread.
///
/// The command prints the items first, then marks them: each kill is sent at a seeded random
/// moment after the last line arrived, within the time the marking took in an uninterrupted run,
/// so the kills land while the statement runs (or just after it). The seed is in every failure
/// message (`JOINUP_TEST_SEED` replays it).
@Suite(.serialized) struct KillDuringMarkAllReadTests {
    static let items = 10_000
    static let kills = 8
    static let alias = "generated-1"

    @Test func killedMarkAllReadLeavesEveryItemReadOrNoneAndTheCacheIntact() async throws {
        let folder = try TemporaryFolder()
        var random = SplitMix64.forTest()
        let seed = random.replay
        let seeded = folder.path("seeded")
        try await runBlocking { () throws -> Void in
            let remote = try ServerProcess(executable: builtBinary("joinup-remote"),
                                           arguments: ["--port", "0", "--generate", "\(Self.items)", "--collections", "1"],
                                           folder: folder)
            defer { remote.stop() }
            let synced = try runCommand(builtBinary("joinup"), ["sync", "--remote", remote.base, "--timeout", "60",
                                                                "--data-dir", seeded, "--config-dir", seeded + "-config"])
            guard synced.status == 0 else { throw ProcessError.timedOut("sync failed: \(synced.stderr)") }
        }
        let reference = try await runBlocking { try markAllRead(copyOf: seeded, into: folder.path("reference"), killAfter: nil) }
        try #require(reference.unread == 0, "an uninterrupted run marks everything: \(reference)")
        let window = max(0.005, reference.markingSeconds)
        print(String(format: "KillDuringMarkAllReadTests: marking took %.3f s; %@", window, "\(seed)"))

        var outcomes = ["all read": 0, "none read": 0]
        var hits = 0
        for index in 0..<Self.kills {
            let delay = window * random.unit()
            let found = try await runBlocking {
                try markAllRead(copyOf: seeded, into: folder.path("run-\(index)"), killAfter: delay)
            }
            let context = String(format: "kill %d at %.3f s after the listing, %@", index, delay, "\(seed)")
            #expect(found.openError == nil, "\(context): the cache must open: \(found.openError ?? "")")
            #expect(found.integrity == ["ok"], "\(context): \(found.integrity)")
            #expect(found.unread == 0 || found.unread == Self.items, "\(context): \(found.unread) of \(Self.items) unread")
            if found.unread == 0 { outcomes["all read", default: 0] += 1 }
            if found.unread == Self.items { outcomes["none read", default: 0] += 1 }
            if found.killed { hits += 1 }
        }
        print("KillDuringMarkAllReadTests: \(outcomes), \(hits) of \(Self.kills) kills hit a running process")
        #expect(hits > 0, "no kill hit a running mark: \(seed)")
    }

    struct Found: CustomStringConvertible {
        var unread: Int
        var killed: Bool
        var markingSeconds: Double
        var openError: String?
        var integrity: [String]

        var description: String { "unread \(unread), killed \(killed), marking \(markingSeconds) s, \(openError ?? "opened"), \(integrity)" }
    }

    /// Copies the seeded data folder, runs `joinup items --mark-read` on the copy and, when
    /// `killAfter` is set, sends SIGKILL that many seconds after its last line of output arrived.
    private func markAllRead(copyOf seeded: String, into run: String, killAfter: Double?) throws -> Found {
        try FileManager.default.copyItem(atPath: seeded, toPath: run)
        defer { try? FileManager.default.removeItem(atPath: run) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: builtBinary("joinup"))
        process.arguments = ["items", "--collection", Self.alias, "--mark-read", "--data-dir", run, "--config-dir", run + "-config"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        // Read until every item's line has arrived: the marking starts after the listing.
        var lines = 0
        let handle = out.fileHandleForReading
        while lines < Self.items {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            lines += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        let listed = Date()
        var killed = false
        if let killAfter {
            Thread.sleep(forTimeInterval: killAfter)
            if process.isRunning {
                Glibc.kill(process.processIdentifier, SIGKILL)
                killed = true
            }
        }
        while process.isRunning { Thread.sleep(forTimeInterval: 0.005) }
        let marking = Date().timeIntervalSince(listed)
        killed = killed && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        let path = run + "/joinup.sqlite"
        var found = Found(unread: -1, killed: killed, markingSeconds: marking, openError: nil,
                          integrity: CacheDoctor.diagnose(path: path).integrity ?? ["integrity check could not run"])
        do {
            let cache = try CacheDatabase(path: path)
            let uri = try #require(try cache.collection(named: Self.alias)).uri
            found.unread = try cache.unreadCount(collectionURI: uri)
        } catch {
            found.openError = "\(error)"
        }
        return found
    }
}
